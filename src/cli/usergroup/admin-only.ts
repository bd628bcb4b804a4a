import type { AsyncAdminService } from '../../client/async-proxies.js';
import { CliError } from '../cli-error.js';

/**
 * OMERO's `@admin_only(...)` decorator (reference cli §0.2), run right after connecting and
 * before anything else: not an administrator → rc 111 `SecurityViolation: Admins only!`; an
 * administrator lacking some of `privileges` → rc 111 `SecurityViolation: Admin restrictions:
 * <missing privileges, sorted, ", ">`.
 */
export async function requireAdminPrivileges(admin: AsyncAdminService, privileges: readonly string[]): Promise<void> {
  const ec = await admin.getEventContext();
  if (!ec.isAdmin) throw new CliError(111, 'SecurityViolation: Admins only!');
  const held = new Set(ec.adminPrivileges ?? []);
  const missing = privileges.filter((p) => !held.has(p)).sort();
  if (missing.length > 0) throw new CliError(111, `SecurityViolation: Admin restrictions: ${missing.join(', ')}`);
}
