import {
  concreteSubclasses,
  type EntityDef,
  entityDef,
  type PermissionsProperty,
  type PropertyDef,
  type ReferenceProperty,
} from '../../db/entities.js';
import { ColumnNode } from '../ast/column-node.js';
import type { ExpressionNode } from '../ast/expression-node.js';
import { MapNode } from '../ast/map-node.js';
import { NamedValuesNode } from '../ast/named-values-node.js';
import { PlanNode } from '../ast/plan-node.js';
import type { QueryNode } from '../ast/query-node.js';
import { SelectionNode } from '../ast/selection-node.js';
import { SubqueryNode } from '../ast/subquery-node.js';
import { TableNode } from '../ast/table-node.js';
import type { ColumnShape, EntityShape, FetchShape } from '../result-shape.js';
import type { AliasInfo, QueryScope } from './query-scope.js';
import type { ResolverContext } from './resolver-context.js';
import { resolveExpression } from './resolve-expression.js';
import { col, eq, implicitJoin } from './tables.js';

/** The select list under construction: SQL selections and the aliases given entity shapes. */
export interface SelectTarget {
  readonly selections: SelectionNode[];
  readonly shaped: Set<AliasInfo>;
}

/**
 * Resolves the top-level select list into selections and column shapes. `from A a join a.b b`
 * without a select returns the roots and the non-fetched joined entities, as Hibernate does.
 */
export function resolveSelectList(ctx: ResolverContext, query: QueryNode, scope: QueryScope, target: SelectTarget): ColumnShape[] {
  if (!query.select) {
    return scope.all.filter((a) => a.explicit && a.def && !a.fetch).map((a) => entityShape(ctx, a, target));
  }
  return query.select.map((item) => selectItem(ctx, item.expression, scope, target));
}

function select(ctx: ResolverContext, target: SelectTarget, node: ExpressionNode): string {
  const label = ctx.newLabel();
  target.selections.push(SelectionNode.create(node, label));
  return label;
}

function selectItem(ctx: ResolverContext, expression: ExpressionNode | MapNode, scope: QueryScope, target: SelectTarget): ColumnShape {
  if (MapNode.is(expression)) {
    return {
      kind: 'map',
      entries: expression.entries.map((e) => ({ key: e.alias!, value: selectItem(ctx, e.expression, scope, target) })),
    };
  }
  const r = resolveExpression(ctx, expression, scope);
  switch (r.t) {
    case 'entity':
      if (!r.alias.def) throw ctx.error('a NamedValue alias cannot be selected; select its name or value', null);
      return entityShape(ctx, r.alias, target);
    case 'reference':
      return entityShape(ctx, implicitJoin(ctx, r.owner, r.name, r.prop), target);
    case 'permissions':
      return {
        kind: 'permissions',
        entity: r.owner.def!.name,
        ownerLabel: r.prop.ownerColumn ? select(ctx, target, col(r.owner, r.prop.ownerColumn)) : null,
        groupLabel: select(ctx, target, col(r.owner, r.prop.groupColumn)),
      };
    case 'collection':
      throw ctx.error(`collection ${r.name} cannot be selected; join it with an alias`, null);
    case 'value':
      return { kind: 'scalar', label: select(ctx, target, r.node), valueKind: r.kind ?? 'string' };
  }
}

/** The properties of `def`, plus those of its subclasses for an abstract class, each once. */
function allProperties(def: EntityDef): [string, PropertyDef][] {
  const out = new Map<string, PropertyDef>(Object.entries(def.properties));
  if (def.abstract) {
    for (const sub of concreteSubclasses(def)) {
      for (const [name, prop] of Object.entries(sub.properties)) if (!out.has(name)) out.set(name, prop);
    }
  }
  return [...out];
}

/** Selects every column of an entity alias (and of what is fetched from it) and describes them. */
function entityShape(ctx: ResolverContext, alias: AliasInfo, target: SelectTarget): EntityShape {
  const def = alias.def!;
  target.shaped.add(alias);
  const labelOf = new Map<string, string>();
  const add = (node: ExpressionNode, column?: string): string => {
    const label = select(ctx, target, node);
    if (column && !labelOf.has(column)) labelOf.set(column, label);
    return label;
  };
  const idLabel = add(col(alias, 'id'), 'id');
  const fields: EntityShape['fields'][number][] = [];
  const references: EntityShape['references'][number][] = [];
  const namedValues: EntityShape['namedValues'][number][] = [];
  let permissions: PermissionsProperty | null = null;
  for (const [property, prop] of allProperties(def)) {
    switch (prop.kind) {
      case 'scalar':
        if (property !== 'id') {
          const label = add(ColumnNode.create(alias.sqlAlias, prop.column, prop.valueKind, prop.mask ?? null));
          fields.push({ property, label, valueKind: prop.valueKind });
        }
        break;
      case 'reference': {
        const label = add(col(alias, prop.column), prop.column);
        const discriminatorLabel = entityDef(prop.target).abstract ? add(discriminatorOf(ctx, alias, prop)) : null;
        references.push({ property, label, target: prop.target, discriminatorLabel });
        break;
      }
      case 'components': {
        const inner = `${alias.sqlAlias}_${namedValues.length}`;
        const node = NamedValuesNode.create(alias.sqlAlias, inner, prop.table, prop.keyColumn, prop.indexColumn);
        namedValues.push({ property, label: add(node) });
        break;
      }
      case 'permissions':
        permissions = prop;
        break;
      case 'collection':
        break;
    }
  }
  const discriminatorLabel = def.discriminatorColumn ? add(col(alias, def.discriminatorColumn, 'string')) : null;
  const indexLabel =
    alias.indexColumn && alias.parent?.kind === 'collection' ? add(col(alias, alias.indexColumn, 'int')) : null;
  const p = permissions as PermissionsProperty | null;
  const fetches: FetchShape[] = alias.scope.all
    .filter((a) => a.fetch && a.def && a.parent?.alias === alias)
    .map((a) => ({
      property: a.parent!.property,
      kind: a.parent!.kind === 'reference' ? ('reference' as const) : ('collection' as const),
      entity: entityShape(ctx, a, target),
    }));
  return {
    kind: 'entity',
    entity: def.name,
    alias: alias.sqlAlias,
    idLabel,
    discriminatorLabel,
    fields,
    references,
    namedValues,
    indexLabel,
    ownerLabel: p?.ownerColumn ? (labelOf.get(p.ownerColumn) ?? null) : null,
    groupLabel: p ? (labelOf.get(p.groupColumn) ?? null) : null,
    fetches,
  };
}

/**
 * `(select x.discriminator from annotation x where x.id = owner.fk)`: the concrete class of a
 * reference to an abstract entity. An ordinary subquery, so the security transformer filters it
 * like every other data table.
 */
function discriminatorOf(ctx: ResolverContext, owner: AliasInfo, prop: ReferenceProperty): ExpressionNode {
  const def = entityDef(prop.target);
  const sqlAlias = ctx.newAlias();
  const table = TableNode.create({
    alias: sqlAlias,
    table: def.table,
    entity: def.name,
    entityKind: def.kind,
    join: 'from',
    on: null,
    filters: [],
  });
  const plan = PlanNode.create({
    distinct: false,
    selections: [SelectionNode.create(ColumnNode.create(sqlAlias, def.discriminatorColumn!, 'string'), ctx.newLabel())],
    tables: [table],
    where: eq(ColumnNode.create(sqlAlias, 'id', 'long'), col(owner, prop.column)),
    groupBy: [],
    having: null,
    orderBy: [],
    limit: null,
    offset: null,
  });
  return SubqueryNode.create(plan);
}
