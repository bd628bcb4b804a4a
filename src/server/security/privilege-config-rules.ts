import type { Caller } from './caller.js';
import { refuse, type Refusal } from './refusal.js';
import { ADMIN_PRIVILEGES, PRIVILEGE_CONFIG_PREFIX, SystemIds, type AdminPrivilege } from './roles.js';

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

/**
 * Changing a user's `config` through IUpdate may grant or restrict light-admin privileges
 * (`omero obj map-set Experimenter:<id> config AdminPrivilege:<X> false`; reference permissions
 * §3.1). Rules: root is never restricted (ApiUsageException, as OMERO's
 * `prevent_root_privilege_restriction` trigger); whoever changes the state of a privilege must hold
 * it (anti-elevation: "cannot give administrator privileges that current user does not have").
 * Entries that are not privileges are free. Returns null when the change may proceed.
 */
export function privilegeConfigRefusal(
  caller: Caller,
  targetUserId: number,
  before: readonly ConfigEntry[],
  after: readonly ConfigEntry[],
): Refusal | null {
  const was = restrictedPrivileges(before);
  const now = restrictedPrivileges(after);
  const changed = ADMIN_PRIVILEGES.filter((p) => was.has(p) !== now.has(p));
  if (changed.length === 0) return null;
  if (targetUserId === SystemIds.ROOT_USER && now.size > 0) {
    return refuse('ApiUsageException', 'Cannot restrict the privileges of root');
  }
  const lacking = changed.filter((p) => !caller.isAdmin || !caller.privileges.has(p));
  if (lacking.length > 0) {
    return refuse(
      'SecurityViolation',
      `cannot give administrator privileges that current user does not have: ${lacking.join(', ')}`,
    );
  }
  return null;
}
