import type { Knex } from 'knex';
import { ApiUsageException } from '../../../model/index.js';
import type { CallContext } from '../../call/call-context.js';
import { loadMembership } from '../../call/membership.js';
import type { AccountTarget, AdminPrivilege } from '../../security/index.js';

/** A user's account as the account rules judge it, plus its login. */
export interface AccountFacts extends AccountTarget {
  readonly omeName: string;
  readonly isAdmin: boolean;
  readonly ldap: boolean;
}

/** Loads the facts of user `userId`; ApiUsageException "No such experimenter" when absent. */
export async function loadAccount(db: Knex | Knex.Transaction, userId: number): Promise<AccountFacts> {
  const row = await db('experimenter').select('omename', 'ldap').where({ id: userId }).first();
  if (!row) throw new ApiUsageException(`No such experimenter: ${userId}`);
  const m = await loadMembership(db as Knex, userId);
  return { userId, omeName: String(row.omename), ldap: Boolean(row.ldap), memberOf: m.memberOf, isAdmin: m.isAdmin, privileges: m.privileges };
}

/**
 * Whether the caller created `userId` in this very session and nobody has logged in as it yet:
 * the only users a group owner may still fill in (names, password) since OMERO 5.6.1.
 */
export async function isJustCreatedBy(call: CallContext, userId: number): Promise<boolean> {
  const created = await call
    .trx('audit_log')
    .where({ action: 'createExperimenter', target_id: userId, session_id: call.session.id, actor_id: call.session.owner, outcome: 'done' })
    .first('id');
  if (!created) return false;
  const used = await call.trx('session').where({ owner: userId }).first('id');
  return !used;
}

/**
 * Ends every open session of `userId` — its own and those opened as it or by it through sudo —
 * but not the calling session: a deactivated user, a changed password or shrunk privileges must
 * not leave old sessions behind. Returns how many were ended.
 */
export async function endSessionsOf(call: CallContext, userId: number): Promise<number> {
  return call
    .trx('session')
    .whereNull('closed')
    .whereNot({ id: call.session.id })
    .where((q) => q.where({ owner: userId }).orWhere({ sudoer: userId }))
    .update({ closed: new Date() });
}

/** Whether `after` lacks a privilege `before` had. */
export function privilegesShrank(before: readonly AdminPrivilege[], after: readonly AdminPrivilege[]): boolean {
  return before.some((p) => !after.includes(p));
}
