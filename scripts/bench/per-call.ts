import type { PGlite } from '@electric-sql/pglite';
import knexFactory, { type Knex } from 'knex';
import ClientPgLite from 'knex-pglite';
import { OmeroClient } from '../../src/client/omero-client.js';
import { SocketTransport } from '../../src/client/transport/socket-transport.js';
import { targetOf } from '../../src/client/transport/user-server.js';
import type { Transport } from '../../src/client/transport/transport.js';
import { WorkerTransport } from '../../src/client/transport/worker-transport.js';
import { ParametersI } from '../../src/model/index.js';
import { hashPassword } from '../../src/server/auth/password-hash.js';
import { openDatabase, type Database } from '../../src/server/db/open-database.js';
import { startBenchServer, type BenchServer } from './bench-server.js';
import { openBenchEnvironment, type EngineName } from './engines.js';
import { addProjects, pickRoles, seedWorld } from './seed.js';
import { ServerProbe } from './server-probe.js';
import { ratio, round, summarize, type Summary } from './stats.js';

export const PER_CALL_HQL = 'select p from Project p where p.id = :id';
const PASSWORD = 'bench-user-password';

export interface PerCallVariant {
  readonly label: string;
  readonly summary: Summary;
  /** Median over the direct Knex median. */
  readonly ratio: number;
  /** The ratio issue 15 asks of this variant, if any. */
  readonly target?: number;
}

export interface PerCallResult {
  readonly engine: EngineName;
  readonly calls: number;
  readonly hql: string;
  readonly sql: string;
  readonly caller: string;
  /** SQL statements one API call sends (BEGIN/COMMIT included) once the caller's facts are cached, against 1 for the direct query. */
  readonly statementsPerCall: number;
  /** The same for a session's first call (its facts read, then cached). */
  readonly statementsFirstCall: number;
  readonly variants: readonly PerCallVariant[];
  readonly target: number;
  readonly ratio: number;
}

/**
 * Per-call cost (issue 6 §2): `query_service.findAllByQuery(HQL, params)` through the blocking
 * client against the SQL that HQL compiles to for the same caller, through Knex directly, in one
 * process. Also the server alone (in this process, no worker thread: the per-call session,
 * membership and permission lookups, compile and hydrate) and a bare transport round trip, which
 * split the difference. PostgreSQL runs the variants interleaved call by call; PGlite, which
 * only one owner may open, in blocks (direct and in-process server, then the worker).
 */
