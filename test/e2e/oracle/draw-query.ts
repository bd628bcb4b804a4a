import type { Draw } from './draw.js';
import type { Cond, CmpOp, Expr, Join, OrderItem, Query, QueryCase, Root } from './query-model.js';
import { HIDDEN, SCHEMA, rowsOf, type EntityName, type ValueType } from './schema.js';
import { NAME_WORDS, type World } from './world.js';

/**
 * Random HQL over a world, aimed at the ways a permission system leaks (advisory 2019-SV5):
 * where-clauses on other users' names and emails and on hidden objects' names, joins over links
 * (inner and left), implicit joins through references, exists/in subqueries, `size()` and
 * `is empty`, projections, counts, min/max, group by, order by and paging. Values are drawn
 * from the world (real names, ids, `<hidden>`), so that predicates hit.
 */

interface AliasInfo {
  readonly alias: string;
  readonly entity: EntityName;
}

interface PathChoice {
  readonly path: readonly string[];
  readonly type: ValueType;
  /** Entity and field the value comes from (for drawing comparison values). */
  readonly entity: EntityName;
  readonly field: string;
  /** The value is an id of `entity` (a key or a foreign key). */
  readonly isId: boolean;
}

const DATA_ROOTS: readonly EntityName[] = ['Project', 'Dataset', 'Image'];
const ANNOTATIONS: readonly EntityName[] = ['Annotation', 'TagAnnotation', 'CommentAnnotation', 'LongAnnotation'];
const LINKS: readonly EntityName[] = ['ProjectDatasetLink', 'DatasetImageLink', 'ProjectAnnotationLink', 'DatasetAnnotationLink', 'ImageAnnotationLink'];
const GLOBALS: readonly EntityName[] = ['Experimenter', 'ExperimenterGroup', 'GroupExperimenterMap'];

/** Paths from an entity to values: its columns, foreign keys, and columns one or two references away. */
function pathsFrom(entity: EntityName, depth = 2): PathChoice[] {
  const out: PathChoice[] = [];
  for (const [name, prop] of Object.entries(SCHEMA[entity].props)) {
    const segs = name.split('.');
    if (prop.kind === 'scalar') out.push({ path: segs, type: prop.type, entity, field: prop.field, isId: name === 'id' });
    else if (prop.kind === 'ref') {
      out.push({ path: [...segs, 'id'], type: 'long', entity: prop.target, field: 'id', isId: true });
      if (depth > 1) {
        for (const p of pathsFrom(prop.target, depth - 1)) if (!(p.path.length === 1 && p.path[0] === 'id')) out.push({ ...p, path: [...segs, ...p.path] });
      }
    }
  }
  return out;
}

const PATHS = new Map<EntityName, PathChoice[]>();
function paths(entity: EntityName): PathChoice[] {
  let p = PATHS.get(entity);
  if (!p) {
    p = pathsFrom(entity);
    PATHS.set(entity, p);
  }
  return p;
}

/** What can be joined from an entity: collections and references to data or users. */
function joinables(entity: EntityName): { prop: string; target: EntityName }[] {
  return Object.entries(SCHEMA[entity].props).flatMap(([name, prop]) =>
    prop.kind === 'coll' || prop.kind === 'ref' ? [{ prop: name, target: prop.target }] : [],
  );
}

class QueryDrawer {
  readonly #d: Draw;
  readonly #w: World;
  #aliases = 0;
  #params = 0;

  constructor(d: Draw, world: World) {
    this.#d = d;
    this.#w = world;
  }

  case(): QueryCase {
    const d = this.#d;
    const r = d.int(0, 99);
    const spelling = { outer: d.bool(0.3), as: d.bool(0.3), upper: d.bool(0.15) };
    if (r < 8) return this.#page(spelling);
    if (r < 20) return this.#objects(spelling);
    if (r < 38) return this.#aggregate(spelling);
    return this.#projection(spelling);
  }

