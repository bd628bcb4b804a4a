import type { Caller } from './caller.js';
import { privilegeChangeRefusal } from './account-rules.js';
import type { Refusal } from './refusal.js';
import { ADMIN_PRIVILEGES, PRIVILEGE_CONFIG_PREFIX, type AdminPrivilege } from './roles.js';

/** One `experimenter_config` entry. */
export interface ConfigEntry {
  readonly name: string;
  readonly value: string;
}

/** The privileges restricted by a config list (`AdminPrivilege:<X>` whose value is not `true`). */
export function restrictedPrivileges(config: readonly ConfigEntry[]): Set<AdminPrivilege> {
  const known = new Set<string>(ADMIN_PRIVILEGES);
  const result = new Set<AdminPrivilege>();
  for (const c of config) {
    if (!c.name.startsWith(PRIVILEGE_CONFIG_PREFIX)) continue;
    const name = c.name.slice(PRIVILEGE_CONFIG_PREFIX.length);
    if (known.has(name) && c.value.toLowerCase() !== 'true') result.add(name as AdminPrivilege);
  }
  return result;
}

/** The privileges a config list leaves an admin: all 15 minus its restrictions. */
export function configuredPrivileges(config: readonly ConfigEntry[]): Set<AdminPrivilege> {
  const restricted = restrictedPrivileges(config);
  return new Set(ADMIN_PRIVILEGES.filter((p) => !restricted.has(p)));
}

/**
 * Changing a user's `config` through IUpdate may grant or restrict light-admin privileges
 * (`omero obj map-set Experimenter:<id> config AdminPrivilege:<X> false`; reference permissions
 * §3.1): the same rule as `setAdminPrivileges` (`privilegeChangeRefusal`) — root is never
 * restricted, whoever changes the state of a privilege must hold it, and a user holding
 * privileges the caller lacks is not the caller's to change. Entries that are not privileges are
 * free. Returns null when the change may proceed.
 */
export function privilegeConfigRefusal(
  caller: Caller,
  targetUserId: number,
  before: readonly ConfigEntry[],
  after: readonly ConfigEntry[],
  targetPrivileges: readonly AdminPrivilege[] = [],
): Refusal | null {
  return privilegeChangeRefusal(caller, { userId: targetUserId, privileges: targetPrivileges }, configuredPrivileges(before), configuredPrivileges(after));
}
