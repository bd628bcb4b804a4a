import type { Knex } from 'knex';
import type { CallContext } from '../../call/call-context.js';

/** The kinds of object an audit entry is about. */
export type AuditTargetType = 'Experimenter' | 'ExperimenterGroup' | 'Session';

/**
 * One administrative change for the audit log (`audit_log`, migration 0002): what was done to
 * which user or group, and the state before and after. Never a password: password changes are
 * recorded as `{ password: 'changed' }`.
 */
export interface AuditEntry {
  /** What happened, as the IAdmin method or command that did it: `createUser`, `addGroups`, `sudo`… */
  readonly action: string;
  readonly targetType?: AuditTargetType;
  readonly targetId?: number | null;
  readonly targetName?: string | null;
  readonly before?: unknown;
  readonly after?: unknown;
}

/** Who acted, for entries written outside a call (logins, refusals after the rollback). */
export interface AuditActor {
  readonly actorId: number | null;
  /** The login, when the actor has no id (an unknown login). */
  readonly actorName?: string;
  readonly sudoerId: number | null;
  readonly sessionId: number | null;
  readonly address: string;
}

/** The actor of a call: the session's user, and the sudoer when it is a sudo session. */
export function actorOf(call: CallContext): AuditActor {
  return { actorId: call.session.owner, sudoerId: call.session.sudoer, sessionId: call.session.id, address: call.address };
}

/** Records a change made by `call`, in its transaction: it stands or falls with the change. */
export async function recordChange(call: CallContext, entry: AuditEntry): Promise<void> {
  await insertEntry(call.trx, actorOf(call), entry, 'done', null);
}

/**
 * Records a refused attempt. Written straight to the pool (`db`), since the refused call's
 * transaction is rolled back.
 */
export async function recordRefusal(db: Knex, actor: AuditActor, entry: AuditEntry, message: string): Promise<void> {
  await insertEntry(db, actor, entry, 'refused', message);
}

/** Records a change made outside a call (a sudo login). */
export async function recordEvent(db: Knex | Knex.Transaction, actor: AuditActor, entry: AuditEntry): Promise<void> {
  await insertEntry(db, actor, entry, 'done', null);
}

async function insertEntry(
  db: Knex | Knex.Transaction,
  actor: AuditActor,
  entry: AuditEntry,
  outcome: 'done' | 'refused',
  message: string | null,
): Promise<void> {
  const nameOf = (id: number | null) => (id === null ? null : db.raw('(select omename from experimenter where id = ?)', [id]));
  await db('audit_log').insert({
    at: new Date(),
    actor_id: actor.actorId,
    actor_name: actor.actorId === null ? (actor.actorName ?? '?') : db.raw('coalesce((select omename from experimenter where id = ?), ?)', [actor.actorId, String(actor.actorId)]),
    sudoer_id: actor.sudoerId,
    sudoer_name: nameOf(actor.sudoerId),
    session_id: actor.sessionId,
    address: actor.address,
    action: entry.action,
    target_type: entry.targetType ?? null,
    target_id: entry.targetId ?? null,
    target_name: entry.targetName ?? null,
    before: entry.before === undefined ? null : JSON.stringify(entry.before),
    after: entry.after === undefined ? null : JSON.stringify(entry.after),
    outcome,
    message,
  });
}
