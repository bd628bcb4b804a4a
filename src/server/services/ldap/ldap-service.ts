import type { ILdap, Served } from '../../../contract/index.js';
import { ApiUsageException, type ExperimenterGroupI, type ExperimenterI, type RString } from '../../../model/index.js';
import type { LdapDirectory } from '../../auth/ldap/index.js';
import type { CallContext } from '../../call/call-context.js';
import { requiredStr } from '../admin/admin-arguments.js';
import { adminRefusal, SystemIds, type AdminPrivilege } from '../../security/index.js';
import { throwIfRefused } from '../refusal-exception.js';
import { loadExperimenters, loadGroups } from '../admin/admin-loader.js';
import { createLdapAccount } from './ldap-accounts.js';

/** What the LDAP calls answer while `omero.ldap.config` is off. */
export const LDAP_DISABLED_MESSAGE = 'LDAP is not enabled on this server (omero.ldap.config=false; set OMERO_LDAP_CONFIG=true and the omero.ldap.* settings)';

/** The directory, or OMERO's refusal when LDAP is switched off. */
export function enabledDirectory(directory: LdapDirectory | null): LdapDirectory {
  if (!directory) throw new ApiUsageException(LDAP_DISABLED_MESSAGE);
  return directory;
}

/**
 * ILdap (`sf.getLdapService()`, OMERO's `LdapImpl`): every method is for administrators only
 * (`@RolesAllowed("system")`) and is refused before anything else is done. `createUser` also needs
 * the ModifyUser and ModifyGroupMembership privileges, which OMERO's CLI checks but its server does
 * not (a light admin could otherwise create members of any group).
 */
export class LdapService implements Served<ILdap, CallContext> {
  readonly #directory: LdapDirectory | null;

  /** `directory` is null when LDAP is switched off. */
  constructor(directory: LdapDirectory | null) {
    this.#directory = directory;
  }

  /** Whether LDAP is enabled (`omero.ldap.config`). */
  async getSetting(call: CallContext): Promise<boolean> {
    requireAdmin(call);
    return this.#directory !== null;
  }

  /** The DN of the LDAP user with this login (through `user_filter`). */
  async findDN(call: CallContext, username: string | RString): Promise<string> {
    requireAdmin(call);
    return (await enabledDirectory(this.#directory).findUser(requiredStr(username, 'username'))).dn;
  }

  /** The DN of the LDAP group with this name (through `group_filter`). */
  async findGroupDN(call: CallContext, groupname: string | RString): Promise<string> {
    requireAdmin(call);
    return (await enabledDirectory(this.#directory).findGroup(requiredStr(groupname, 'groupname'))).dn;
  }

  /** Local users (`ldap=false`, not root or guest) whose login LDAP knows: candidates for `setdn true`. */
  async discover(call: CallContext): Promise<ExperimenterI[]> {
    requireAdmin(call);
    const directory = enabledDirectory(this.#directory);
    const local = await loadExperimenters(call.trx, (q) => q.where({ ldap: false }).whereNotIn('id', [SystemIds.ROOT_USER, SystemIds.GUEST_USER]), null);
    const found: ExperimenterI[] = [];
    for (const e of local) if (await knows(() => directory.findUser(e.omeName!.val))) found.push(e);
    return found;
  }

  /** Local groups (`ldap=false`, not system, user or guest) that LDAP knows. */
  async discoverGroups(call: CallContext): Promise<ExperimenterGroupI[]> {
    requireAdmin(call);
    const directory = enabledDirectory(this.#directory);
    const special = [SystemIds.SYSTEM_GROUP, SystemIds.USER_GROUP, SystemIds.GUEST_GROUP];
    const local = await loadGroups(call.trx, (q) => q.where({ ldap: false }).whereNotIn('id', special), null);
    const found: ExperimenterGroupI[] = [];
    for (const g of local) if (await knows(() => directory.findGroup(g.name!.val))) found.push(g);
    return found;
  }

  /**
   * Creates the OMERO user of an LDAP login without checking a password, so that administrators
   * can add it to groups before its first login (`omero ldap create`). Returns the new user.
   */
  async createUser(call: CallContext, username: string | RString): Promise<ExperimenterI> {
    requireAdmin(call, 'ModifyUser');
    requireAdmin(call, 'ModifyGroupMembership');
    const directory = enabledDirectory(this.#directory);
    const uid = await createLdapAccount(call.trx, directory, requiredStr(username, 'username'));
    const [created] = await loadExperimenters(call.trx, (q) => q.where({ id: uid }), null);
    return created!;
  }
}

/** Whether a lookup finds its entry; "not unique" and "not found" (ApiUsageException) count as no. */
async function knows(lookup: () => Promise<unknown>): Promise<boolean> {
  try {
    await lookup();
    return true;
  } catch (e) {
    if (e instanceof ApiUsageException) return false;
    throw e;
  }
}

/** Admin-only methods, optionally needing a light-admin privilege (`adminRefusal`). */
function requireAdmin(call: CallContext, privilege?: AdminPrivilege): void {
  throwIfRefused(adminRefusal(call.caller, privilege));
}
