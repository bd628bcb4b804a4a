import fc from 'fast-check';
import { SecurityViolation } from '../../../src/model/index.js';
import { fromGen, type Draw } from './draw.js';
import { drawQueryCase } from './draw-query.js';
import { Evaluator, type Expected } from './evaluate.js';
import { worldStrings } from './load-world.js';
import { renderHql, paramsOf, type QueryCase, type Scalar } from './query-model.js';
import type { Actual, Call, QueryRunner } from './server-path.js';
import { ORACLE, oracleCaller, type VisibilityOracle } from './visibility-oracle.js';
import { DEFAULT_SIZE, describeWorld, drawWorld, groupsOf, GUEST, ROOT, type World, type WorldSize } from './world.js';

/**
 * The property: for random worlds and random queries by random callers in random group contexts,
 * the server returns exactly what the oracle allows. One fast-check run = one world loaded once,
 * then `queriesPerWorld` queries against it; the first mismatch fails the run with a report that
 * can be replayed (seed and run index).
 */

export interface CampaignOptions {
  /** Where queries run. */
  readonly runner: QueryRunner;
  readonly seed: number;
  /** Worlds to generate (fast-check runs). */
  readonly worlds: number;
  readonly queriesPerWorld: number;
  /** The oracle to check against. Default: the reference oracle. */
  readonly oracle?: VisibilityOracle;
  readonly size?: WorldSize;
  /** Replays one run (fast-check path, i.e. the run index). */
  readonly path?: string;
  /** Called after every query. */
  readonly onProgress?: (stats: CampaignStats) => void;
}

export interface CampaignStats {
  worlds: number;
  queries: number;
  /** Calls the oracle expected to be refused (group context), and were. */
  refused: number;
  /** Queries whose expected answer was not empty. */
  nonEmpty: number;
  /** Queries whose answer differs from what an all-seeing caller would get: permissions mattered. */
  sensitive: number;
  /** Rows and objects compared. */
  rows: number;
  ms: number;
}

/** The first mismatch found. */
export interface Mismatch {
  readonly reason: string;
  readonly world: World;
  readonly call: Call;
  readonly context: number;
  readonly hql: string;
  readonly params: Record<string, unknown>;
  readonly page: QueryCase['page'];
  readonly mode: QueryCase['mode'];
  readonly expected: Expected;
  readonly actual: Actual;
}

export class MismatchError extends Error {
  readonly mismatch: Mismatch;
  constructor(m: Mismatch) {
    super(formatMismatch(m));
    this.mismatch = m;
  }
}

export interface CampaignResult {
  readonly stats: CampaignStats;
  /** Null when every query matched. */
  readonly failure: { readonly seed: number; readonly path: string; readonly mismatch: Mismatch | null; readonly error: unknown } | null;
}

/** An oracle that sees everything and masks nothing, to tell which queries permissions affect. */
const ALL_SEEING: VisibilityOracle = {
  name: 'all-seeing',
  contextRefused: () => false,
  canRead: () => true,
  canReadSession: () => true,
  canSeeUser: () => true,
};

/**
 * A caller and a call context. Most often a membership (so that private groups, where members
 * must not see each other's data, come up as often as they exist), then -1, the session's group,
 * any group (refused unless world-readable or admin), a missing group, an unparseable value.
 */
export function drawCall(d: Draw, world: World, callers: readonly number[] = world.users.map((u) => u.id)): { call: Call; context: number } {
  const sessionGroup = (userId: number): number => world.session.find((s) => s.ownerId === userId)!.groupId;
  const r = d.int(0, 99);
  const memberships = world.members.filter((m) => callers.includes(m.userId) && (m.groupId > 2 || d.bool(0.3)));
  if (r < 50 && memberships.length > 0) {
    const m = d.pick(memberships);
    if (m.groupId === sessionGroup(m.userId) && d.bool()) return { call: { userId: m.userId, ctx: {} }, context: m.groupId };
    return { call: { userId: m.userId, ctx: { 'omero.group': String(m.groupId) } }, context: m.groupId };
  }
  const others = callers.filter((id) => id > GUEST);
  const u = d.int(0, 99);
  const userId = u < 8 && callers.includes(ROOT) ? ROOT : u < 12 && callers.includes(GUEST) ? GUEST : d.pick(others.length > 0 ? others : callers);
  if (r < 68) return { call: { userId, ctx: { 'omero.group': d.pick(['-1', '-1', '-7']) } }, context: -1 };
  if (r < 80) return { call: { userId, ctx: {} }, context: sessionGroup(userId) };
  if (r < 95) {
    const g = d.pick(world.groups).id;
    return { call: { userId, ctx: { 'omero.group': String(g) } }, context: g };
  }
  if (r < 98) return { call: { userId, ctx: { 'omero.group': '999' } }, context: 999 };
  // Unparseable values are ignored (reference §2.1): the session's group.
  return { call: { userId, ctx: { 'omero.group': d.pick(['abc', '1e3', ' ']) } }, context: sessionGroup(userId) };
}

