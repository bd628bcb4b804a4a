import { ParamRef } from './param-ref.js';
import { entityDef, type ReferenceProperty, type ValueKind } from '../../db/entities.js';
import { BetweenNode } from '../ast/between-node.js';
import { BinaryOperationNode } from '../ast/binary-operation-node.js';
import { CaseNode } from '../ast/case-node.js';
import { CastNode } from '../ast/cast-node.js';
import { ColumnNode } from '../ast/column-node.js';
import { ExistsNode } from '../ast/exists-node.js';
import type { ExpressionNode } from '../ast/expression-node.js';
import { FunctionNode } from '../ast/function-node.js';
import { InNode } from '../ast/in-node.js';
import { IsNullNode } from '../ast/is-null-node.js';
import { LikeNode } from '../ast/like-node.js';
import { LogicalNode } from '../ast/logical-node.js';
import { MapNode } from '../ast/map-node.js';
import { NotNode } from '../ast/not-node.js';
import { OrderByItemNode } from '../ast/order-by-item-node.js';
import { PathNode } from '../ast/path-node.js';
import { PlanNode } from '../ast/plan-node.js';
import type { QueryNode } from '../ast/query-node.js';
import { SelectionNode } from '../ast/selection-node.js';
import type { SourcePosition } from '../ast/source-position.js';
import { SubqueryNode } from '../ast/subquery-node.js';
import { ValueNode } from '../ast/value-node.js';
import { WhenNode } from '../ast/when-node.js';
import { literalKind } from './bind-value.js';
import { sqlFunction } from './hql-functions.js';
import { type AliasInfo, QueryScope } from './query-scope.js';
import type { ResolverContext } from './resolver-context.js';
import { resolveFrom } from './resolve-from.js';
import { type Resolved, resolvePath, value } from './resolve-path.js';
import { col, componentTable, entityTable, eq } from './tables.js';
import { comparable, functionArgumentProblem, likeable } from './value-kinds.js';

/** A value expression and its kind (null when unknown: a null literal). */
export type Value = { readonly node: ExpressionNode; readonly kind: ValueKind | null };

function positionOf(node: ExpressionNode): SourcePosition | null {
  return 'position' in node ? (node.position as SourcePosition | null) : null;
}

/** `where`, `group by`, `having` and `order by` of one level. */
export function resolveClauses(
  ctx: ResolverContext,
  query: QueryNode,
  scope: QueryScope,
): Pick<PlanNode, 'where' | 'groupBy' | 'having' | 'orderBy'> {
  return {
    where: query.where ? resolveCondition(ctx, query.where, scope) : null,
    groupBy: query.groupBy.map((g) => resolveValue(ctx, g, scope).node),
    having: query.having ? resolveCondition(ctx, query.having, scope) : null,
    orderBy: query.orderBy.map((o) => OrderByItemNode.cloneWithExpression(o, resolveValue(ctx, o.expression, scope).node)),
  };
}

/** A condition: a boolean-valued expression. */
export function resolveCondition(ctx: ResolverContext, node: ExpressionNode, scope: QueryScope): ExpressionNode {
  const v = resolveValue(ctx, node, scope);
  if (v.kind !== null && v.kind !== 'bool') throw ctx.error('expected a condition', positionOf(node));
  return v.node;
}

/** A value: entities and references stand for their id. */
export function resolveValue(ctx: ResolverContext, node: ExpressionNode, scope: QueryScope): Value {
  return asValue(ctx, resolveExpression(ctx, node, scope), node);
}

function asValue(ctx: ResolverContext, r: Resolved, source: ExpressionNode): Value {
  switch (r.t) {
    case 'value':
      return r;
    case 'entity':
      if (!r.alias.def) throw ctx.error('a NamedValue alias has no id; use its name or value', positionOf(source));
      return { node: col(r.alias, 'id'), kind: 'long' };
    case 'reference':
      return { node: col(r.owner, r.prop.column), kind: 'long' };
    case 'permissions':
      throw ctx.error('details.permissions can only be selected', positionOf(source));
    case 'collection':
      throw ctx.error(`collection ${r.name} cannot be used as a value; use size(…), is empty, or a join`, positionOf(source));
  }
}

