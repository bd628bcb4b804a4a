import type { CmpOp, Cond, Expr, Query, QueryCase, Scalar } from './query-model.js';
import { HIDDEN, SCHEMA, propOf, rowById, rowsOf, type EntityName, type RefProp, type ScalarProp } from './schema.js';
import type { OracleCaller, VisibilityOracle } from './visibility-oracle.js';
import type { Owned, SessionRow, World } from './world.js';

/**
 * Runs a generated query in memory over the world, keeping exactly the rows the oracle lets the
 * caller see, with HQL's semantics (reference api §3.2–§3.4, Hibernate on SQL):
 *
 * - every data table of every level — roots, explicit joins, the implicit inner joins that a
 *   path through a reference makes (`l.child.name`), subqueries, `size()`/`is empty` — is
 *   filtered by the oracle; a left join whose row is hidden yields null;
 * - masked Experimenter columns read `<hidden>` or null wherever they appear (select, where,
 *   group by, order by, aggregates), unless the oracle unmasks that user;
 * - SQL's three-valued logic for null.
 *
 * Strings are ordered by the database's collation, given as `rank` (the oracle decides which
 * values; the database only says how strings sort).
 */

type Row = Readonly<Record<string, unknown>>;
type Binding = Map<string, Row | null>;

export interface EvalEnv {
  readonly world: World;
  readonly oracle: VisibilityOracle;
  readonly caller: OracleCaller;
  /** Position of a string in the database's collation order. */
  readonly rank: (s: string) => number;
}

/** What the oracle expects. */
export type Expected =
  | { readonly kind: 'refused' }
  | { readonly kind: 'rows'; readonly rows: readonly (readonly Scalar[])[] }
  | { readonly kind: 'objects'; readonly objects: readonly ObjectView[] };

/** The fields of a returned object that the oracle checks. */
export type ObjectView = Readonly<Record<string, Scalar>>;

interface ImplicitJoin {
  readonly key: string;
  readonly ownerKey: string;
  readonly field: string;
  readonly target: EntityName;
}

interface Level {
  readonly query: Query;
  readonly types: ReadonlyMap<string, EntityName>;
  readonly implicit: readonly ImplicitJoin[];
  readonly parent: Level | null;
}

interface Frame {
  readonly level: Level;
  readonly binding: Binding;
  readonly parent: Frame | null;
}

/** Where a path lands: a column of a row in the binding, or a foreign key read without a join. */
type PathTarget =
  | { readonly t: 'scalar'; readonly rowKey: string; readonly entity: EntityName; readonly prop: ScalarProp }
  | { readonly t: 'fk'; readonly rowKey: string; readonly field: string };

/** Resolves a path from an alias, registering the implicit joins it makes. */
function walkPath(entity: EntityName, alias: string, segs: readonly string[], register: (j: ImplicitJoin) => void): PathTarget {
  let cur = entity;
  let key = alias;
  for (let i = 0; i < segs.length; i++) {
    let name = segs[i]!;
    if (name === 'details') name = `details.${segs[++i]}`;
    const prop = propOf(cur, name);
    if (!prop) throw new Error(`oracle: no property ${name} on ${cur}`);
    const last = i === segs.length - 1;
    if (prop.kind === 'scalar') {
      if (!last) throw new Error(`oracle: cannot dereference ${name}`);
      return { t: 'scalar', rowKey: key, entity: cur, prop };
    }
    if (prop.kind === 'coll' || last) throw new Error(`oracle: path ${segs.join('.')} does not end in a value`);
    if (i + 1 === segs.length - 1 && segs[i + 1] === 'id') return { t: 'fk', rowKey: key, field: prop.field };
    const next = `${key}.${name}`;
    register({ key: next, ownerKey: key, field: prop.field, target: prop.target });
    cur = prop.target;
    key = next;
  }
  throw new Error(`oracle: empty path from ${alias}`);
}

