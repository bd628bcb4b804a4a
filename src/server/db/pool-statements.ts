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

/** The events Knex sends on a query builder (or raw statement) as it runs. */
interface StatementEvents {
  on(event: 'query', listener: (q: { __knexUid?: string }) => void): unknown;
  on(event: 'query-response' | 'query-error', listener: () => void): unknown;
}

/**
 * Lets a read-only call that runs straight on the pool (no transaction, so no connection of its
 * own) be cancelled on PostgreSQL: the call is given a Knex whose statements report, as they
 * run, which pooled connection runs them, and an abort cancels that backend's statement
 * (`pg_cancel_backend`), failing it with 57014. Between statements nothing is cancelled.
 *
 * The statements are marked by the call's own Knex rather than found from the async context
 * (AsyncLocalStorage): that one, once used, taxes every promise of the process, about a tenth of
 * a small call (issue 15).
 */
export class PoolStatements {
  readonly #db: Database;

  constructor(db: Database) {
    this.#db = db;
  }

  /** Runs `work` (a read call on the pool, given the Knex to run it with); `signal` cancels its statement in flight. */
  async run<T>(signal: AbortSignal, work: (knex: Knex) => Promise<T>): Promise<T> {
    const running: Running = {};
    const cancel = () => {
      const uid = running.uid;
      if (!running.done && uid !== undefined) void this.#cancel(uid).catch(() => undefined);
    };
    signal.addEventListener('abort', cancel, { once: true });
    try {
      return await work(markingKnex(this.#db.knex, running));
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

/**
 * `knex` for one call: the same pool and client, but every query builder and raw statement made
 * through it (`db('table')…`, `db.raw(…)`) notes in `running` the connection it runs on while it
 * runs. Everything else (`db.client`, `db.ref`, …) is the shared instance's.
 */
function markingKnex(knex: Knex, running: Running): Knex {
  const mark = <S>(statement: S): S => {
    const events = statement as unknown as StatementEvents;
    events.on('query', (q) => {
      if (!running.done) running.uid = q?.__knexUid;
    });
    const clear = () => {
      if (!running.done) running.uid = undefined;
    };
    events.on('query-response', clear);
    events.on('query-error', clear);
    return statement;
  };
  const raw = ((...args: Parameters<Knex['raw']>) => mark(knex.raw(...args))) as Knex['raw'];
  return new Proxy(knex, {
    apply: (target, self, args: unknown[]) => mark(Reflect.apply(target, self, args)),
    get: (target, property, receiver) => (property === 'raw' ? raw : Reflect.get(target, property, receiver)),
  });
}
