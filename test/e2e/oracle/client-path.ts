import knexFactory, { type Knex } from 'knex';
import { PGlite } from '@electric-sql/pglite';
import { OmeroClient } from '../../../src/client/omero-client.js';
import { WorkerTransport } from '../../../src/client/transport/worker-transport.js';
import { unwrap } from '../../../src/model/index.js';
import { hashPassword } from '../../../src/server/auth/password-hash.js';
import type { DatabaseConfig } from '../../../src/server/db/database-config.js';
import { PgliteKnexClient } from '../../../src/server/db/pglite-client.js';
import { openDatabase, type Database } from '../../../src/server/db/open-database.js';
import { createTestDatabase, ROOT_PASSWORD, type Engine, type TestDatabase } from '../../helpers/test-database.js';
import { collationRanks, loadWorld } from './load-world.js';
import { renderHql, type QueryCase } from './query-model.js';
import { parametersOf, plainRow, viewOf, type Actual, type Call, type QueryRunner } from './server-path.js';
import type { EntityName } from './schema.js';
import { defaultGroupOf, GUEST, ROOT, type World } from './world.js';

/**
 * Runs the oracle's queries end to end: a real engine (the server in its worker thread, behind the
 * blocking transport) started on a database holding the world, real password logins of every
 * user who can log in, and IQuery calls through the client with the call context map. One world
 * per engine instance (the embedded database lives inside the worker).
 */

export const ORACLE_PASSWORD = 'oracle-user-password';

export class ClientPath implements QueryRunner {
  readonly #engine: Engine;
  #transport: WorkerTransport | null = null;
  #tdb: TestDatabase | null = null;
  #helper: { knex: Knex; close: () => Promise<void> } | null = null;
  readonly #clients = new Map<number, OmeroClient>();

  constructor(engine: Engine) {
    this.#engine = engine;
  }

  canCall(userId: number): boolean {
    return this.#clients.has(userId);
  }

  async load(world: World): Promise<World> {
    if (this.#transport) throw new Error('ClientPath holds one world');
    const hash = await hashPassword(ORACLE_PASSWORD);
    this.#tdb = await createTestDatabase(this.#engine);
    let config: DatabaseConfig = this.#tdb.config;
    if (config.kind === 'pglite') {
      // Build the world in a PGlite of this thread, then start the server's own from its dump.
      const pglite = new PGlite({ loadDataDir: config.loadDataDir });
      const knex = knexFactory({ client: PgliteKnexClient as unknown as typeof Knex.Client, dialect: 'postgres', connection: { pglite } as unknown as Knex.StaticConnectionConfig });
      await loadWorld(knex, world, hash);
      const dump = await pglite.dumpDataDir('gzip');
      config = { kind: 'pglite', loadDataDir: dump };
      this.#helper = { knex, close: async () => void (await knex.destroy(), pglite.closed || (await pglite.close())) };
    } else {
      const db: Database = await openDatabase(config);
      await loadWorld(db.knex, world, hash);
      this.#helper = { knex: db.knex, close: () => db.close() };
    }
    this.#transport = new WorkerTransport(config);
    for (const u of world.users) {
      // Guest has no password; a user without a default group cannot start a session.
      if (u.id === GUEST || (u.id !== ROOT && defaultGroupOf(world, u.id) === null)) continue;
      const client = new OmeroClient('localhost', this.#transport);
      client.createSession(u.omeName, u.id === ROOT ? ROOT_PASSWORD : ORACLE_PASSWORD);
      this.#clients.set(u.id, client);
    }
    // The logins made sessions: the oracle must know them (Session queries return them).
    const root = this.#clients.get(ROOT)!;
    const known = new Set(world.session.map((s) => s.id));
    const rows = root.getSession().getQueryService().projection('select s.id, s.owner.id, s.userAgent from Session s', null, { 'omero.group': '-1' });
    const added = rows
      .map((r) => r.map((v) => unwrap(v)) as [number, number, string])
      .filter(([id]) => !known.has(id))
      .map(([id, ownerId, userAgent]) => ({ id, ownerId, userAgent, groupId: defaultGroupOf(world, ownerId) ?? 1 }));
    return { ...world, session: [...world.session, ...added] };
  }

  ranks(strings: Iterable<string>): Promise<Map<string, number>> {
    return collationRanks(this.#helper!.knex, strings);
  }

  async runBatch(call: Call, cases: readonly { readonly qc: QueryCase; readonly entity: EntityName | null }[]): Promise<Actual[]> {
    const query = this.#clients.get(call.userId)!.getSession().getQueryService();
    return cases.map(({ qc, entity }): Actual => {
      const hql = renderHql(qc.query, qc.spelling);
      try {
        if (qc.mode === 'objects') return { kind: 'objects', objects: query.findAllByQuery(hql, parametersOf(qc), call.ctx).map((o) => viewOf(entity!, o)) };
        return { kind: 'rows', rows: query.projection(hql, parametersOf(qc), call.ctx).map(plainRow) };
      } catch (e) {
        return { kind: 'error', error: e instanceof Error ? e : new Error(String(e)) };
      }
    });
  }

  async close(): Promise<void> {
    for (const c of this.#clients.values()) {
      try {
        c.closeSession();
      } catch {
        /* already closed */
      }
    }
    this.#transport?.close();
    await this.#helper?.close();
    await this.#tdb?.drop();
  }
}