/** Resolves any expression to what it denotes. */
export function resolveExpression(ctx: ResolverContext, node: ExpressionNode, scope: QueryScope): Resolved {
  const v = (n: ExpressionNode): ExpressionNode => resolveValue(ctx, n, scope).node;
  const c = (n: ExpressionNode): ExpressionNode => resolveCondition(ctx, n, scope);
  switch (node.kind) {
    case 'PathNode':
      return resolvePath(ctx, node, scope);
    case 'ParameterNode': {
      const p = ctx.param(node.name, false);
      return value(ValueNode.create(new ParamRef(node.name, false)), p.kind);
    }
    case 'LiteralNode':
      return value(ValueNode.create(node.value), literalKind(node.value));
    case 'BinaryOperationNode': {
      const left = resolveValue(ctx, node.left, scope);
      const right = resolveValue(ctx, node.right, scope);
      if (!comparable(left, right)) throw ctx.error(`cannot compare ${left.kind} with ${right.kind}`, positionOf(node));
      return value(BinaryOperationNode.create(node.operator, left.node, right.node), 'bool');
    }
    case 'LogicalNode':
      return value(LogicalNode.create(node.operator, c(node.left), c(node.right)), 'bool');
    case 'NotNode':
      return value(NotNode.create(c(node.operand)), 'bool');
    case 'LikeNode': {
      const expression = resolveValue(ctx, node.expression, scope);
      const pattern = resolveValue(ctx, node.pattern, scope);
      const bad = [expression, pattern].find((x) => !likeable(x));
      if (bad) throw ctx.error(`like takes text, not ${bad.kind}; use str(…)`, positionOf(node));
      return value(LikeNode.create(expression.node, pattern.node, node.negated, node.caseInsensitive), 'bool');
    }
    case 'InNode':
      return value(resolveIn(ctx, node, scope), 'bool');
    case 'IsNullNode':
      return value(IsNullNode.create(v(node.expression), node.negated), 'bool');
    case 'IsEmptyNode': {
      const r = resolvePath(ctx, node.path, scope);
      if (r.t !== 'collection') throw ctx.error(`${PathNode.text(node.path)} is not a collection`, node.path.position);
      const exists = ExistsNode.create(SubqueryNode.create(collectionPlan(ctx, r, scope, 'exists')));
      return value(node.negated ? exists : NotNode.create(exists), 'bool');
    }
    case 'BetweenNode': {
      const [e, low, high] = [node.expression, node.low, node.high].map((x) => resolveValue(ctx, x, scope)) as [Value, Value, Value];
      const bad = [low, high].find((x) => !comparable(e, x));
      if (bad) throw ctx.error(`cannot compare ${e.kind} with ${bad.kind}`, positionOf(node));
      return value(BetweenNode.create(e.node, low.node, high.node, node.negated), 'bool');
    }
    case 'ExistsNode':
      return value(ExistsNode.create(SubqueryNode.create(resolveSubquery(ctx, node.subquery, scope, true).plan)), 'bool');
    case 'SubqueryNode': {
      const sub = resolveSubquery(ctx, node, scope, false);
      return value(SubqueryNode.create(sub.plan), sub.kind);
    }
    case 'FunctionNode':
      return resolveFunction(ctx, node, scope);
    case 'CastNode':
      return value(CastNode.create(v(node.expression), node.type), node.type);
    case 'CaseNode': {
      const whens = node.whens.map((w) => ({ condition: c(w.condition), result: resolveValue(ctx, w.result, scope) }));
      const otherwise = node.otherwise ? resolveValue(ctx, node.otherwise, scope) : null;
      const kind = [...whens.map((w) => w.result.kind), otherwise?.kind ?? null].find((k) => k !== null) ?? null;
      const branches = whens.map((w) => WhenNode.create(w.condition, w.result.node));
      return value(CaseNode.create(branches, otherwise?.node ?? null), kind);
    }
    case 'ColumnNode':
    case 'MaskedColumnNode':
    case 'ValueNode':
    case 'SecurityPredicateNode':
    case 'NamedValuesNode':
      throw new Error(`node ${node.kind} is already resolved`);
  }
}

function resolveIn(ctx: ResolverContext, node: InNode, scope: QueryScope): ExpressionNode {
  const resolved = resolveValue(ctx, node.expression, scope);
  const left = resolved.node;
  const [only] = node.values;
  if (node.values.length === 1 && only && SubqueryNode.is(only)) {
    const sub = resolveSubquery(ctx, only, scope, false);
    const selected = sub.plan.selections[0]!.expression;
    if (!comparable(resolved, { node: selected, kind: sub.kind })) {
      throw ctx.error(`cannot compare ${resolved.kind} with ${sub.kind}`, positionOf(node));
    }
    return InNode.create(left, [SubqueryNode.create(sub.plan)], node.negated);
  }
  const values: ExpressionNode[] = [];
  for (const v of node.values) {
    if (v.kind !== 'ParameterNode') {
      const item = resolveValue(ctx, v, scope);
      if (!comparable(resolved, item)) throw ctx.error(`cannot compare ${resolved.kind} with ${item.kind}`, positionOf(node));
      values.push(item.node);
      continue;
    }
    const p = ctx.param(v.name, true);
    if (!p.list) {
      values.push(ValueNode.create(new ParamRef(v.name, false)));
      continue;
    }
    // A list parameter alone compiles to `= any(?)`; mixed with other values it is spread out
    // (so the statement depends on the list's length, which the compile cache's key includes).
    if (node.values.length === 1) return InNode.create(left, [ValueNode.create(new ParamRef(v.name, true))], node.negated);
    (p.value as unknown[]).forEach((_, i) => values.push(ValueNode.create(new ParamRef(v.name, true, i))));
  }
  return InNode.create(left, values, node.negated);
}

