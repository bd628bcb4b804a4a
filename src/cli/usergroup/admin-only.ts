import type { AsyncAdminService } from '../../client/async-proxies.js';
import { ApiUsageException, SecurityViolation } from '../../model/index.js';
import { CliError } from '../cli-error.js';

/**
 * OMERO's `@admin_only(...)` decorator (reference cli §0.2), run right after connecting and
 * before anything else, and decided by the server (`IAdmin.requireAdminPrivileges`), which
 * records every refusal in the audit log under `command`: not an administrator → rc 111
 * `SecurityViolation: Admins only!`; an administrator lacking some of `privileges` → rc 111
 * `SecurityViolation: Admin restrictions: <missing privileges, sorted, ", ">`. `privileges` may
 * carry privilege or bundle names the user typed: an unknown one → rc 2 with the server's
 * message listing the valid names.
 */
export async function requireAdminPrivileges(admin: AsyncAdminService, privileges: readonly string[], command: string): Promise<void> {
  try {
    await admin.requireAdminPrivileges(privileges, command);
  } catch (e) {
    if (e instanceof SecurityViolation) throw new CliError(111, `SecurityViolation: ${e.message}`);
    if (e instanceof ApiUsageException) throw new CliError(2, e.message);
    throw e;
  }
}
