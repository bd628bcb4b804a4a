/**
 * OMERO's HQL on PostgreSQL (reference api §3): a chevrotain parser to an AST, semantic
 * resolution against the entity map (`server/db/entities.ts`), the caller's visibility rules
 * applied as a tree rewrite, a visitor compiler to `{ sql, bindings }` for `knex.raw`, and
 * hydrators that turn rows into model objects or rows of RTypes.
 *
 * ### Examples
 *
 * ```ts
 * const compiled = compileHql('select p from Project as p where p.details.owner.id = :id', {
 *   params: { id: 10 },
 *   scope, // readScopeFor(caller, facts)
 * })
 * const { rows } = await knex.raw(compiled.sql, compiled.bindings as Knex.RawBinding[])
 * const projects = hydrateEntities(rows, compiled.shape, decorate)
 * ```
 *
 * The generated SQL (PostgreSQL), for user 10 in read-only group 4:
 *
 * ```sql
 * select "t0"."id" as "c0", "t0"."version" as "c1", "t0"."owner_id" as "c2", "t0"."group_id" as "c3",
 *   "t0"."creation_id" as "c4", "t0"."update_id" as "c5", "t0"."name" as "c6", "t0"."description" as "c7"
 * from "project" as "t0"
 * where (("t0".group_id = any(?) or ("t0".owner_id = ? and "t0".group_id = any(?)))) and ("t0"."owner_id" = ?)
 * -- bindings: [[1, 4], 10, [4], 10]
 * ```
 */
export { compileHql, type CompileHqlOptions, type CompiledHql } from './compile-hql.js';
export { compileHqlCached } from './compile-cache.js';
export { parseHql, MAX_HQL_LENGTH, MAX_HQL_NESTING } from './parser/parse-hql.js';
export { hydrateEntities } from './hydrate/hydrate-entities.js';
export { hydrateProjection, scalarToRType } from './hydrate/hydrate-projection.js';
export type { Decorate, DecorateInfo } from './hydrate/entity-graph.js';
export type {
  ColumnShape,
  EntityShape,
  FetchShape,
  FieldShape,
  MapShape,
  NamedValuesShape,
  PermissionsShape,
  ReferenceShape,
  ResultShape,
  ScalarShape,
} from './result-shape.js';
export type { QueryNode } from './ast/query-node.js';
export type { Node, NodeKind } from './ast/node.js';
