import type { Knex } from 'knex';
import type { Database } from './open-database.js';

/**
 * Cancels the statement that transaction `trx` is running, if any (a client interrupted the
 * call: the shell's Ctrl-C, or a connection closed mid-call). On PostgreSQL it asks the server
 * to cancel the transaction's backend, which fails the statement with 57014 and so rolls the
 * transaction back. The embedded database runs in this thread and has nothing running while
 * this runs: the call is stopped before its next statement instead (see OmeroServer.invoke).
 */
export async function cancelStatement(db: Database, trx: Knex.Transaction): Promise<void> {
  if (db.config.kind !== 'pg') return;
  // A transaction's client hands out its one connection; node-postgres knows its backend pid.
  const connection = (await (trx as unknown as { client: Knex.Client }).client.acquireConnection()) as { processID?: number };
  await cancelBackend(db, connection.processID);
}

/** Asks PostgreSQL to cancel what backend `pid` is running (nothing when the pid is unknown). */
export async function cancelBackend(db: Database, pid: number | undefined): Promise<void> {
  if (typeof pid === 'number') await db.knex.raw('select pg_cancel_backend(?)', [pid]);
}
