import type { Knex } from 'knex';
import { OmeroClient } from '../../src/client/omero-client.js';
import { SocketTransport } from '../../src/client/transport/socket-transport.js';
import { ParametersI, toWire } from '../../src/model/index.js';
import { hashPassword } from '../../src/server/auth/password-hash.js';
import { openDatabase, type Database } from '../../src/server/db/open-database.js';
import { openBenchEnvironment, ROOT_PASSWORD, type EngineName } from './engines.js';
import { startBenchServer, type BenchServer } from './bench-server.js';
import { connectClient, drive, type LoadVariant } from './load.js';
import { addProjects, pickRoles, seedWorld, type WorldRoles } from './seed.js';
import { ServerProbe } from './server-probe.js';
import { round, summarize, type Summary } from './stats.js';

const PASSWORD = 'bench-user-password';
/** Tables holding user data: a sequential scan of one of these is what the plans must avoid. */
const DATA_TABLES = new Set(['project', 'dataset', 'image', 'annotation', 'projectdatasetlink', 'datasetimagelink', 'projectannotationlink', 'datasetannotationlink', 'imageannotationlink']);
const PAGE = 50;

/** The queries of the scale benchmark. */
const QUERIES = [
  { name: 'by id', hql: 'select p from Project p where p.id = :id', limit: undefined },
  { name: "a user's projects, newest 50", hql: 'select p from Project p where p.details.owner.id = :uid order by p.id desc', limit: PAGE },
  { name: 'newest 50 readable', hql: 'select p from Project p order by p.id desc', limit: PAGE },
] as const;

const ROLES = ['member', 'group owner', 'admin'] as const;
type Role = (typeof ROLES)[number];

export interface PlanSummary {
  /** Plan nodes, outermost first: `Limit > Index Scan Backward using project_pkey on project`. */
  readonly shape: string;
  readonly indexes: readonly string[];
  /** Data tables read by a sequential scan (should be none). */
  readonly seqScans: readonly string[];
  readonly planningMs: number | null;
  readonly executionMs: number | null;
}

export interface ScaleQueryResult {
  readonly role: Role;
  readonly context: string;
  readonly query: string;
  readonly rows: number;
  readonly summary: Summary;
  readonly plan: PlanSummary;
}

export interface ScaleStep {
  readonly projects: number;
  readonly loadSeconds: number;
  readonly queries: readonly ScaleQueryResult[];
  readonly worstP95: number;
  readonly seqScans: number;
  /** At the largest step: the same queries from many clients at once (each its own connection and session). */
  readonly concurrent?: LoadVariant;
}

export interface ScaleResult {
  readonly engine: EngineName;
  readonly users: number;
  readonly groups: number;
  readonly memberships: number;
  readonly worldSeconds: number;
  readonly roles: { readonly member: string; readonly owner: string; readonly admin: string; readonly group: string };
  readonly repeats: number;
  readonly steps: readonly ScaleStep[];
  readonly target: { readonly p95Ms: number; readonly seqScans: 0 };
  readonly note?: string;
}

/**
 * Scale (issues 6 and 15): a synthetic world (seed.ts) grown step by step to the largest project
 * count; at each step a member, a group owner and an admin run three queries with `omero.group`
 * = the member's default group and = -1 through a running server process (the blocking client
 * over loopback; p50/p95), and each query's SQL — compiled for that caller by the server's own
 * code — is EXPLAINed (ANALYZE) for its plan. At the largest step the same queries also come
 * from many clients at once (p50/p95 and throughput).
 */
