import type { ReadScope } from '../security/read-scope.js';
import { compilePlan } from './compiler/hql-compiler.js';
import { queryException } from './hql-error.js';
import { parseHql } from './parser/parse-hql.js';
import { bindParameter } from './resolver/bind-value.js';
import { resolveQuery } from './resolver/hql-resolver.js';
import { ParamRef } from './resolver/param-ref.js';
import type { ResultShape } from './result-shape.js';
import { walkPageByGroup } from './transformer/page-walk.js';
import { securePlan } from './transformer/security-transformer.js';

/** Options of `compileHql`. */
export interface CompileHqlOptions {
  /**
   * Named parameters (`params.map`), already unwrapped from RTypes: number, bigint, string,
   * boolean, Date, or an array of those for `in (:ids)`. A parameter used by the query but
   * missing (or null) here is an error; extra entries are ignored. Default `{}`.
   */
  readonly params?: Readonly<Record<string, unknown>>;
  /** What the caller may read (from `readScopeFor`). Required: there is no unfiltered mode. */
  readonly scope: ReadScope;
  /** `theFilter.offset`: rows to skip. Default 0. */
  readonly offset?: number;
  /** `theFilter.limit`: most rows to return. Default: no limit. */
  readonly limit?: number;
  /** `theFilter.unique` (forced by `findByQuery`): more than one result is an error. Default false. */
  readonly unique?: boolean;
}

/** A compiled HQL query: run `knex.raw(sql, bindings)`, then hydrate `rows` with `shape`. */
export interface CompiledHql {
  /** PostgreSQL text with `?` placeholders. */
  readonly sql: string;
  /** The placeholder values, in order. */
  readonly bindings: readonly unknown[];
  /** What the rows contain (see `ResultShape`). */
  readonly shape: ResultShape;
}

/**
 * Parses, resolves, secures and compiles an HQL query for one caller (reference api §3.1–3.4).
 *
 * ### Examples
 *
 * ```ts
 * compileHql('select p from Project as p where p.id = :id', { params: { id: 5 }, scope })
 * ```
 *
 * The generated SQL (PostgreSQL), for user 10 in read-only group 4:
 *
 * ```sql
 * select "t0"."id" as "c0", "t0"."version" as "c1", "t0"."owner_id" as "c2", "t0"."group_id" as "c3",
 *   "t0"."creation_id" as "c4", "t0"."update_id" as "c5", "t0"."name" as "c6", "t0"."description" as "c7"
 * from "project" as "t0"
 * where (("t0".group_id = any(?) or ("t0".owner_id = ? and "t0".group_id = any(?)))) and ("t0"."id" = ?)
 * -- bindings: [[1, 4], 10, [4], 5]
 * ```
 *
 * @throws QueryException for syntax errors, unknown entities/properties/functions (message
 *   `Illegal query:<hql>\nline L:C: <detail>`); ApiUsageException for missing or invalid parameters
 *   (`Null parameters not allowed: <name>`) and bad offset/limit.
 */
export function compileHql(hql: string, options: CompileHqlOptions): CompiledHql {
  return bindTemplate(compileHqlTemplate(hql, options), options.params ?? {});
}

/**
 * A compiled query whose bindings still hold `ParamRef`s where the named parameters go: the same
 * for every call with parameters of the same kinds (and lists of the same lengths), so it can be
 * cached (`compile-cache.ts`). `bindTemplate` fills in one call's values.
 */
export interface CompiledTemplate {
  readonly sql: string;
  readonly bindings: readonly unknown[];
  readonly shape: ResultShape;
}

/** Parses, resolves, secures and compiles, leaving the parameters' values out (see `compileHql`). */
export function compileHqlTemplate(hql: string, options: CompileHqlOptions): CompiledTemplate {
  const query = parseHql(hql);
  try {
    const { plan, shape } = resolveQuery(query, {
      hql,
      params: options.params ?? {},
      ...(options.offset !== undefined ? { offset: options.offset } : {}),
      ...(options.limit !== undefined ? { limit: options.limit } : {}),
      ...(options.unique !== undefined ? { unique: options.unique } : {}),
    });
    const { sql, bindings } = compilePlan(walkPageByGroup(securePlan(plan, options.scope), options.scope));
    return Object.freeze({ sql, bindings, shape });
  } catch (e) {
    // Thousands of chained conditions make trees deeper than the stack; that is the query's fault.
    if (e instanceof RangeError) throw queryException(hql, 'query too complex: expressions nested too deeply');
    throw e;
  }
}

/** One call's query: the template with each `ParamRef` replaced by its parameter's checked value (`bindParameter`). */
export function bindTemplate(template: CompiledTemplate, params: Readonly<Record<string, unknown>>): CompiledHql {
  const bindings = template.bindings.map((b) => {
    if (!(b instanceof ParamRef)) return b;
    const { value } = bindParameter(b.name, Object.hasOwn(params, b.name) ? params[b.name] : undefined, b.list);
    return b.item === null ? value : (value as readonly unknown[])[b.item];
  });
  return Object.freeze({ sql: template.sql, bindings: Object.freeze(bindings), shape: template.shape });
}
