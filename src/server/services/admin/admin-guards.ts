import { SecurityViolation } from '../../../model/index.js';
import type { CallContext } from '../../call/call-context.js';
import { hasPrivilege, type AdminPrivilege } from '../../security/index.js';

/** Admin-only methods (`@RolesAllowed("system")`), optionally needing a light-admin privilege. */
export function requireAdmin(call: CallContext, privilege?: AdminPrivilege): void {
  if (!call.caller.isAdmin) throw new SecurityViolation('No matching roles found for this session (allowed: [system])');
  if (privilege && !hasPrivilege(call.caller, privilege)) {
    throw new SecurityViolation(`Admin restrictions: ${privilege}`);
  }
}

/** Allowed for admins holding `privilege`, or for owners (PIs) of every group in `groupIds`. */
export function requireAdminOrLeader(call: CallContext, privilege: AdminPrivilege, groupIds: readonly number[], action: string): void {
  if (hasPrivilege(call.caller, privilege)) return;
  const led = call.caller.leaderOf;
  if (groupIds.length > 0 && groupIds.every((g) => led.includes(g))) return;
  throw new SecurityViolation(
    call.caller.isAdmin
      ? `Admin restrictions: ${privilege}`
      : `${action} requires an administrator or an owner of the group(s) ${groupIds.join(', ')}`,
  );
}
