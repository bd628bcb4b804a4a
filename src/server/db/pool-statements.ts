import { AsyncLocalStorage } from 'node:async_hooks';
import type { Knex } from 'knex';
import { cancelBackend } from './cancel-statement.js';
import type { Database } from './open-database.js';

/** What one read call is running on the pool right now. */
interface Running {
  /** Knex's id of the connection of the statement in flight; undefined between statements. */
  uid?: string;
  /** Set when the call is over: a late abort must not touch a connection someone else now uses. */
  done?: boolean;
}

/**
 * Lets a read-only call that runs straight on the pool (no transaction, so no connection of its
 * own) be cancelled on PostgreSQL: Knex's query events, seen in the call's async context, tell
 * which pooled connection runs its statement right now, and an abort cancels that backend's
 * statement (`pg_cancel_backend`), failing it with 57014. Between statements nothing is cancelled.
 */
export class PoolStatements {
  readonly #db: Database;
  readonly #current = new AsyncLocalStorage<Running>();

  constructor(db: Database) {
    this.#db = db;
    const mark = (uid: string | undefined) => {
      const running = this.#current.getStore();
      if (running && !running.done) running.uid = uid;
    };
    db.knex.on('query', (q: { __knexUid?: string }) => mark(q?.__knexUid));
    db.knex.on('query-response', () => mark(undefined));
    db.knex.on('query-error', () => mark(undefined));
  }

  /** Runs `work` (a read call on the pool); `signal` cancels its statement in flight. */
  async run<T>(signal: AbortSignal, work: () => Promise<T>): Promise<T> {
    const running: Running = {};
    const cancel = () => {
      const uid = running.uid;
      if (!running.done && uid !== undefined) void this.#cancel(uid).catch(() => undefined);
    };
    signal.addEventListener('abort', cancel, { once: true });
    try {
      return await this.#current.run(running, work);
    } finally {
      running.done = true;
      signal.removeEventListener('abort', cancel);
    }
  }

  async #cancel(uid: string): Promise<void> {
    const pool = (this.#db.knex.client as Knex.Client & { pool?: { used?: Array<{ resource?: { __knexUid?: string; processID?: number } }> } }).pool;
    const connection = pool?.used?.map((u) => u.resource).find((c) => c?.__knexUid === uid);
    await cancelBackend(this.#db, connection?.processID);
  }
}