function sortedJson(items: readonly unknown[]): string[] {
  return items.map((x) => JSON.stringify(x)).sort();
}

/** Why the answer is wrong, or null. */
export function compare(expected: Expected, actual: Actual, qc: QueryCase, evaluator: Evaluator): string | null {
  if (expected.kind === 'refused') {
    if (actual.kind === 'error' && actual.error instanceof SecurityViolation) return null;
    return actual.kind === 'error' ? `expected a SecurityViolation, got ${actual.error.name}: ${actual.error.message}` : 'expected a SecurityViolation, got results';
  }
  if (actual.kind === 'error') return `unexpected ${actual.error.name}: ${actual.error.message}`;
  const exp = expected.kind === 'rows' ? expected.rows : expected.objects;
  const got = actual.kind === 'rows' ? actual.rows : actual.objects;
  if (expected.kind !== actual.kind) return `expected ${expected.kind}, got ${actual.kind}`;
  const a = sortedJson(exp);
  const b = sortedJson(got);
  if (a.join('\n') !== b.join('\n')) {
    // Multiset differences: a row expected twice and returned once is missing once.
    const minus = (x: string[], y: string[]): string[] => {
      const left = [...y];
      return x.filter((r) => {
        const i = left.indexOf(r);
        if (i < 0) return true;
        left.splice(i, 1);
        return false;
      });
    };
    const missing = minus(a, b).slice(0, 5);
    const extra = minus(b, a).slice(0, 5);
    return `expected ${a.length} rows, got ${b.length}; missing ${missing.join(' ') || '-'}; unexpected ${extra.join(' ') || '-'}`;
  }
  const order = qc.query.orderBy;
  if (order.length > 0) {
    const dirs = order.map((o) => o.dir);
    const keys = (x: unknown): Scalar[] =>
      actual.kind === 'rows' ? order.map((o) => (x as Scalar[])[o.index!] ?? null) : [((x as Record<string, Scalar>).id ?? null)];
    for (let i = 1; i < got.length; i++) {
      if (evaluator.compareKeys(keys(got[i - 1]), keys(got[i]), dirs) > 0) {
        return `rows out of order at ${i}: ${JSON.stringify(got[i - 1])} before ${JSON.stringify(got[i])}`;
      }
    }
  }
  return null;
}

