import type { Knex } from 'knex';
import { ApiUsageException, SecurityViolation, ValidationException } from '../../../model/index.js';
import type { CallContext } from '../../call/call-context.js';
import { actorOf, recordRefusal } from './audit-log.js';

/** IAdmin methods that change accounts: every refusal of theirs is recorded. */
const ADMIN_WRITES: ReadonlySet<string> = new Set([
  'createGroup', 'createUser', 'createExperimenter', 'createExperimenterWithPassword', 'createSystemUser',
  'createRestrictedSystemUser', 'createRestrictedSystemUserWithPassword', 'setAdminPrivileges', 'addGroups',
  'removeGroups', 'setDefaultGroup', 'setGroupOwner', 'unsetGroupOwner', 'addGroupOwners', 'removeGroupOwners',
  'changePassword', 'changePasswordWithOldPassword', 'changeUserPassword', 'updateSelf', 'updateExperimenter',
  'updateGroup', 'changePermissions',
]);

/**
 * Refusals raised by the account rules outside IAdmin (IUpdate on users, ILdap), and by
 * `requireAdminPrivileges`: recorded too, under the action they name (else the method's).
 */
const marked = new WeakMap<object, string | null>();

/** Marks an exception as the refusal of an administrative change, to be recorded (as `action`, if given). */
export function auditable<E extends Error>(e: E, action: string | null = null): E {
  marked.set(e, action);
  return e;
}

/**
 * Records the refusal of an administrative change (issue 11: escalation attempts are audited):
 * written to the pool after the call's transaction rolled back. Only the method and the refusal's
 * message are kept — never the arguments, which may hold a password.
 */
export async function auditRefusal(db: Knex, call: CallContext, service: string, method: string, e: unknown): Promise<void> {
  const refusal = e instanceof SecurityViolation || e instanceof ValidationException || e instanceof ApiUsageException;
  const recorded = (service === 'IAdmin' && ADMIN_WRITES.has(method) && refusal) || (typeof e === 'object' && e !== null && marked.has(e));
  if (!recorded) return;
  try {
    const action = typeof e === 'object' && e !== null ? marked.get(e) : null;
    await recordRefusal(db, actorOf(call), { action: action ?? method }, (e as Error).message);
  } catch {
    // The refusal itself must reach the caller even if the log cannot be written.
  }
}
