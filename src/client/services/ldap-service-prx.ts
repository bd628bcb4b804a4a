import type { ExperimenterGroupI, ExperimenterI, RString } from '../../model/index.js';
import type { ArgsOf, Blocking, Ctx, MethodName, ResultOf, ILdap } from '../../contract/index.js';
import type { ServiceCaller } from '../remote.js';

type Str = string | RString;

/**
 * The ILdap proxy (`sf.getLdapService()`, OMERO's `LdapImpl`): administrators only. While LDAP is
 * off, everything but `getSetting()` throws ApiUsageException "LDAP is not enabled on this server …".
 */
export class LdapServicePrx implements Blocking<ILdap> {
  readonly #s: ServiceCaller;

  constructor(session: ServiceCaller) {
    this.#s = session;
  }

  #call<M extends MethodName<ILdap>>(method: M, args: ArgsOf<ILdap, M>, ctx?: Ctx | null): ResultOf<ILdap, M> {
    return this.#s.call('ILdap', method, args, ctx);
  }

  /** Whether LDAP is enabled (`omero.ldap.config`). */
  getSetting(ctx?: Ctx | null): boolean { return this.#call('getSetting', [], ctx); }
  /** The DN `user_filter` finds for a login; ApiUsageException "Cannot find unique user DistinguishedName: found=N". */
  findDN(username: Str, ctx?: Ctx | null): string { return this.#call('findDN', [username], ctx); }
  /** The DN `group_filter` finds for a group name. */
  findGroupDN(groupname: Str, ctx?: Ctx | null): string { return this.#call('findGroupDN', [groupname], ctx); }
  /** Local users (ldap=false) that LDAP knows by login. */
  discover(ctx?: Ctx | null): ExperimenterI[] { return this.#call('discover', [], ctx); }
  /** Local groups (ldap=false) that LDAP knows by name. */
  discoverGroups(ctx?: Ctx | null): ExperimenterGroupI[] { return this.#call('discoverGroups', [], ctx); }
  /** Creates the OMERO user of an LDAP login (no password check); ValidationException "User already exists: …". */
  createUser(username: Str, ctx?: Ctx | null): ExperimenterI { return this.#call('createUser', [username], ctx); }
}
