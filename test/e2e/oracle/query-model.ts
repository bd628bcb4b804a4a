import type { EntityName } from './schema.js';

/**
 * The queries the oracle generates, as a small AST that renders to HQL (reference api §3.2) and
 * that `evaluate.ts` runs in memory. Aliases are unique across a query and its subqueries.
 */

export type Scalar = string | number | boolean | null;

export type Expr =
  /** `alias.seg.seg…` (`x.details.owner.omeName`). */
  | { readonly k: 'path'; readonly alias: string; readonly path: readonly string[] }
  /** A bare alias, only as the argument of `count(x)`. */
  | { readonly k: 'alias'; readonly alias: string }
  | { readonly k: 'lit'; readonly v: string | number | boolean }
  | { readonly k: 'param'; readonly name: string; readonly v: string | number | readonly number[] }
  | { readonly k: 'lower'; readonly arg: Expr }
  /** `count(…)`, `min(…)`, `max(…)`; `arg` null = `count(*)`. */
  | { readonly k: 'agg'; readonly fn: 'count' | 'min' | 'max'; readonly distinct: boolean; readonly arg: Expr | null }
  /** `size(alias.collection)`. */
  | { readonly k: 'size'; readonly alias: string; readonly coll: string };

export type CmpOp = '=' | '<>' | '!=' | '<' | '>' | '<=' | '>=';

export type Cond =
  | { readonly k: 'cmp'; readonly op: CmpOp; readonly l: Expr; readonly r: Expr }
  | { readonly k: 'like'; readonly not: boolean; readonly ci: boolean; readonly e: Expr; readonly pat: Expr }
  | { readonly k: 'null'; readonly not: boolean; readonly e: Expr }
  | { readonly k: 'inList'; readonly not: boolean; readonly e: Expr; readonly items: readonly Expr[] }
  | { readonly k: 'inSub'; readonly not: boolean; readonly e: Expr; readonly q: Query }
  | { readonly k: 'exists'; readonly not: boolean; readonly q: Query }
  | { readonly k: 'empty'; readonly not: boolean; readonly alias: string; readonly coll: string }
  | { readonly k: 'and' | 'or'; readonly l: Cond; readonly r: Cond }
  | { readonly k: 'not'; readonly c: Cond };

export interface Root {
  readonly entity: EntityName;
  readonly alias: string;
}

export interface Join {
  readonly type: 'inner' | 'left';
  /** The alias joined from. */
  readonly from: string;
  /** A collection, or a reference (`child`, `details.owner`). */
  readonly prop: string;
  readonly alias: string;
  /** The entity the new alias denotes. */
  readonly entity: EntityName;
}

export interface OrderItem {
  readonly e: Expr;
  readonly dir: 'asc' | 'desc';
  /**
   * The position of `e` in `select` (projections always select what they order by, so that the
   * order of the rows can be checked), or null (`order by x.id` of an object query).
   */
  readonly index: number | null;
}

export interface Query {
  /** The selected alias (whole objects: findAllByQuery), or null for a projection of `select`. */
  readonly selectAlias: string | null;
  readonly select: readonly Expr[];
  readonly distinct: boolean;
  readonly roots: readonly Root[];
  readonly joins: readonly Join[];
  readonly where: Cond | null;
  readonly groupBy: readonly Expr[];
  readonly orderBy: readonly OrderItem[];
}

/** One generated case: the query, how it is run, and paging. */
export interface QueryCase {
  readonly query: Query;
  /** `projection` (rows of scalars) or `objects` (findAllByQuery). */
  readonly mode: 'projection' | 'objects';
  readonly page: { readonly offset: number; readonly limit: number } | null;
  /** Spelling variations that must not change the result. */
  readonly spelling: Spelling;
}

export interface Spelling {
  /** `left outer join` instead of `left join`. */
  readonly outer: boolean;
  /** `as` before aliases. */
  readonly as: boolean;
  /** Keywords in upper case. */
  readonly upper: boolean;
}

