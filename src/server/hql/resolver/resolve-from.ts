import { entityDef, findEntity, type ReferenceProperty } from '../../db/entities.js';
import type { EntityRangeNode } from '../ast/entity-range-node.js';
import type { JoinNode } from '../ast/join-node.js';
import { PathNode } from '../ast/path-node.js';
import type { QueryNode } from '../ast/query-node.js';
import type { SourcePosition } from '../ast/source-position.js';
import type { TableJoin } from '../ast/table-node.js';
import type { AliasInfo, AliasParent, QueryScope } from './query-scope.js';
import type { ResolverContext } from './resolver-context.js';
import { resolvePath } from './resolve-path.js';
import { col, componentTable, entityTable, eq } from './tables.js';

/**
 * Declares the roots and joins of one query level. Further roots become cross joins; a join over
 * a reference joins the target's id to the foreign key, over a collection the elements' inverse
 * reference to the owner's id, over `mapValue`/`config` the side table's key. `join fetch` counts
 * only at the top level (in a subquery it is a plain join).
 */
export function resolveFrom(ctx: ResolverContext, query: QueryNode, scope: QueryScope, top: boolean): void {
  query.roots.forEach((root, i) => declareRoot(ctx, root, scope, i === 0 ? 'from' : 'cross'));
  for (const join of query.joins) declareJoin(ctx, join, scope, top);
}

function declareRoot(ctx: ResolverContext, node: EntityRangeNode, scope: QueryScope, join: TableJoin): void {
  const def = findEntity(node.entityName);
  if (!def) throw ctx.error(`${node.entityName} is not mapped`, node.position);
  checkAlias(ctx, scope, node.alias, node.position);
  const info: AliasInfo = {
    sqlAlias: ctx.newAlias(),
    hqlAlias: node.alias,
    def,
    scope,
    parent: null,
    fetch: false,
    explicit: true,
    indexColumn: null,
    position: node.position,
  };
  scope.add(info, entityTable(info, def, join, null), true);
}

function declareJoin(ctx: ResolverContext, node: JoinNode, scope: QueryScope, top: boolean): void {
  const r = resolvePath(ctx, node.path, scope);
  checkAlias(ctx, scope, node.alias, node.position);
  const base = {
    sqlAlias: ctx.newAlias(),
    hqlAlias: node.alias,
    scope,
    fetch: node.fetch && top,
    explicit: true,
    position: node.position,
  };
  if (r.t === 'reference') {
    const def = entityDef(r.prop.target);
    const info: AliasInfo = { ...base, def, parent: { alias: r.owner, property: r.name, kind: 'reference' }, indexColumn: null };
    scope.add(info, entityTable(info, def, node.joinType, eq(col(info, 'id'), col(r.owner, r.prop.column))), false);
    return;
  }
  if (r.t === 'collection') {
    const parent: AliasParent = { alias: r.owner, property: r.name, kind: r.prop.kind };
    if (r.prop.kind === 'components') {
      // NamedValue lists are always loaded with their owner, so `join fetch` adds nothing.
      const info: AliasInfo = { ...base, fetch: false, def: null, parent, indexColumn: r.prop.indexColumn };
      const on = eq(col(info, r.prop.keyColumn), col(r.owner, 'id'));
      scope.add(info, componentTable(info.sqlAlias, r.prop.table, node.joinType, on), false);
      return;
    }
    const def = entityDef(r.prop.target);
    const inverse = def.properties[r.prop.inverse] as ReferenceProperty;
    const info: AliasInfo = { ...base, def, parent, indexColumn: r.prop.indexColumn ?? null };
    scope.add(info, entityTable(info, def, node.joinType, eq(col(info, inverse.column), col(r.owner, 'id'))), false);
    return;
  }
  throw ctx.error(`join path ${PathNode.text(node.path)} is not an association`, node.path.position);
}

function checkAlias(ctx: ResolverContext, scope: QueryScope, alias: string | null, position: SourcePosition | null): void {
  if (alias && scope.declares(alias)) throw ctx.error(`duplicate alias ${alias}`, position);
}