/** Runs the property; never throws for a mismatch (see `failure`). */
export async function runCampaign(o: CampaignOptions): Promise<CampaignResult> {
  const stats: CampaignStats = { worlds: 0, queries: 0, refused: 0, nonEmpty: 0, sensitive: 0, rows: 0, ms: 0 };
  const started = Date.now();
  const server = o.runner;
  const oracle = o.oracle ?? ORACLE;
  let last: Mismatch | null = null;
  const property = fc.asyncProperty(fc.gen(), async (g) => {
    const d = fromGen(g);
    const world = await server.load(drawWorld(d, o.size ?? DEFAULT_SIZE));
    const ranks = await server.ranks(worldStrings(world));
    const rank = (s: string): number => {
      const r = ranks.get(s);
      if (r === undefined) throw new Error(`oracle: no collation rank for ${JSON.stringify(s)}`);
      return r;
    };
    stats.worlds++;
    // A few calls per world (caller + call context), each running many queries in one batch.
    const callers = world.users.map((u) => u.id).filter((id) => server.canCall?.(id) ?? true);
    const calls = Array.from({ length: d.int(6, 12) }, () => drawCall(d, world, callers));
    const cases = Array.from({ length: o.queriesPerWorld }, () => {
      const c = d.pick(calls);
      const qc = drawQueryCase(d, world);
      const entity = qc.query.selectAlias ? qc.query.roots.find((r) => r.alias === qc.query.selectAlias)!.entity : null;
      return { ...c, qc, entity };
    });
    const actuals = new Map<(typeof cases)[number], Actual>();
    for (const c of calls) {
      const mine = cases.filter((x) => x.call === c.call);
      const answers = await server.runBatch(c.call, mine);
      mine.forEach((x, i) => actuals.set(x, answers[i]!));
    }
    for (const x of cases) {
      const { call, context, qc } = x;
      const actual = actuals.get(x)!;
      const caller = oracleCaller(world, call.userId, context);
      const evaluator = new Evaluator({ world, oracle, caller, rank });
      const expected = evaluator.expected(qc);
      const reason = compare(expected, actual, qc, evaluator);
      stats.queries++;
      if (expected.kind === 'refused') stats.refused++;
      else {
        const n = expected.kind === 'rows' ? expected.rows.length : expected.objects.length;
        stats.rows += n;
        if (n > 0) stats.nonEmpty++;
        const all = new Evaluator({ world, oracle: ALL_SEEING, caller, rank }).expected(qc);
        if (JSON.stringify(all) !== JSON.stringify(expected)) stats.sensitive++;
      }
      stats.ms = Date.now() - started;
      o.onProgress?.(stats);
      if (reason) {
        last = {
          reason,
          world,
          call,
          context,
          hql: renderHql(qc.query, qc.spelling),
          params: Object.fromEntries(paramsOf(qc.query)),
          page: qc.page,
          mode: qc.mode,
          expected,
          actual,
        };
        throw new MismatchError(last);
      }
    }
  });
  const details = await fc.check(property, {
    seed: o.seed,
    numRuns: o.worlds,
    endOnFailure: true,
    ...(o.path !== undefined ? { path: o.path } : {}),
  });
  stats.ms = Date.now() - started;
  if (!details.failed) return { stats, failure: null };
  const path = (details.counterexamplePath ?? '').split(':')[0] ?? '';
  return { stats, failure: { seed: details.seed, path, mismatch: last, error: details.errorInstance } };
}

/** A readable report of a mismatch. */
export function formatMismatch(m: Mismatch): string {
  const brief = (x: Expected | Actual): string => {
    if (x.kind === 'refused') return 'SecurityViolation';
    if (x.kind === 'error') return `${x.error.name}: ${x.error.message}`;
    const items = x.kind === 'rows' ? x.rows : x.objects;
    return `${items.length} ${x.kind}: ${items.slice(0, 12).map((r) => JSON.stringify(r)).join(' ')}${items.length > 12 ? ' …' : ''}`;
  };
  const user = m.world.users.find((u) => u.id === m.call.userId);
  return [
    `oracle mismatch: ${m.reason}`,
    `  caller: user ${m.call.userId} (${user?.omeName}), groups ${JSON.stringify(groupsOf(m.world, m.call.userId))}, leads ${JSON.stringify(m.world.members.filter((x) => x.userId === m.call.userId && x.owner).map((x) => x.groupId))}`,
    `  call context: ${JSON.stringify(m.call.ctx)} (group ${m.context})`,
    `  ${m.mode}: ${m.hql}`,
    `  params: ${JSON.stringify(m.params)}${m.page ? `, page ${JSON.stringify(m.page)}` : ''}`,
    `  expected: ${brief(m.expected)}`,
    `  actual:   ${brief(m.actual)}`,
    `  world: ${describeWorld(m.world)}`,
    `  groups: ${m.world.groups.map((g) => `${g.id}:${g.perms}`).join(' ')}`,
  ].join('\n');
}

/** One line for a failed campaign, with what is needed to replay it. */
export function describeFailure(r: CampaignResult): string {
  if (!r.failure) return 'no mismatch';
  const f = r.failure;
  const body = f.mismatch ? formatMismatch(f.mismatch) : String((f.error as Error)?.stack ?? f.error);
  return `${body}\n  replay: seed ${f.seed}, run ${f.path} (npm run fuzz -- --seed ${f.seed} --run ${f.path})`;
}
