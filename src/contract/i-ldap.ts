import type { ExperimenterGroupI, ExperimenterI } from '../model/index.js';
import type { Str } from './argument-types.js';

/**
 * ILdap (`sf.getLdapService()`, OMERO's `LdapImpl`): administrators only. While LDAP is off,
 * everything but `getSetting()` throws ApiUsageException "LDAP is not enabled on this server …".
 */
export interface ILdap {
  /** Whether LDAP is enabled (`omero.ldap.config`). */
  getSetting(): boolean;
  /** The DN `user_filter` finds for a login; ApiUsageException "Cannot find unique user DistinguishedName: found=N". */
  findDN(username: Str): string;
  /** The DN `group_filter` finds for a group name. */
  findGroupDN(groupname: Str): string;
  /** Local users (ldap=false) that LDAP knows by login. */
  discover(): ExperimenterI[];
  /** Local groups (ldap=false) that LDAP knows by name. */
  discoverGroups(): ExperimenterGroupI[];
  /** Creates the OMERO user of an LDAP login (no password check); ValidationException "User already exists: …". */
  createUser(username: Str): ExperimenterI;
}
