import type { Knex } from 'knex';
import { ParametersI } from '../../src/model/index.js';
import type { Database } from '../../src/server/db/open-database.js';
import { compileHql, type CompiledHql } from '../../src/server/hql/index.js';
import { OmeroServer } from '../../src/server/omero-server.js';

/**
 * The server in this process, without the worker thread: to see the SQL a caller's HQL compiles
 * to (for EXPLAIN and for the "same SQL through Knex" baseline), and to time a call without the
 * transport. Uses the server's own `openCall`, so the scope is exactly the one of a real call.
 */
export class ServerProbe {
  readonly server: OmeroServer;
  readonly #queries: { count: number };

  constructor(db: Database) {
    this.server = OmeroServer.fromDatabase(db);
    this.#queries = { count: 0 };
    db.knex.on('query', () => void this.#queries.count++);
  }

  /** A session key for a user (a real password login). */
  async login(user: string, password: string): Promise<string> {
    return (await this.server.sessions.createSession(user, password)).key;
  }

  /** The SQL and bindings of `hql` for the session's caller in call context `ctx`. */
  async compile(key: string, hql: string, q: { params?: Record<string, unknown>; limit?: number }, ctx: Record<string, string>): Promise<CompiledHql> {
    return this.server.db.knex.transaction(async (trx: Knex.Transaction) => {
      const call = await this.server.openCall(trx, key, ctx);
      return compileHql(hql, { params: q.params ?? {}, scope: await call.scope(), ...(q.limit !== undefined ? { limit: q.limit } : {}) });
    });
  }

  /** One IQuery call through the server in this process (no worker, no wire). */
  async findAllByQuery(key: string, hql: string, params: ParametersI, ctx: Record<string, string>): Promise<unknown[]> {
    return (await this.server.invoke(key, 'IQuery', 'findAllByQuery', [hql, params], ctx)) as unknown[];
  }

  /** SQL statements sent by `fn` (BEGIN and COMMIT included). */
  async countStatements(fn: () => Promise<unknown>): Promise<number> {
    const before = this.#queries.count;
    await fn();
    return this.#queries.count - before;
  }
}
