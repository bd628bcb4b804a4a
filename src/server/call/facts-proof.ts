import type { Knex } from 'knex';
import type { FactsStamp } from './call-facts.js';

/**
 * Proves that cached facts were current throughout a read that has finished: `omero_facts_current`
 * (migration 0003) fails with STALE_FACTS_SQLSTATE unless the security epoch and the session's
 * facts version are still those the facts were read at. Both only grow, and every change of
 * memberships, groups, privileges or the session (its `last_access` set back included, migration
 * 0005) moves one of them when it commits; so if they have not moved, no such change committed
 * between reading the facts and this statement, which comes after all of the read's own. The
 * server asks it only for facts from its cache: facts read by the call itself are newer than it.
 */
export async function proveFactsCurrent(db: Knex, stamp: FactsStamp | undefined): Promise<void> {
  if (stamp === undefined) return;
  await db.raw('select omero_facts_current(?, ?, ?)', [stamp.epoch, stamp.sessionId, stamp.sessionVersion]).options({ name: 'omero_facts_proof' });
}
