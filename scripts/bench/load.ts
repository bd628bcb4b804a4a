import type { Knex } from 'knex';
import { SocketConnection } from '../../src/client/transport/socket-connection.js';
import type { ServerRequest } from '../../src/contract/index.js';
import { ParametersI, toWire } from '../../src/model/index.js';
import { hashPassword } from '../../src/server/auth/password-hash.js';
import { openDatabase } from '../../src/server/db/open-database.js';
import { startBenchServer, type BenchServer } from './bench-server.js';
import { openBenchEnvironment, type EngineName } from './engines.js';
import { addProjects, pickRoles, seedWorld } from './seed.js';
import { ServerProbe } from './server-probe.js';
import { ratio, round, summarize, type Summary } from './stats.js';

const HQL = 'select p from Project p where p.id = :id';
const PASSWORD = 'bench-user-password';

export interface LoadVariant {
  readonly label: string;
  readonly clients: number;
  readonly queries: number;
  readonly seconds: number;
  readonly perSecond: number;
  readonly latency: Summary;
}

export interface LoadResult {
  readonly engine: EngineName;
  readonly clients: number;
  readonly queriesPerClient: number;
  readonly variants: readonly LoadVariant[];
  /** Throughput of the pool over throughput through the server (PostgreSQL; null on PGlite, which has no pool). */
  readonly throughputRatio: number | null;
}

/**
 * Load (issue 10): `clients` concurrent clients, each with its own connection and session on a
 * running server process, each making `queries` `findAllByQuery` calls by id, one after another;
 * against the same SQL (as the server compiles it for that caller) through a pg pool of
 * `clients` connections in one process, with as many concurrent loops. Throughput and latency.
 */
export async function benchLoad(engine: EngineName, o: { clients: number; queries: number; pgUrl: string; log: (s: string) => void }): Promise<LoadResult> {
  const env = await openBenchEnvironment(engine, o.pgUrl, 'load');
  let server: BenchServer | null = null;
  try {
    const db = await openDatabase(env.config);
    let sql: string;
    let bindings: unknown[];
    let ids: number[];
    let member: string;
    try {
      await seedWorld(db.knex, { users: 40, groups: 8 }, await hashPassword(PASSWORD));
      await addProjects(db.knex, 1, 5000);
      const roles = await pickRoles(db.knex);
      member = roles.member.name;
      ids = ((await db.knex.raw('select id from project where group_id = ? order by id limit 200', [roles.group.id])).rows as Array<{ id: number }>).map((r) => Number(r.id));
      const probe = new ServerProbe(db);
      const key = await probe.login(member, PASSWORD);
      const compiled = await probe.compile(key, HQL, { params: { id: ids[0] } }, {});
      sql = compiled.sql;
      bindings = [...compiled.bindings];
    } finally {
      await db.close();
    }
    // The same SQL through a pool, where only the id changes (it is the one bound value that is).
    const idAt = bindings.findIndex((b) => b === ids[0]);
    const pool = engine === 'postgres' ? await openDatabase({ kind: 'pg', url: env.env.OMERO_DB_URL!, poolMax: o.clients }) : null;
    const variants: LoadVariant[] = [];
    if (pool) {
      try {
        const run = async (k: number, i: number) => {
          const b = [...bindings];
          if (idAt >= 0) b[idAt] = ids[(k + i) % ids.length];
          const r = await pool.knex.raw(sql, b as Knex.RawBinding[]);
          if (r.rows.length !== 1) throw new Error('the pooled query found no row');
        };
        variants.push(await drive(`pg pool of ${o.clients} connections, same SQL (baseline)`, o.clients, o.queries, async () => run));
      } finally {
        await pool.close();
      }
    }
    server = await startBenchServer(env.env);
    const port = server.port;
    variants.push(
      await drive(`running server over loopback: ${o.clients} clients, findAllByQuery`, o.clients, o.queries, async (k) => {
        const c = await connectClient(port);
        const { key } = (await c.call({ op: 'login', username: member, password: PASSWORD })) as { key: string };
        return async (_k: number, i: number) => {
          const value = await c.call({ op: 'invoke', key, service: 'IQuery', method: 'findAllByQuery', args: toWire([HQL, new ParametersI().addId(ids[(k + i) % ids.length]!)]) });
          if (!Array.isArray(value) || value.length !== 1) throw new Error('the API call found no row');
        };
      }),
    );
    const net = variants[variants.length - 1]!;
    const throughputRatio = pool ? round(ratio(variants[0]!.perSecond, net.perSecond)) : null;
    return { engine, clients: o.clients, queriesPerClient: o.queries, variants, throughputRatio };
  } finally {
    await (server as BenchServer | null)?.stop();
    await env.close();
  }
}

/** Runs `clients` loops at once, each `queries` calls long; per-call latencies and total throughput. */
export async function drive(
  label: string,
  clients: number,
  queries: number,
  setup: (k: number) => Promise<(k: number, i: number) => Promise<void>>,
): Promise<LoadVariant> {
  const calls = await Promise.all(Array.from({ length: clients }, (_, k) => setup(k)));
  for (const [k, call] of calls.entries()) await call(k, 0); // warm every connection once
  const latencies: number[] = [];
  const t0 = performance.now();
  await Promise.all(
    calls.map(async (call, k) => {
      for (let i = 0; i < queries; i++) {
        const s = performance.now();
        await call(k, i);
        latencies.push(performance.now() - s);
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  return { label, clients, queries: clients * queries, seconds: round(seconds), perSecond: round((clients * queries) / seconds), latency: summarize(latencies) };
}

/** One client connection, asynchronous, for driving load: the command line's own (the stream protocol, as `omero` commands connect). */
export async function connectClient(port: number): Promise<{ call(request: ServerRequest): Promise<unknown> }> {
  const connection = new SocketConnection({ address: { host: '127.0.0.1', port, tls: false } });
  let next = 1;
  const call = async (request: ServerRequest): Promise<unknown> => {
    const reply = await connection.send(next++, request);
    if (reply.ok) return reply.value;
    throw new Error(JSON.stringify(reply.error).slice(0, 300));
  };
  await call({ op: 'ping' });
  return { call };
}
