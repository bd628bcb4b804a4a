import {
  type CollectionProperty,
  type ComponentsProperty,
  findProperty,
  NAMED_VALUE_PROPERTIES,
  type PermissionsProperty,
  type PropertyDef,
  type ReferenceProperty,
  type ValueKind,
} from '../../db/entities.js';
import { ColumnNode } from '../ast/column-node.js';
import type { ExpressionNode } from '../ast/expression-node.js';
import { PathNode } from '../ast/path-node.js';
import type { AliasInfo, QueryScope } from './query-scope.js';
import type { ResolverContext } from './resolver-context.js';
import { col, implicitJoin } from './tables.js';

/** What an HQL expression turned out to denote. */
export type Resolved =
  | { readonly t: 'value'; readonly node: ExpressionNode; readonly kind: ValueKind | null }
  | { readonly t: 'entity'; readonly alias: AliasInfo }
  | { readonly t: 'reference'; readonly owner: AliasInfo; readonly name: string; readonly prop: ReferenceProperty }
  | { readonly t: 'permissions'; readonly owner: AliasInfo; readonly prop: PermissionsProperty }
  | {
      readonly t: 'collection';
      readonly owner: AliasInfo;
      readonly name: string;
      readonly prop: CollectionProperty | ComponentsProperty;
    };

/** A resolved value. */
export const value = (node: ExpressionNode, kind: ValueKind | null): Resolved => ({ t: 'value', node, kind });

/**
 * Resolves a dotted path (reference api §3.2): the first segment is an alias (innermost level
 * first) or else a property of the single root; `details.x` is one property; `ref.id` reads the
 * foreign key; any other step through a reference makes an implicit inner join.
 */
export function resolvePath(ctx: ResolverContext, path: PathNode, scope: QueryScope): Resolved {
  const [head] = path.segments;
  let alias = scope.lookup(head!);
  let i = 1;
  if (!alias) {
    if (scope.roots.length !== 1) {
      throw ctx.error(`${head} is not an alias, and an unqualified path needs exactly one root`, path.position);
    }
    alias = scope.roots[0]!;
    i = 0;
  }
  return walk(ctx, alias, path, i);
}

function walk(ctx: ResolverContext, alias: AliasInfo, path: PathNode, i: number): Resolved {
  const segs = path.segments;
  if (i >= segs.length) return { t: 'entity', alias };
  let name = segs[i]!;
  let next = i + 1;
  if (name === 'details' && alias.def) {
    if (next >= segs.length) {
      throw ctx.error(`${PathNode.text(path)}: details is a component; use details.owner, details.group…`, path.position);
    }
    name = `details.${segs[next]}`;
    next++;
  }
  const prop: PropertyDef | undefined = alias.def
    ? findProperty(alias.def, name)
    : Object.hasOwn(NAMED_VALUE_PROPERTIES, name)
      ? NAMED_VALUE_PROPERTIES[name]
      : undefined;
  if (!prop) {
    const owner = alias.def ? alias.def.serverClass : 'omero.model.NamedValue';
    throw ctx.error(`could not resolve property: ${name} of: ${owner}`, path.position);
  }
  const last = next >= segs.length;
  switch (prop.kind) {
    case 'scalar':
      if (!last) throw ctx.error(`cannot dereference scalar property ${name} in ${PathNode.text(path)}`, path.position);
      return value(ColumnNode.create(alias.sqlAlias, prop.column, prop.valueKind, prop.mask ?? null), prop.valueKind);
    case 'reference':
      if (last) return { t: 'reference', owner: alias, name, prop };
      if (next === segs.length - 1 && segs[next] === 'id') return value(col(alias, prop.column), 'long');
      return walk(ctx, implicitJoin(ctx, alias, name, prop), path, next);
    case 'collection':
    case 'components':
      if (!last) {
        throw ctx.error(
          `illegal attempt to dereference collection ${name} in ${PathNode.text(path)}; join it with an alias`,
          path.position,
        );
      }
      return { t: 'collection', owner: alias, name, prop };
    case 'permissions':
      if (!last) throw ctx.error(`cannot dereference ${name}`, path.position);
      return { t: 'permissions', owner: alias, prop };
  }
}