  #alias(prefix: string): string {
    return `${prefix}${++this.#aliases}`;
  }

  #rootEntity(): EntityName {
    const d = this.#d;
    const r = d.int(0, 99);
    if (r < 35) return d.pick(DATA_ROOTS);
    if (r < 50) return d.pick(ANNOTATIONS);
    if (r < 70) return d.pick(LINKS);
    if (r < 94) return d.pick(GLOBALS);
    return 'Session';
  }

  /** Roots and joins of one level. */
  #from(prefix: string, maxJoins: number, twoRoots = true): { roots: Root[]; joins: Join[]; aliases: AliasInfo[] } {
    const d = this.#d;
    const roots: Root[] = [{ entity: this.#rootEntity(), alias: this.#alias(prefix) }];
    if (twoRoots && d.bool(0.08)) roots.push({ entity: d.pick([...DATA_ROOTS, ...LINKS]), alias: this.#alias(prefix) });
    const aliases: AliasInfo[] = [...roots];
    const joins: Join[] = [];
    const n = d.int(0, maxJoins);
    for (let i = 0; i < n; i++) {
      const from = d.pick(aliases);
      const options = joinables(from.entity);
      if (options.length === 0) continue;
      const j = d.pick(options);
      const join: Join = { type: d.bool(0.4) ? 'left' : 'inner', from: from.alias, prop: j.prop, alias: this.#alias('j'), entity: j.target };
      joins.push(join);
      aliases.push({ alias: join.alias, entity: join.entity });
    }
    return { roots, joins, aliases };
  }

  #path(aliases: readonly AliasInfo[], type?: ValueType): { expr: Expr; choice: PathChoice } | null {
    const d = this.#d;
    for (let tries = 0; tries < 6; tries++) {
      const a = d.pick(aliases);
      const options = paths(a.entity).filter((p) => !type || p.type === type);
      if (options.length === 0) continue;
      const choice = d.pick(options);
      return { expr: { k: 'path', alias: a.alias, path: choice.path }, choice };
    }
    return null;
  }

  /** A value to compare with: mostly one that exists in the world for that field. */
  #value(choice: PathChoice): string | number | boolean {
    const d = this.#d;
    if (choice.type === 'bool') return d.bool();
    const rows = rowsOf(this.#w, choice.entity);
    const seen = rows.map((r) => r[choice.field]).filter((v) => v !== null && v !== undefined) as (string | number)[];
    if (choice.type === 'long') {
      if (seen.length > 0 && d.bool(0.85)) return d.pick(seen) as number;
      return d.int(choice.isId ? 0 : -5, choice.isId ? rows.length + 3 : 50);
    }
    const r = d.int(0, 99);
    if (seen.length > 0 && r < 70) return String(d.pick(seen));
    if (r < 85) return HIDDEN;
    return d.pick([...NAME_WORDS, '', "it's", 'ünï', '%']);
  }

  #literalOrParam(v: string | number | boolean): Expr {
    const d = this.#d;
    if (typeof v === 'boolean') return { k: 'lit', v };
    // Negative numbers travel as parameters (the grammar has no unary minus on literals).
    if ((typeof v === 'number' && v < 0) || d.bool(0.45)) return { k: 'param', name: `p${++this.#params}`, v };
    return { k: 'lit', v };
  }

  #likePattern(v: string): string {
    const d = this.#d;
    if (v.length === 0) return d.pick(['%', '_%', '']);
    const cut = d.int(0, v.length);
    switch (d.int(0, 5)) {
      case 0:
        return `${v.slice(0, cut)}%`;
      case 1:
        return `%${v.slice(cut)}`;
      case 2:
        return `%${v.slice(cut, cut + 2)}%`;
      case 3:
        return `${v.slice(0, cut)}_${v.slice(cut + 1)}`;
      case 4:
        return v;
      default:
        return d.pick(['%', '%a%', 'h%', '<%', '%@%']);
    }
  }

  #atom(aliases: readonly AliasInfo[], depth: number): Cond {
    const d = this.#d;
    const r = d.int(0, 99);
    if (r < 16 && depth > 0) {
      const sub = this.#subqueryAtom(aliases, depth);
      if (sub) return sub;
    }
    if (r < 34) {
      const p = this.#path(aliases, 'string');
      if (p) {
        const pattern = this.#likePattern(String(this.#value(p.choice)));
        const e: Expr = d.bool(0.2) ? { k: 'lower', arg: p.expr } : p.expr;
        return { k: 'like', not: d.bool(0.2), ci: d.bool(0.15), e, pat: this.#literalOrParam(pattern) };
      }
    }
    if (r < 42) {
      const p = this.#path(aliases);
      if (p) return { k: 'null', not: d.bool(), e: p.expr };
    }
    if (r < 52) {
      const p = this.#path(aliases, d.bool(0.8) ? 'long' : 'string');
      if (p) {
        const n = d.int(0, 4);
        const values = Array.from({ length: n }, () => this.#value(p.choice));
        if (p.choice.type === 'long' && d.bool(0.5)) {
          return { k: 'inList', not: d.bool(0.2), e: p.expr, items: [{ k: 'param', name: `p${++this.#params}`, v: values as number[] }] };
        }
        if (n > 0) return { k: 'inList', not: d.bool(0.2), e: p.expr, items: values.map((v) => ({ k: 'lit', v }) as Expr) };
      }
    }
    if (r < 60 && aliases.length > 1) {
      const a = this.#path(aliases, 'long');
      const b = this.#path(aliases, 'long');
      if (a && b) return { k: 'cmp', op: d.pick(['=', '<>', '<', '>='] as const), l: a.expr, r: b.expr };
    }
    const p = this.#path(aliases);
    if (!p) return { k: 'cmp', op: '=', l: { k: 'lit', v: 1 }, r: { k: 'lit', v: 1 } };
    const ops: readonly CmpOp[] = p.choice.type === 'long' ? ['=', '=', '<>', '!=', '<', '>', '<=', '>='] : ['=', '=', '<>', '!='];
    return { k: 'cmp', op: d.pick(ops), l: p.expr, r: this.#literalOrParam(this.#value(p.choice)) };
  }

  #subqueryAtom(aliases: readonly AliasInfo[], depth: number): Cond | null {
    const d = this.#d;
    const a = d.pick(aliases);
    const colls = Object.entries(SCHEMA[a.entity].props).filter(([, p]) => p.kind === 'coll');
    const r = d.int(0, 99);
    if (colls.length > 0 && r < 60) {
      const [name, prop] = d.pick(colls);
      if (prop.kind !== 'coll') return null;
      if (r < 15) return { k: 'empty', not: d.bool(), alias: a.alias, coll: name };
      if (r < 25) {
        return { k: 'cmp', op: d.pick(['=', '>', '>='] as const), l: { k: 'size', alias: a.alias, coll: name }, r: { k: 'lit', v: d.int(0, 2) } };
      }
      // Correlated: elements of the collection, optionally with a condition of their own.
      const s = this.#alias('s');
      const correlate: Cond = { k: 'cmp', op: '=', l: { k: 'path', alias: s, path: [prop.inverse, 'id'] }, r: { k: 'path', alias: a.alias, path: ['id'] } };
      const own = d.bool(0.7) ? this.#atom([{ alias: s, entity: prop.target }], depth - 1) : null;
      const where: Cond = own ? { k: 'and', l: correlate, r: own } : correlate;
      const base = { selectAlias: null, distinct: false, roots: [{ entity: prop.target, alias: s }], joins: [], groupBy: [], orderBy: [] };
      if (r < 45) return { k: 'exists', not: d.bool(0.35), q: { ...base, selectAlias: s, select: [], where } };
      // `x.id in (select s.<inverse>.id from … [where <own>])`.
      return {
        k: 'inSub',
        not: d.bool(0.3),
        e: { k: 'path', alias: a.alias, path: ['id'] },
        q: { ...base, select: [{ k: 'path', alias: s, path: [prop.inverse, 'id'] }], where: own },
      };
    }
    // Uncorrelated, or through memberships: "owned by a member of group G".
    const s = this.#alias('s');
    if (SCHEMA[a.entity].access === 'data' && r < 80) {
      const gem = { alias: s, entity: 'GroupExperimenterMap' as const };
      return {
        k: 'inSub',
        not: d.bool(0.25),
        e: { k: 'path', alias: a.alias, path: ['details', 'owner', 'id'] },
        q: {
          selectAlias: null,
          distinct: d.bool(0.3),
          select: [{ k: 'path', alias: s, path: ['child', 'id'] }],
          roots: [{ entity: 'GroupExperimenterMap', alias: s }],
          joins: [],
          where: this.#atom([gem], 0),
          groupBy: [],
          orderBy: [],
        },
      };
    }
    const entity = this.#rootEntity();
    return {
      k: 'exists',
      not: d.bool(0.3),
      q: { selectAlias: s, distinct: false, select: [], roots: [{ entity, alias: s }], joins: [], where: this.#atom([{ alias: s, entity }], 0), groupBy: [], orderBy: [] },
    };
  }

  #cond(aliases: readonly AliasInfo[], depth: number): Cond {
    const d = this.#d;
    const r = d.int(0, 99);
    if (depth > 0 && r < 22) return { k: d.bool() ? 'and' : 'or', l: this.#cond(aliases, depth - 1), r: this.#cond(aliases, depth - 1) };
    if (depth > 0 && r < 28) return { k: 'not', c: this.#cond(aliases, depth - 1) };
    return this.#atom(aliases, depth);
  }

  #where(aliases: readonly AliasInfo[]): Cond | null {
    return this.#d.bool(0.8) ? this.#cond(aliases, 2) : null;
  }

  #projection(spelling: QueryCase['spelling']): QueryCase {
    const d = this.#d;
    const { roots, joins, aliases } = this.#from('x', 3);
    const select: Expr[] = [];
    const n = d.int(1, 3);
    for (let i = 0; i < n; i++) {
      const p = this.#path(aliases);
      if (p) select.push(d.bool(0.08) && p.choice.type === 'string' ? { k: 'lower', arg: p.expr } : p.expr);
    }
    if (select.length === 0) select.push({ k: 'path', alias: roots[0]!.alias, path: ['id'] });
    const where = this.#where(aliases);
    const distinct = d.bool(0.15);
    const orderBy: OrderItem[] = [];
    if (d.bool(0.5)) {
      for (let i = d.int(1, 2); i > 0; i--) {
        const index = d.int(0, select.length - 1);
        if (!orderBy.some((o) => o.index === index)) orderBy.push({ e: select[index]!, dir: d.bool() ? 'asc' : 'desc', index });
      }
    }
    let page: QueryCase['page'] = null;
    if (!distinct && orderBy.length > 0 && d.bool(0.4)) {
      // A total order (every alias's id) makes a page well defined.
      for (const a of aliases) {
        const e: Expr = { k: 'path', alias: a.alias, path: ['id'] };
        select.push(e);
        orderBy.push({ e, dir: d.bool() ? 'asc' : 'desc', index: select.length - 1 });
      }
      page = { offset: d.int(0, 3), limit: d.int(1, 6) };
    }
    return { query: { selectAlias: null, select, distinct, roots, joins, where, groupBy: [], orderBy }, mode: 'projection', page, spelling };
  }

  #aggregate(spelling: QueryCase['spelling']): QueryCase {
    const d = this.#d;
    const { roots, joins, aliases } = this.#from('x', 2, false);
    const groupBy: Expr[] = [];
    if (d.bool(0.5)) {
      const p = this.#path(aliases);
      if (p) groupBy.push(p.expr);
    }
    const select: Expr[] = [...groupBy];
    for (let i = d.int(1, 2); i > 0; i--) {
      const r = d.int(0, 99);
      if (r < 15) select.push({ k: 'agg', fn: 'count', distinct: false, arg: null });
      else if (r < 25) select.push({ k: 'agg', fn: 'count', distinct: false, arg: { k: 'alias', alias: d.pick(aliases).alias } });
      else {
        const p = this.#path(aliases);
        if (!p) continue;
        // min/max of a boolean is not SQL (PostgreSQL has no max(boolean)).
        const fn = r < 60 || p.choice.type === 'bool' ? 'count' : d.pick(['min', 'max'] as const);
        select.push({ k: 'agg', fn, distinct: fn === 'count' && d.bool(0.5), arg: p.expr });
      }
    }
    if (select.length === groupBy.length) select.push({ k: 'agg', fn: 'count', distinct: false, arg: null });
    const orderBy: OrderItem[] = [];
    if (d.bool(0.4)) {
      const index = d.int(0, select.length - 1);
      orderBy.push({ e: select[index]!, dir: d.bool() ? 'asc' : 'desc', index });
    }
    return {
      query: { selectAlias: null, select, distinct: false, roots, joins, where: this.#where(aliases), groupBy, orderBy },
      mode: 'projection',
      page: null,
      spelling,
    };
  }

  /**
   * A page of one table in id order ("the newest 50"), the shape the server reads group by group
   * (server/hql/transformer/page-walk.ts) unless a condition's path adds a join.
   */
  #page(spelling: QueryCase['spelling']): QueryCase {
    const d = this.#d;
    const { roots, joins, aliases } = this.#from('x', 0, false);
    const root = roots[0]!;
    return {
      query: {
        selectAlias: root.alias,
        select: [],
        distinct: false,
        roots,
        joins,
        where: this.#where(aliases),
        groupBy: [],
        orderBy: [{ e: { k: 'path', alias: root.alias, path: ['id'] }, dir: d.bool() ? 'asc' : 'desc', index: null }],
      },
      mode: 'objects',
      page: { offset: d.int(0, 4), limit: d.int(1, 8) },
      spelling,
    };
  }

  #objects(spelling: QueryCase['spelling']): QueryCase {
    const d = this.#d;
    const { roots, joins, aliases } = this.#from('x', 2);
    const root = roots[0]!;
    const orderBy: OrderItem[] = d.bool(0.5) ? [{ e: { k: 'path', alias: root.alias, path: ['id'] }, dir: d.bool() ? 'asc' : 'desc', index: null }] : [];
    const page = orderBy.length > 0 && d.bool(0.4) ? { offset: d.int(0, 3), limit: d.int(1, 6) } : null;
    return {
      query: { selectAlias: root.alias, select: [], distinct: d.bool(0.3), roots, joins, where: this.#where(aliases), groupBy: [], orderBy },
      mode: 'objects',
      page,
      spelling,
    };
  }
}

/** One random query case over `world`. */
export function drawQueryCase(d: Draw, world: World): QueryCase {
  return new QueryDrawer(d, world).case();
}