export async function benchPerCall(engine: EngineName, o: { calls: number; projects: number; pgUrl: string; log: (s: string) => void }): Promise<PerCallResult> {
  const env = await openBenchEnvironment(engine, o.pgUrl, 'percall');
  let db: Database | null = await openDatabase(env.config);
  let transport: WorkerTransport | null = null;
  let server: BenchServer | null = null;
  let socket: SocketTransport | null = null;
  try {
    await seedWorld(db.knex, { users: 40, groups: 8 }, await hashPassword(PASSWORD));
    await addProjects(db.knex, 1, o.projects);
    const roles = await pickRoles(db.knex);
    // A different project on every call (100 in turn), so that nothing answers from a cache of
    // values: only what a real loop of calls could reuse (the caller's facts, the compiled query).
    const ids = ((await db.knex.raw('select id from project where group_id = ? order by id limit 100 offset 10', [roles.group.id])).rows as Array<{ id: number }>).map((r) => Number(r.id));
    const probe = new ServerProbe(db);
    const key = await probe.login(roles.member.name, PASSWORD);
    const compiled = await Promise.all(ids.map((id) => probe.compile(key, PER_CALL_HQL, { params: { id } }, {})));
    let turn = 0;
    const next = () => turn++ % ids.length;
    const params = (i: number) => new ParametersI().addId(ids[i]!);
    const direct = async (knex: Knex, i: number) => {
      const r = await knex.raw(compiled[i]!.sql, compiled[i]!.bindings as Knex.RawBinding[]);
      if (r.rows.length !== 1) throw new Error('the direct query found no row');
    };
    const statementsFirstCall = await probe.countStatements(() => probe.findAllByQuery(key, PER_CALL_HQL, params(0), {}));
    const statementsPerCall = await probe.countStatements(() => probe.findAllByQuery(key, PER_CALL_HQL, params(1), {}));
    const samples = { direct: [] as number[], stock: [] as number[], server: [] as number[], api: [] as number[], ping: [] as number[], net: [] as number[], netPing: [] as number[] };
    const time = async (into: number[], fn: () => unknown) => {
      const t0 = performance.now();
      await fn();
      into.push(performance.now() - t0);
    };
    const clientOn = (t: Transport) => {
      const client = new OmeroClient('localhost', t);
      client.joinSession(key);
      const qs = client.getSession().getQueryService();
      const api = (i: number) => {
        if (qs.findAllByQuery(PER_CALL_HQL, params(i)).length !== 1) throw new Error('the API call found no row');
      };
      return { api, ping: () => t.request({ op: 'ping' }) };
    };
    const openClient = () => clientOn((transport = new WorkerTransport(env.config)));
    // A server process on this database, and a client over loopback (WebSocket, one connection).
    const openNetClient = async () => {
      server = await startBenchServer(env.env);
      return clientOn((socket = new SocketTransport({ address: targetOf(server.state) })));
    };
    const warm = Math.min(200, o.calls);
    if (engine === 'postgres') {
      const c = openClient();
      const n = await openNetClient();
      for (let i = 0; i < warm; i++) {
        const k = next();
        await direct(db.knex, k);
        await probe.findAllByQuery(key, PER_CALL_HQL, params(k), {});
        c.api(k);
        c.ping();
        n.api(k);
        n.ping();
      }
      for (let i = 0; i < o.calls; i++) {
        const k = next();
        await time(samples.direct, () => direct(db!.knex, k));
        await time(samples.server, () => probe.findAllByQuery(key, PER_CALL_HQL, params(k), {}));
        await time(samples.api, () => c.api(k));
        await time(samples.ping, () => c.ping());
        await time(samples.net, () => n.api(k));
        await time(samples.netPing, () => n.ping());
      }
    } else {
      // Knex as knex-pglite publishes it, on the same engine (PGlite's query(): no statement
      // prepared), beside ours, which prepares each statement once (pglite-statements.ts). Its
      // connection cannot close the engine, which the database below owns.
      const pglite = (db.knex.client as unknown as { pglite: PGlite }).pglite;
      const shared = { waitReady: pglite.waitReady, query: (...a: Parameters<PGlite['query']>) => pglite.query(...a), close: async () => undefined };
      const stock = knexFactory({ client: ClientPgLite as unknown as typeof Knex.Client, connection: { pglite: shared } as unknown as Knex.StaticConnectionConfig });
      for (let i = 0; i < warm; i++) {
        const k = next();
        await direct(db.knex, k);
        await direct(stock, k);
        await probe.findAllByQuery(key, PER_CALL_HQL, params(k), {});
      }
      for (let i = 0; i < o.calls; i++) {
        const k = next();
        await time(samples.direct, () => direct(db!.knex, k));
        await time(samples.stock, () => direct(stock, k));
        await time(samples.server, () => probe.findAllByQuery(key, PER_CALL_HQL, params(k), {}));
      }
      await stock.destroy();
      await db.close();
      db = null;
      const c = openClient();
      for (let i = 0; i < warm; i++) {
        c.api(next());
        c.ping();
      }
      for (let i = 0; i < o.calls; i++) {
        const k = next();
        await time(samples.api, () => c.api(k));
        await time(samples.ping, () => c.ping());
      }
      // The embedded database has one owner: the worker lets go before the server process opens it.
      (transport as WorkerTransport | null)?.close();
      transport = null;
      const n = await openNetClient();
      for (let i = 0; i < warm; i++) {
        n.api(next());
        n.ping();
      }
      for (let i = 0; i < o.calls; i++) {
        const k = next();
        await time(samples.net, () => n.api(k));
        await time(samples.netPing, () => n.ping());
      }
    }
    const base = summarize(samples.direct).median;
    const variant = (label: string, s: number[], target?: number): PerCallVariant => {
      const summary = summarize(s);
      return { label, summary, ratio: ratio(summary.median, base), ...(target !== undefined ? { target } : {}) };
    };
    const variants = [
      variant('Knex directly: the compiled SQL (baseline)', samples.direct),
      variant('server in this process: OmeroServer.invoke (no worker, no wire)', samples.server, 1.3),
      variant('blocking client: query_service.findAllByQuery', samples.api, 2),
      variant('transport round trip only (ping, no database)', samples.ping),
      variant('running server over loopback: query_service.findAllByQuery', samples.net, 2.5),
      variant('running server over loopback: ping only', samples.netPing),
      ...(samples.stock.length > 0 ? [variant('Knex through knex-pglite as published (PGlite query(), nothing prepared)', samples.stock)] : []),
    ];
    return {
      engine,
      calls: o.calls,
      hql: PER_CALL_HQL,
      sql: compiled[0]!.sql,
      caller: `${roles.member.name} (member of ${roles.member.groups.length} groups; context: default group ${roles.group.name}, ${roles.group.level})`,
      statementsPerCall,
      statementsFirstCall,
      variants,
      target: 2,
      ratio: round(variants[2]!.ratio),
    };
  } finally {
    (transport as WorkerTransport | null)?.close();
    (socket as SocketTransport | null)?.close();
    await (server as BenchServer | null)?.stop();
    await db?.close();
    await env.close();
  }
}