export async function benchScale(
  engine: EngineName,
  o: {
    sizes: readonly number[];
    users: number;
    groups: number;
    repeats: number;
    /** Clients at once at the largest step, and calls each. */
    clients: number;
    clientCalls: number;
    pgUrl: string;
    log: (s: string) => void;
    note?: string;
  },
): Promise<ScaleResult> {
  const env = await openBenchEnvironment(engine, o.pgUrl, 'scale');
  let db: Database | null = await openDatabase(env.config);
  let transport: SocketTransport | null = null;
  let server: BenchServer | null = null;
  try {
    let t0 = performance.now();
    const { memberships } = await seedWorld(db.knex, { users: o.users, groups: o.groups }, await hashPassword(PASSWORD));
    const worldSeconds = (performance.now() - t0) / 1000;
    o.log(`  world: ${o.users} users, ${o.groups} groups, ${memberships} memberships in ${worldSeconds.toFixed(1)} s`);
    const roles = await pickRoles(db.knex);
    let probe = new ServerProbe(db);
    const keys: Record<Role, string> = {
      member: await probe.login(roles.member.name, PASSWORD),
      'group owner': await probe.login(roles.owner.name, PASSWORD),
      admin: await probe.login('root', ROOT_PASSWORD),
    };
    const contexts = [
      { name: `group ${roles.group.name} (${roles.group.level})`, ctx: { 'omero.group': String(roles.group.id) } },
      { name: 'all groups (-1)', ctx: { 'omero.group': '-1' } },
    ];
    const steps: ScaleStep[] = [];
    let loaded = 0;
    for (const size of o.sizes) {
      if (!db) {
        db = await openDatabase(env.config);
        probe = new ServerProbe(db);
      }
      t0 = performance.now();
      await addProjects(db.knex, loaded + 1, size);
      loaded = size;
      const loadSeconds = (performance.now() - t0) / 1000;
      o.log(`  ${size.toLocaleString('en-US')} projects (loaded in ${loadSeconds.toFixed(1)} s)`);
      const id = await oneId(db.knex, roles);
      const variants = ROLES.flatMap((role) =>
        contexts.flatMap((c) =>
          QUERIES.map((q) => ({
            role,
            context: c.name,
            ctx: c.ctx,
            query: q,
            params: q.name === 'by id' ? { id } : q.hql.includes(':uid') ? { uid: roles.member.id } : {},
          })),
        ),
      );
      const plans: PlanSummary[] = [];
      for (const v of variants) {
        const compiled = await probe.compile(keys[v.role], v.query.hql, { params: v.params, ...(v.query.limit ? { limit: v.query.limit } : {}) }, v.ctx);
        plans.push(await explain(db.knex, compiled.sql, compiled.bindings as Knex.RawBinding[]));
      }
      // The timed calls go through a running server process over loopback, as clients meet it.
      // PGlite has one owner: the bench lets go of the database while the server holds it.
      if (engine === 'pglite') {
        await db.close();
        db = null;
      }
      server = await startBenchServer(env.env);
      transport = new SocketTransport({ address: { host: '127.0.0.1', port: server.port, tls: false } });
      const services = Object.fromEntries(
        ROLES.map((role) => {
          const client = new OmeroClient('localhost', transport!);
          client.joinSession(keys[role]);
          return [role, client.getSession().getQueryService()];
        }),
      ) as Record<Role, ReturnType<ReturnType<OmeroClient['getSession']>['getQueryService']>>;
      const parametersOf = (v: (typeof variants)[number]): ParametersI => {
        const p = new ParametersI();
        for (const [name, value] of Object.entries(v.params)) p.addLong(name, value);
        if (v.query.limit) p.page(0, v.query.limit);
        return p;
      };
      const run = (k: number): number => {
        const v = variants[k]!;
        return services[v.role].findAllByQuery(v.query.hql, parametersOf(v), v.ctx).length;
      };
      const samples = variants.map(() => [] as number[]);
      const rows = variants.map((_, k) => run(k));
      for (let r = 0; r < Math.min(20, o.repeats); r++) variants.forEach((_, k) => run(k));
      for (let r = 0; r < o.repeats; r++) {
        for (let k = 0; k < variants.length; k++) {
          const t = performance.now();
          run(k);
          samples[k]!.push(performance.now() - t);
        }
      }
      transport.close();
      transport = null;
      // At the largest step: every role's queries from many clients at once, each with its own
      // connection and session, cycling through its role's six queries.
      let concurrent: LoadVariant | undefined;
      if (size === o.sizes[o.sizes.length - 1] && o.clients > 0) {
        const port = server.port;
        concurrent = await drive(`${o.clients} clients at once, ${o.clientCalls} calls each`, o.clients, o.clientCalls, async (c) => {
          const client = await connectClient(port);
          const role = ROLES[c % ROLES.length]!;
          const mine = variants.map((v, k) => ({ v, k })).filter((x) => x.v.role === role);
          const { key } = (await client.call({ op: 'login', username: role === 'admin' ? 'root' : role === 'member' ? roles.member.name : roles.owner.name, password: role === 'admin' ? ROOT_PASSWORD : PASSWORD })) as { key: string };
          return async (_c: number, i: number) => {
            const { v } = mine[i % mine.length]!;
            await client.call({ op: 'invoke', key, service: 'IQuery', method: 'findAllByQuery', args: toWire([v.query.hql, parametersOf(v)]), ctx: v.ctx });
          };
        });
        o.log(`  ${concurrent.label}: ${concurrent.perSecond} calls/s, p50 ${concurrent.latency.median} ms, p95 ${concurrent.latency.p95} ms`);
      }
      await server.stop();
      server = null;
      const queries = variants.map((v, k): ScaleQueryResult => ({
        role: v.role,
        context: v.context,
        query: v.query.name,
        rows: rows[k]!,
        summary: summarize(samples[k]!),
        plan: plans[k]!,
      }));
      steps.push({
        projects: size,
        loadSeconds: round(loadSeconds),
        queries,
        worstP95: Math.max(...queries.map((q) => q.summary.p95)),
        seqScans: queries.filter((q) => q.plan.seqScans.length > 0).length,
        ...(concurrent ? { concurrent } : {}),
      });
    }
    return {
      engine,
      users: o.users,
      groups: o.groups,
      memberships,
      worldSeconds: round(worldSeconds),
      roles: {
        member: `${roles.member.name} (id ${roles.member.id}, member of ${roles.member.groups.length} groups)`,
        owner: `${roles.owner.name} (id ${roles.owner.id}, owner of ${roles.group.name})`,
        admin: 'root',
        group: `${roles.group.name} (id ${roles.group.id}, ${roles.group.level})`,
      },
      repeats: o.repeats,
      steps,
      target: { p95Ms: 10, seqScans: 0 },
      ...(o.note ? { note: o.note } : {}),
    };
  } finally {
    transport?.close();
    await server?.stop();
    await db?.close();
    await env.close();
  }
}

