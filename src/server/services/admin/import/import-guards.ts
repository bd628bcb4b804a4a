import type { CallContext } from '../../../call/call-context.js';
import { adminOrLeaderRefusal, adminRefusal, loginNameRefusal, type AdminPrivilege } from '../../../security/index.js';
import { throwIfRefused } from '../../refusal-exception.js';

/** The import's checks, each one of the account rules of `security/` (the same as the single-row methods). */
export function requireAdmin(call: CallContext, privilege?: AdminPrivilege): void {
  throwIfRefused(adminRefusal(call.caller, privilege));
}

export function requireAdminOrLeader(call: CallContext, privilege: AdminPrivilege, groupIds: readonly number[], action: string): void {
  throwIfRefused(adminOrLeaderRefusal(call.caller, privilege, groupIds, action));
}

/** A login a user may have (`userId`: an existing user, null: a new one): reserved names, allowed characters. */
export function validateLogin(name: string, userId: number | null): void {
  throwIfRefused(loginNameRefusal(name, userId));
}