/** Every path of a query and its subqueries. */
function pathsOf(q: Query): Extract<Expr, { k: 'path' }>[] {
  const out: Extract<Expr, { k: 'path' }>[] = [];
  const expr = (e: Expr): void => {
    if (e.k === 'path') out.push(e);
    else if (e.k === 'lower') expr(e.arg);
    else if (e.k === 'agg' && e.arg) expr(e.arg);
  };
  const cond = (c: Cond): void => {
    switch (c.k) {
      case 'cmp':
        expr(c.l);
        expr(c.r);
        return;
      case 'like':
        expr(c.e);
        expr(c.pat);
        return;
      case 'null':
        expr(c.e);
        return;
      case 'inList':
        expr(c.e);
        c.items.forEach(expr);
        return;
      case 'inSub':
        expr(c.e);
        query(c.q);
        return;
      case 'exists':
        query(c.q);
        return;
      case 'empty':
        return;
      case 'and':
      case 'or':
        cond(c.l);
        cond(c.r);
        return;
      case 'not':
        cond(c.c);
        return;
    }
  };
  const query = (x: Query): void => {
    x.select.forEach(expr);
    if (x.where) cond(x.where);
    x.groupBy.forEach(expr);
    x.orderBy.forEach((o) => expr(o.e));
  };
  query(q);
  return out;
}

export class Evaluator {
  readonly #env: EvalEnv;
  readonly #levels = new WeakMap<Query, Level>();
  readonly #visible = new Map<EntityName, readonly Row[]>();

  constructor(env: EvalEnv) {
    this.#env = env;
  }

  /** The oracle's answer for one case. */
  expected(qc: QueryCase): Expected {
    const { world, oracle, caller } = this.#env;
    if (oracle.contextRefused(world, caller)) return { kind: 'refused' };
    const q = qc.query;
    const frames = this.#rows(this.#level(q, null), null);
    if (qc.mode === 'objects') {
      const alias = q.selectAlias!;
      const entity = this.#level(q, null).types.get(alias)!;
      let rows = frames.map((f) => f.binding.get(alias) ?? null).filter((r): r is Row => r !== null);
      if (q.distinct) rows = [...new Set(rows)];
      let objects = rows.map((r) => this.objectView(entity, r));
      if (q.orderBy.length > 0) objects = this.#sorted(objects, (o) => [o.id ?? null], q.orderBy.map((o) => o.dir));
      if (qc.page) objects = objects.slice(qc.page.offset, qc.page.offset + qc.page.limit);
      return { kind: 'objects', objects };
    }
    let rows = this.#project(q, frames);
    if (q.distinct) rows = dedupe(rows);
    if (q.orderBy.length > 0) {
      rows = this.#sorted(rows, (r) => q.orderBy.map((o) => r[o.index!] ?? null), q.orderBy.map((o) => o.dir));
    }
    if (qc.page) rows = rows.slice(qc.page.offset, qc.page.offset + qc.page.limit);
    return { kind: 'rows', rows };
  }

  /** The checked fields of an object of `entity` read from `row` (masked as the caller sees it). */
  objectView(entity: EntityName, row: Row): ObjectView {
    const view: Record<string, Scalar> = { id: row.id as number };
    for (const [name, prop] of Object.entries(SCHEMA[entity].props)) {
      if (prop.kind === 'scalar' && name !== 'id') view[name] = this.#scalar(entity, prop, row);
      else if (prop.kind === 'ref') {
        const id = (row[prop.field] as number | undefined) ?? null;
        // A reference to the abstract Annotation needs the target's class, read under the
        // caller's visibility: a hidden annotation's class is not revealed, the reference is null.
        const target = prop.target === 'Annotation' && id !== null ? rowById(this.#env.world, 'Annotation', id) : null;
        view[name] = target && !this.#canSee('Annotation', target) ? null : id;
      }
    }
    return view;
  }

  /** Compares key tuples as the database orders them (nulls last ascending, first descending). */
  compareKeys(a: readonly Scalar[], b: readonly Scalar[], dirs: readonly ('asc' | 'desc')[]): number {
    for (let i = 0; i < a.length; i++) {
      const c = this.#compare(a[i] ?? null, b[i] ?? null);
      if (c !== 0) return dirs[i] === 'desc' ? -c : c;
    }
    return 0;
  }

  #compare(x: Scalar, y: Scalar): number {
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    if (typeof x === 'string' && typeof y === 'string') return this.#env.rank(x) - this.#env.rank(y);
    if (typeof x === 'boolean' && typeof y === 'boolean') return Number(x) - Number(y);
    return Number(x) - Number(y);
  }