/** The newest project of the member in its default group (readable by all three roles). */
async function oneId(knex: Knex, roles: WorldRoles): Promise<number> {
  const r = await knex.raw('select max(id) as id from project where group_id = ? and owner_id = ?', [roles.group.id, roles.member.id]);
  const id = (r.rows as Array<{ id: number | null }>)[0]?.id;
  if (id === null || id === undefined) throw new Error('the member owns no project in its default group');
  return Number(id);
}

interface PlanNode {
  readonly 'Node Type': string;
  readonly 'Relation Name'?: string;
  readonly 'Index Name'?: string;
  readonly Plans?: readonly PlanNode[];
}

/** EXPLAIN (ANALYZE, FORMAT JSON) of a statement, reduced to its shape, indexes and sequential scans. */
export async function explain(knex: Knex, sql: string, bindings: readonly Knex.RawBinding[]): Promise<PlanSummary> {
  const r = await knex.raw(`explain (analyze, format json) ${sql}`, bindings as Knex.RawBinding[]);
  const cell = (r.rows as Array<Record<string, unknown>>)[0]!['QUERY PLAN'];
  const doc = (typeof cell === 'string' ? JSON.parse(cell) : cell) as Array<{ Plan: PlanNode; 'Planning Time'?: number; 'Execution Time'?: number }>;
  const indexes = new Set<string>();
  const seqScans = new Set<string>();
  const describe = (n: PlanNode): string => {
    if (n['Index Name']) indexes.add(n['Index Name']);
    if (n['Node Type'] === 'Seq Scan' && n['Relation Name'] && DATA_TABLES.has(n['Relation Name'])) seqScans.add(n['Relation Name']);
    const self = `${n['Node Type']}${n['Index Name'] ? ` using ${n['Index Name']}` : ''}${n['Relation Name'] && !n['Index Name'] ? ` on ${n['Relation Name']}` : ''}`;
    const kids = (n.Plans ?? []).map(describe);
    return kids.length === 0 ? self : kids.length === 1 ? `${self} > ${kids[0]}` : `${self} > (${kids.join(' ; ')})`;
  };
  const top = doc[0]!;
  return {
    shape: describe(top.Plan),
    indexes: [...indexes],
    seqScans: [...seqScans],
    planningMs: top['Planning Time'] === undefined ? null : round(top['Planning Time']),
    executionMs: top['Execution Time'] === undefined ? null : round(top['Execution Time']),
  };
}
