import type { EntityDef, ReferenceProperty, ValueKind } from '../../db/entities.js';
import { entityDef } from '../../db/entities.js';
import { BinaryOperationNode } from '../ast/binary-operation-node.js';
import { ColumnNode } from '../ast/column-node.js';
import type { ExpressionNode } from '../ast/expression-node.js';
import { TableNode, type TableJoin } from '../ast/table-node.js';
import { ValueNode } from '../ast/value-node.js';
import type { AliasInfo } from './query-scope.js';
import type { ResolverContext } from './resolver-context.js';

/** `"alias"."column"` of an alias. */
export const col = (alias: AliasInfo, column: string, kind: ValueKind = 'long'): ColumnNode =>
  ColumnNode.create(alias.sqlAlias, column, kind);

/** `left = right`. */
export const eq = (left: ExpressionNode, right: ExpressionNode): ExpressionNode =>
  BinaryOperationNode.create('=', left, right);

/** The discriminator test of a concrete annotation subclass (`"t0"."discriminator" = ?`). */
function discriminatorFilters(info: AliasInfo, def: EntityDef): ExpressionNode[] {
  if (!def.discriminatorColumn || !def.discriminator) return [];
  return [eq(col(info, def.discriminatorColumn, 'string'), ValueNode.create(def.discriminator))];
}

/** The table of an entity alias, with its discriminator filter. */
export function entityTable(info: AliasInfo, def: EntityDef, join: TableJoin, on: ExpressionNode | null): TableNode {
  return TableNode.create({
    alias: info.sqlAlias,
    table: def.table,
    entity: def.name,
    entityKind: def.kind,
    join,
    on,
    filters: discriminatorFilters(info, def),
  });
}

/** A `NamedValue` side table (`annotation_mapvalue`, `experimenter_config`). */
export function componentTable(sqlAlias: string, table: string, join: TableJoin, on: ExpressionNode | null): TableNode {
  return TableNode.create({ alias: sqlAlias, table, entity: 'NamedValue', entityKind: 'component', join, on, filters: [] });
}

/**
 * The implicit inner join a path through a reference makes (`p.details.owner.omeName`), added to
 * the level that owns the alias, once per alias and property.
 */
export function implicitJoin(ctx: ResolverContext, owner: AliasInfo, name: string, prop: ReferenceProperty): AliasInfo {
  const key = `${owner.sqlAlias}.${name}`;
  const existing = owner.scope.implicit.get(key);
  if (existing) return existing;
  const def = entityDef(prop.target);
  const info: AliasInfo = {
    sqlAlias: ctx.newAlias(),
    hqlAlias: null,
    def,
    scope: owner.scope,
    parent: { alias: owner, property: name, kind: 'reference' },
    fetch: false,
    explicit: false,
    indexColumn: null,
    position: null,
  };
  owner.scope.implicit.set(key, info);
  owner.scope.add(info, entityTable(info, def, 'inner', eq(col(info, 'id'), col(owner, prop.column))), false);
  return info;
}