  #sorted<T>(items: readonly T[], keys: (item: T) => Scalar[], dirs: readonly ('asc' | 'desc')[]): T[] {
    return items
      .map((item) => ({ item, key: keys(item) }))
      .sort((a, b) => this.compareKeys(a.key, b.key, dirs))
      .map((x) => x.item);
  }

  #level(q: Query, parent: Level | null): Level {
    const cached = this.#levels.get(q);
    if (cached) return cached;
    const types = new Map<string, EntityName>();
    for (const r of q.roots) types.set(r.alias, r.entity);
    for (const j of q.joins) types.set(j.alias, j.entity);
    const implicit = new Map<string, ImplicitJoin>();
    for (const p of pathsOf(q)) {
      const entity = types.get(p.alias);
      if (entity) walkPath(entity, p.alias, p.path, (j) => void (implicit.has(j.key) || implicit.set(j.key, j)));
    }
    const level: Level = { query: q, types, implicit: [...implicit.values()], parent };
    this.#levels.set(q, level);
    return level;
  }

  #canSee(entity: EntityName, row: Row): boolean {
    const { world, oracle, caller } = this.#env;
    switch (SCHEMA[entity].access) {
      case 'data':
        return oracle.canRead(world, caller, row as unknown as Owned);
      case 'session':
        return oracle.canReadSession(world, caller, row as unknown as SessionRow);
      case 'global':
        return true;
    }
  }

  #visibleRows(entity: EntityName): readonly Row[] {
    let rows = this.#visible.get(entity);
    if (!rows) {
      rows = rowsOf(this.#env.world, entity).filter((r) => this.#canSee(entity, r));
      this.#visible.set(entity, rows);
    }
    return rows;
  }

  /** The frames of one level that pass its where-clause. */
  #rows(level: Level, parent: Frame | null): Frame[] {
    const q = level.query;
    let bindings: Binding[] = [new Map()];
    for (const root of q.roots) {
      const rows = this.#visibleRows(root.entity);
      bindings = bindings.flatMap((b) => rows.map((r) => new Map(b).set(root.alias, r)));
    }
    for (const j of q.joins) {
      const from = level.types.get(j.from)!;
      const prop = propOf(from, j.prop);
      if (!prop || prop.kind === 'scalar') throw new Error(`oracle: cannot join ${from}.${j.prop}`);
      bindings = bindings.flatMap((b) => {
        const owner = b.get(j.from) ?? null;
        let found: readonly Row[] = [];
        if (owner && prop.kind === 'coll') {
          const inverse = propOf(prop.target, prop.inverse) as RefProp;
          found = this.#visibleRows(prop.target).filter((r) => r[inverse.field] === owner.id);
        } else if (owner && prop.kind === 'ref') {
          const target = rowById(this.#env.world, prop.target, owner[prop.field]);
          found = target && this.#canSee(prop.target, target) ? [target] : [];
        }
        if (found.length === 0) return j.type === 'left' ? [new Map(b).set(j.alias, null)] : [];
        return found.map((r) => new Map(b).set(j.alias, r));
      });
    }
    // Implicit joins are inner joins after the explicit ones (Hibernate's theta joins).
    for (const ij of level.implicit) {
      bindings = bindings.flatMap((b) => {
        const owner = b.get(ij.ownerKey) ?? null;
        if (!owner) return [];
        const target = rowById(this.#env.world, ij.target, owner[ij.field]);
        if (!target || !this.#canSee(ij.target, target)) return [];
        b.set(ij.key, target);
        return [b];
      });
    }
    const frames = bindings.map((binding) => ({ level, binding, parent }));
    return q.where ? frames.filter((f) => this.#cond(q.where!, f) === true) : frames;
  }

  #project(q: Query, frames: readonly Frame[]): Scalar[][] {
    const aggregate = q.groupBy.length > 0 || q.select.some((e) => e.k === 'agg');
    if (!aggregate) return frames.map((f) => q.select.map((e) => this.#expr(e, f)));
    const groups = new Map<string, Frame[]>();
    if (q.groupBy.length === 0) groups.set('', [...frames]);
    for (const f of q.groupBy.length > 0 ? frames : []) {
      const key = JSON.stringify(q.groupBy.map((e) => this.#expr(e, f)));
      const g = groups.get(key);
      if (g) g.push(f);
      else groups.set(key, [f]);
    }
    return [...groups.values()].map((g) => q.select.map((e) => (e.k === 'agg' ? this.#aggregate(e, g) : this.#expr(e, g[0]!))));
  }

  #aggregate(e: Extract<Expr, { k: 'agg' }>, frames: readonly Frame[]): Scalar {
    if (!e.arg) return frames.length;
    let values = frames.map((f) => this.#expr(e.arg!, f)).filter((v): v is Exclude<Scalar, null> => v !== null);
    if (e.distinct) values = [...new Set(values)];
    if (e.fn === 'count') return values.length;
    if (values.length === 0) return null;
    const sorted = [...values].sort((a, b) => this.#compare(a, b));
    return e.fn === 'min' ? sorted[0]! : sorted.at(-1)!;
  }

  #scalar(entity: EntityName, prop: ScalarProp, row: Row): Scalar {
    const { world, oracle, caller } = this.#env;
    if (prop.mask && !oracle.canSeeUser(world, caller, row.id as number)) return prop.mask === 'hidden' ? HIDDEN : null;
    void entity;
    return (row[prop.field] as Scalar | undefined) ?? null;
  }

  #frameOf(alias: string, f: Frame): Frame {
    for (let cur: Frame | null = f; cur; cur = cur.parent) if (cur.level.types.has(alias)) return cur;
    throw new Error(`oracle: unknown alias ${alias}`);
  }

  #expr(e: Expr, f: Frame): Scalar {
    switch (e.k) {
      case 'path': {
        const owner = this.#frameOf(e.alias, f);
        const target = walkPath(owner.level.types.get(e.alias)!, e.alias, e.path, () => undefined);
        const row = owner.binding.get(target.rowKey) ?? null;
        if (!row) return null;
        if (target.t === 'fk') return (row[target.field] as number | undefined) ?? null;
        return this.#scalar(target.entity, target.prop, row);
      }
      case 'alias': {
        const row = this.#frameOf(e.alias, f).binding.get(e.alias) ?? null;
        return row ? (row.id as number) : null;
      }
      case 'lit':
        return e.v;
      case 'param':
        if (Array.isArray(e.v)) throw new Error('oracle: a list parameter is not a value');
        return e.v as string | number;
      case 'lower': {
        const v = this.#expr(e.arg, f);
        return typeof v === 'string' ? v.toLowerCase() : v;
      }
      case 'agg':
        throw new Error('oracle: aggregate outside a select list');
      case 'size':
        return this.#collection(e.alias, e.coll, f).length;
    }
  }

  /** The visible elements of `alias.coll` (none for a null row). */
  #collection(alias: string, coll: string, f: Frame): readonly Row[] {
    const owner = this.#frameOf(alias, f);
    const row = owner.binding.get(alias) ?? null;
    const prop = propOf(owner.level.types.get(alias)!, coll);
    if (!prop || prop.kind !== 'coll') throw new Error(`oracle: ${coll} is not a collection`);
    if (!row) return [];
    const inverse = propOf(prop.target, prop.inverse) as RefProp;
    return this.#visibleRows(prop.target).filter((r) => r[inverse.field] === row.id);
  }

  #compareOp(op: CmpOp, l: Scalar, r: Scalar): boolean | null {
    if (l === null || r === null) return null;
    if (op === '=') return l === r;
    if (op === '<>' || op === '!=') return l !== r;
    const cmp = this.#compare(l, r);
    return op === '<' ? cmp < 0 : op === '>' ? cmp > 0 : op === '<=' ? cmp <= 0 : cmp >= 0;
  }

  #sub(q: Query, f: Frame): Frame[] {
    return this.#rows(this.#level(q, f.level), f);
  }

  #cond(c: Cond, f: Frame): boolean | null {
    switch (c.k) {
      case 'cmp':
        return this.#compareOp(c.op, this.#expr(c.l, f), this.#expr(c.r, f));
      case 'like': {
        const v = this.#expr(c.e, f);
        const p = this.#expr(c.pat, f);
        if (v === null || p === null) return null;
        const hit = likeRegex(String(p), c.ci).test(String(v));
        return c.not ? !hit : hit;
      }
      case 'null': {
        const isNull = this.#expr(c.e, f) === null;
        return c.not ? !isNull : isNull;
      }
      case 'inList': {
        const v = this.#expr(c.e, f);
        const items: Scalar[] = c.items.flatMap((i) => (i.k === 'param' && Array.isArray(i.v) ? (i.v as number[]) : [this.#expr(i, f)]));
        return negate(c.not, memberOf(v, items));
      }
      case 'inSub': {
        const v = this.#expr(c.e, f);
        const items = this.#sub(c.q, f).map((g) => this.#expr(c.q.select[0]!, g));
        return negate(c.not, memberOf(v, items));
      }
      case 'exists': {
        const found = this.#sub(c.q, f).length > 0;
        return c.not ? !found : found;
      }
      case 'empty': {
        const empty = this.#collection(c.alias, c.coll, f).length === 0;
        return c.not ? !empty : empty;
      }
      case 'and': {
        const l = this.#cond(c.l, f);
        const r = this.#cond(c.r, f);
        if (l === false || r === false) return false;
        return l === null || r === null ? null : true;
      }
      case 'or': {
        const l = this.#cond(c.l, f);
        const r = this.#cond(c.r, f);
        if (l === true || r === true) return true;
        return l === null || r === null ? null : false;
      }
      case 'not': {
        const v = this.#cond(c.c, f);
        return v === null ? null : !v;
      }
    }
  }
}

/** SQL `v in (items)`: true if found; null if not found and v or an item is null; else false. */
function memberOf(v: Scalar, items: readonly Scalar[]): boolean | null {
  if (items.length === 0) return false;
  if (v === null) return null;
  if (items.some((i) => i !== null && i === v)) return true;
  return items.some((i) => i === null) ? null : false;
}

function negate(not: boolean, v: boolean | null): boolean | null {
  return not && v !== null ? !v : v;
}

/** PostgreSQL `like`/`ilike` (backslash escapes the next character). */
export function likeRegex(pattern: string, caseInsensitive: boolean): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === '\\' && i + 1 < pattern.length) re += escapeRegex(pattern[++i]!);
    else if (ch === '%') re += '[\\s\\S]*';
    else if (ch === '_') re += '[\\s\\S]';
    else re += escapeRegex(ch);
  }
  return new RegExp(`^${re}$`, caseInsensitive ? 'iu' : 'u');
}

function escapeRegex(ch: string): string {
  return ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function dedupe(rows: readonly Scalar[][]): Scalar[][] {
  const seen = new Set<string>();
  return rows.filter((r) => {
    const key = JSON.stringify(r);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