function resolveFunction(ctx: ResolverContext, node: FunctionNode, scope: QueryScope): Resolved {
  const args = node.args;
  const single = (): Resolved | null => (args.length === 1 && args[0] ? resolveExpression(ctx, args[0], scope) : null);
  switch (node.name) {
    case 'index': {
      const r = single();
      if (!r || r.t !== 'entity' || !r.alias.indexColumn) {
        throw ctx.error('index() takes the alias of an element of an ordered collection', node.position);
      }
      return value(col(r.alias, r.alias.indexColumn, 'int'), 'int');
    }
    case 'size': {
      const r = single();
      if (!r || r.t !== 'collection') throw ctx.error('size() takes a collection path', node.position);
      return value(SubqueryNode.create(collectionPlan(ctx, r, scope, 'count')), 'long');
    }
    case 'str':
      if (args.length !== 1) throw ctx.error('str() takes one argument', node.position);
      return value(CastNode.create(resolveValue(ctx, args[0]!, scope).node, 'string'), 'string');
  }
  const fn = sqlFunction(node.name);
  if (!fn) throw ctx.error(`unknown function ${node.name}()`, node.position);
  if (node.star) {
    if (node.name !== 'count') throw ctx.error(`${node.name}(*) is not allowed`, node.position);
    return value(FunctionNode.create('count', [], { star: true }), 'long');
  }
  if (args.length < fn.minArgs || (fn.maxArgs !== null && args.length > fn.maxArgs)) {
    throw ctx.error(`wrong number of arguments for ${node.name}()`, node.position);
  }
  if (node.distinct && !fn.aggregate) throw ctx.error('distinct is only allowed in aggregates', node.position);
  const values = args.map((a) => resolveValue(ctx, a, scope));
  const problem = functionArgumentProblem(node.name, values);
  if (problem) throw ctx.error(problem, node.position);
  const call = FunctionNode.create(
    node.name,
    values.map((x) => x.node),
    { distinct: node.distinct },
  );
  return value(call, fn.kind(values.map((x) => x.kind)));
}

/**
 * A subquery level. Under `exists` (and for `from X` without select) it selects the first root's
 * id; as a value or `in` list it must select exactly one value.
 */
export function resolveSubquery(
  ctx: ResolverContext,
  node: SubqueryNode,
  outer: QueryScope,
  exists: boolean,
): { plan: PlanNode; kind: ValueKind | null } {
  const query = node.query;
  if (query.kind !== 'QueryNode') throw new Error('subquery is already resolved');
  const scope = new QueryScope(outer);
  resolveFrom(ctx, query, scope, false);
  let selection: Value;
  if (exists || !query.select) {
    selection = { node: col(scope.roots[0]!, 'id'), kind: 'long' };
  } else {
    if (query.select.length !== 1) throw ctx.error('a subquery must select exactly one value', query.position);
    const item = query.select[0]!.expression;
    if (MapNode.is(item)) throw ctx.error('new map(…) is not allowed in a subquery', query.position);
    selection = resolveValue(ctx, item, scope);
  }
  const rest = resolveClauses(ctx, query, scope);
  const plan = PlanNode.create({
    distinct: query.distinct,
    selections: [SelectionNode.create(selection.node, ctx.newLabel())],
    tables: scope.tables,
    ...rest,
    limit: null,
    offset: null,
  });
  return { plan, kind: selection.kind };
}

/** `select count(*)` / `select <key>` over the elements of a collection, for `size()` and `is empty`. */
function collectionPlan(
  ctx: ResolverContext,
  r: Extract<Resolved, { t: 'collection' }>,
  outer: QueryScope,
  mode: 'count' | 'exists',
): PlanNode {
  const scope = new QueryScope(outer);
  const sqlAlias = ctx.newAlias();
  let key: ColumnNode;
  if (r.prop.kind === 'components') {
    key = ColumnNode.create(sqlAlias, r.prop.keyColumn, 'long');
    scope.tables.push(componentTable(sqlAlias, r.prop.table, 'from', null));
  } else {
    const def = entityDef(r.prop.target);
    const inverse = def.properties[r.prop.inverse] as ReferenceProperty;
    key = ColumnNode.create(sqlAlias, inverse.column, 'long');
    const info: AliasInfo = {
      sqlAlias,
      hqlAlias: null,
      def,
      scope,
      parent: null,
      fetch: false,
      explicit: false,
      indexColumn: null,
      position: null,
    };
    scope.tables.push(entityTable(info, def, 'from', null));
  }
  const selection = mode === 'count' ? FunctionNode.create('count', [], { star: true }) : key;
  return PlanNode.create({
    distinct: false,
    selections: [SelectionNode.create(selection, ctx.newLabel())],
    tables: scope.tables,
    where: eq(key, col(r.owner, 'id')),
    groupBy: [],
    having: null,
    orderBy: [],
    limit: null,
    offset: null,
  });
}
