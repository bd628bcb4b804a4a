import { ADMIN_PRIVILEGES, PRIVILEGE_CONFIG_PREFIX, type AdminPrivilege } from '../../model/permissions/admin-privileges.js';

/** Fixed ids of OMERO's system users and groups (reference permissions §3). */
export const SystemIds = {
  ROOT_USER: 0,
  GUEST_USER: 1,
  SYSTEM_GROUP: 0,
  USER_GROUP: 1,
  GUEST_GROUP: 2,
} as const;

/** Names of the system groups. */
export const SystemGroupNames = { SYSTEM: 'system', USER: 'user', GUEST: 'guest' } as const;

/** The 15 light-admin privileges (reference permissions §3.1), defined once in the model. */
export { ADMIN_PRIVILEGES, PRIVILEGE_CONFIG_PREFIX, type AdminPrivilege };


/**
 * A user's privileges: none unless an admin; all 15 minus the restrictions stored as
 * `AdminPrivilege:<name>` entries whose value is not `true`; root is never restricted.
 */
export function privilegesOf(
  userId: number,
  isAdmin: boolean,
  config: ReadonlyArray<{ readonly name: string; readonly value: string }>,
): AdminPrivilege[] {
  if (!isAdmin) return [];
  if (userId === SystemIds.ROOT_USER) return [...ADMIN_PRIVILEGES];
  const removed = new Set(
    config
      .filter((c) => c.name.startsWith(PRIVILEGE_CONFIG_PREFIX) && c.value.toLowerCase() !== 'true')
      .map((c) => c.name.slice(PRIVILEGE_CONFIG_PREFIX.length)),
  );
  return ADMIN_PRIVILEGES.filter((p) => !removed.has(p));
}
