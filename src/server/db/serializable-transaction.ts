import type { Knex } from 'knex';

/** How many times a call is run when PostgreSQL keeps aborting it for a concurrent change. Default 4. */
const ATTEMPTS = 4;
/** SQLSTATEs that mean "another transaction got in the way; the same call may simply run again". */
const RETRYABLE: ReadonlySet<string> = new Set(['40001', '40P01']);

/**
 * Runs `work` in a SERIALIZABLE transaction, again (with a fresh `attempt`) when PostgreSQL aborts
 * it with a serialization failure or a deadlock; the last failure propagates (mapped to OMERO's
 * ConcurrencyException by `mapError`).
 *
 * Why serializable: a write call reads rows, decides, then writes (a link checks that its parent
 * and child share a group; Chgrp2 and Delete2 plan a graph, then move or delete it). Under READ
 * COMMITTED two such calls can each decide on a state the other is changing, and both commit:
 * the concurrency suite saw a ProjectDatasetLink saved while Chgrp2 moved its Dataset (a link
 * across groups), and two Delete2 of one Project both answering that they deleted it. PostgreSQL's
 * serializable isolation aborts one of the two instead. A call has no effect outside the
 * database, so running it again is safe; `attempt` must rebuild anything the failed run mutated.
 */
export async function inSerializableTransaction<T>(knex: Knex, attempt: (trx: Knex.Transaction) => Promise<T>): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await knex.transaction(attempt, { isolationLevel: 'serializable' });
    } catch (e) {
      if (i >= ATTEMPTS || !RETRYABLE.has((e as { code?: string })?.code ?? '')) throw e;
      // A short random pause so that the colliding calls do not collide again in lockstep.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * i));
    }
  }
}