/** The parameters a query uses, by name. */
export function paramsOf(q: Query): Map<string, string | number | readonly number[]> {
  const out = new Map<string, string | number | readonly number[]>();
  const expr = (e: Expr): void => {
    if (e.k === 'param') out.set(e.name, e.v);
    else if (e.k === 'lower') expr(e.arg);
    else if (e.k === 'agg' && e.arg) expr(e.arg);
  };
  const cond = (c: Cond): void => {
    switch (c.k) {
      case 'cmp':
        expr(c.l);
        expr(c.r);
        break;
      case 'like':
        expr(c.e);
        expr(c.pat);
        break;
      case 'null':
        expr(c.e);
        break;
      case 'inList':
        expr(c.e);
        c.items.forEach(expr);
        break;
      case 'inSub':
        expr(c.e);
        query(c.q);
        break;
      case 'exists':
        query(c.q);
        break;
      case 'empty':
        break;
      case 'and':
      case 'or':
        cond(c.l);
        cond(c.r);
        break;
      case 'not':
        cond(c.c);
        break;
    }
  };
  const query = (x: Query): void => {
    x.select.forEach(expr);
    if (x.where) cond(x.where);
    x.groupBy.forEach(expr);
  };
  query(q);
  return out;
}

const quote = (s: string): string => `'${s.replaceAll("'", "''")}'`;

/** HQL text of a query. */
export function renderHql(q: Query, spelling: Spelling = { outer: false, as: false, upper: false }): string {
  const kw = (w: string): string => (spelling.upper ? w.toUpperCase() : w);
  const as = spelling.as ? ` ${kw('as')} ` : ' ';
  const expr = (e: Expr): string => {
    switch (e.k) {
      case 'path':
        return [e.alias, ...e.path].join('.');
      case 'alias':
        return e.alias;
      case 'lit':
        return typeof e.v === 'string' ? quote(e.v) : String(e.v);
      case 'param':
        return Array.isArray(e.v) ? `(:${e.name})` : `:${e.name}`;
      case 'lower':
        return `${kw('lower')}(${expr(e.arg)})`;
      case 'agg':
        return `${kw(e.fn)}(${e.distinct ? `${kw('distinct')} ` : ''}${e.arg ? expr(e.arg) : '*'})`;
      case 'size':
        return `size(${e.alias}.${e.coll})`;
    }
  };
  const cond = (c: Cond): string => {
    const not = (n: boolean): string => (n ? `${kw('not')} ` : '');
    switch (c.k) {
      case 'cmp':
        return `${expr(c.l)} ${c.op} ${expr(c.r)}`;
      case 'like':
        return `${expr(c.e)} ${not(c.not)}${kw(c.ci ? 'ilike' : 'like')} ${expr(c.pat)}`;
      case 'null':
        return `${expr(c.e)} ${kw('is')} ${not(c.not)}${kw('null')}`;
      case 'inList': {
        const [only] = c.items;
        const list = c.items.length === 1 && only?.k === 'param' ? expr(only) : `(${c.items.map(expr).join(', ')})`;
        return `${expr(c.e)} ${not(c.not)}${kw('in')} ${list}`;
      }
      case 'inSub':
        return `${expr(c.e)} ${not(c.not)}${kw('in')} (${query(c.q)})`;
      case 'exists':
        return `${not(c.not)}${kw('exists')} (${query(c.q)})`;
      case 'empty':
        return `${c.alias}.${c.coll} ${kw('is')} ${not(c.not)}${kw('empty')}`;
      case 'and':
      case 'or':
        return `(${cond(c.l)} ${kw(c.k)} ${cond(c.r)})`;
      case 'not':
        return `${kw('not')} (${cond(c.c)})`;
    }
  };
  const query = (x: Query): string => {
    const parts: string[] = [kw('select')];
    if (x.distinct) parts.push(kw('distinct'));
    parts.push(x.selectAlias ?? x.select.map(expr).join(', '));
    parts.push(kw('from'), x.roots.map((r) => `${r.entity}${as}${r.alias}`).join(', '));
    for (const j of x.joins) {
      const type = j.type === 'left' ? (spelling.outer ? `${kw('left')} ${kw('outer')} ` : `${kw('left')} `) : '';
      parts.push(`${type}${kw('join')} ${j.from}.${j.prop}${as}${j.alias}`);
    }
    if (x.where) parts.push(kw('where'), cond(x.where));
    if (x.groupBy.length > 0) parts.push(kw('group by'), x.groupBy.map(expr).join(', '));
    if (x.orderBy.length > 0) {
      parts.push(kw('order by'), x.orderBy.map((o) => `${expr(o.e)} ${kw(o.dir)}`).join(', '));
    }
    return parts.join(' ');
  };
  return query(q);
}
