import { BetweenNode } from '../ast/between-node.js';
import { BinaryOperationNode } from '../ast/binary-operation-node.js';
import { CaseNode } from '../ast/case-node.js';
import { CastNode } from '../ast/cast-node.js';
import type { ColumnNode } from '../ast/column-node.js';
import type { EntityRangeNode } from '../ast/entity-range-node.js';
import { ExistsNode } from '../ast/exists-node.js';
import type { ExpressionNode } from '../ast/expression-node.js';
import { FunctionNode } from '../ast/function-node.js';
import { InNode } from '../ast/in-node.js';
import type { IsEmptyNode } from '../ast/is-empty-node.js';
import { IsNullNode } from '../ast/is-null-node.js';
import type { JoinNode } from '../ast/join-node.js';
import { LikeNode } from '../ast/like-node.js';
import type { LiteralNode } from '../ast/literal-node.js';
import { LogicalNode } from '../ast/logical-node.js';
import { MapNode } from '../ast/map-node.js';
import type { MaskedColumnNode } from '../ast/masked-column-node.js';
import type { NamedValuesNode } from '../ast/named-values-node.js';
import type { Node, NodeKind, NodeOfKind } from '../ast/node.js';
import { NotNode } from '../ast/not-node.js';
import { OrderByItemNode } from '../ast/order-by-item-node.js';
import type { ParameterNode } from '../ast/parameter-node.js';
import type { PathNode } from '../ast/path-node.js';
import { PlanNode } from '../ast/plan-node.js';
import { QueryNode } from '../ast/query-node.js';
import { SelectItemNode } from '../ast/select-item-node.js';
import { SelectionNode } from '../ast/selection-node.js';
import type { SecurityPredicateNode } from '../ast/security-predicate-node.js';
import { SubqueryNode } from '../ast/subquery-node.js';
import { TableNode } from '../ast/table-node.js';
import type { ValueNode } from '../ast/value-node.js';
import { WhenNode } from '../ast/when-node.js';

type Dispatch = { readonly [K in NodeKind]: (node: NodeOfKind<K>) => Node };

/**
 * Copies a node tree, node by node (Kysely's `OperationNodeTransformer`). Subclasses override
 * the `transform…` method of the kinds they rewrite and call `super` for the rest; leaves are
 * returned as they are (nodes are frozen, so sharing them is safe).
 */
export class NodeTransformer {
  readonly #dispatch: Dispatch = {
    PathNode: (n) => this.transformPath(n),
    ParameterNode: (n) => this.transformParameter(n),
    LiteralNode: (n) => this.transformLiteral(n),
    BinaryOperationNode: (n) => this.transformBinaryOperation(n),
    LogicalNode: (n) => this.transformLogical(n),
    NotNode: (n) => this.transformNot(n),
    LikeNode: (n) => this.transformLike(n),
    InNode: (n) => this.transformIn(n),
    IsNullNode: (n) => this.transformIsNull(n),
    IsEmptyNode: (n) => this.transformIsEmpty(n),
    BetweenNode: (n) => this.transformBetween(n),
    ExistsNode: (n) => this.transformExists(n),
    SubqueryNode: (n) => this.transformSubquery(n),
    FunctionNode: (n) => this.transformFunction(n),
    CastNode: (n) => this.transformCast(n),
    CaseNode: (n) => this.transformCase(n),
    WhenNode: (n) => this.transformWhen(n),
    ColumnNode: (n) => this.transformColumn(n),
    MaskedColumnNode: (n) => this.transformMaskedColumn(n),
    ValueNode: (n) => this.transformValue(n),
    SecurityPredicateNode: (n) => this.transformSecurityPredicate(n),
    NamedValuesNode: (n) => this.transformNamedValues(n),
    QueryNode: (n) => this.transformQuery(n),
    EntityRangeNode: (n) => this.transformEntityRange(n),
    JoinNode: (n) => this.transformJoin(n),
    SelectItemNode: (n) => this.transformSelectItem(n),
    MapNode: (n) => this.transformMap(n),
    OrderByItemNode: (n) => this.transformOrderByItem(n),
    PlanNode: (n) => this.transformPlan(n),
    TableNode: (n) => this.transformTable(n),
    SelectionNode: (n) => this.transformSelection(n),
  };

  /** Transforms any node. */
  transformNode<T extends Node>(node: T): Node {
    const handler = this.#dispatch[node.kind] as (n: T) => Node;
    return handler(node);
  }

  protected expression(node: ExpressionNode): ExpressionNode {
    return this.transformNode(node) as ExpressionNode;
  }

  protected optional(node: ExpressionNode | null): ExpressionNode | null {
    return node ? this.expression(node) : null;
  }

  protected transformPath(node: PathNode): Node {
    return node;
  }
  protected transformParameter(node: ParameterNode): Node {
    return node;
  }
  protected transformLiteral(node: LiteralNode): Node {
    return node;
  }
  protected transformColumn(node: ColumnNode): Node {
    return node;
  }
  protected transformMaskedColumn(node: MaskedColumnNode): Node {
    return node;
  }
  protected transformValue(node: ValueNode): Node {
    return node;
  }
  protected transformSecurityPredicate(node: SecurityPredicateNode): Node {
    return node;
  }
  protected transformNamedValues(node: NamedValuesNode): Node {
    return node;
  }
  protected transformEntityRange(node: EntityRangeNode): Node {
    return node;
  }
  protected transformJoin(node: JoinNode): Node {
    return node;
  }
  protected transformIsEmpty(node: IsEmptyNode): Node {
    return node;
  }

  protected transformBinaryOperation(node: BinaryOperationNode): Node {
    return BinaryOperationNode.create(node.operator, this.expression(node.left), this.expression(node.right));
  }
  protected transformLogical(node: LogicalNode): Node {
    return LogicalNode.create(node.operator, this.expression(node.left), this.expression(node.right));
  }
  protected transformNot(node: NotNode): Node {
    return NotNode.create(this.expression(node.operand));
  }
  protected transformLike(node: LikeNode): Node {
    return LikeNode.create(this.expression(node.expression), this.expression(node.pattern), node.negated, node.caseInsensitive);
  }
  protected transformIn(node: InNode): Node {
    return InNode.create(this.expression(node.expression), node.values.map((v) => this.expression(v)), node.negated);
  }
  protected transformIsNull(node: IsNullNode): Node {
    return IsNullNode.create(this.expression(node.expression), node.negated);
  }
  protected transformBetween(node: BetweenNode): Node {
    return BetweenNode.create(
      this.expression(node.expression),
      this.expression(node.low),
      this.expression(node.high),
      node.negated,
    );
  }
  protected transformExists(node: ExistsNode): Node {
    return ExistsNode.create(this.transformNode(node.subquery) as SubqueryNode);
  }
  protected transformSubquery(node: SubqueryNode): Node {
    return SubqueryNode.create(this.transformNode(node.query) as QueryNode | PlanNode);
  }
  protected transformFunction(node: FunctionNode): Node {
    return FunctionNode.cloneWithArgs(node, node.args.map((a) => this.expression(a)));
  }
  protected transformCast(node: CastNode): Node {
    return CastNode.create(this.expression(node.expression), node.type);
  }
  protected transformCase(node: CaseNode): Node {
    return CaseNode.create(
      node.whens.map((w) => this.transformNode(w) as WhenNode),
      this.optional(node.otherwise),
    );
  }
  protected transformWhen(node: WhenNode): Node {
    return WhenNode.create(this.expression(node.condition), this.expression(node.result));
  }
  protected transformSelectItem(node: SelectItemNode): Node {
    const e = node.expression;
    return SelectItemNode.create(MapNode.is(e) ? (this.transformNode(e) as MapNode) : this.expression(e), node.alias);
  }
  protected transformMap(node: MapNode): Node {
    return MapNode.create(node.entries.map((e) => this.transformNode(e) as SelectItemNode));
  }
  protected transformOrderByItem(node: OrderByItemNode): Node {
    return OrderByItemNode.cloneWithExpression(node, this.expression(node.expression));
  }
  protected transformQuery(node: QueryNode): Node {
    return QueryNode.create({
      ...node,
      select: node.select ? node.select.map((s) => this.transformNode(s) as SelectItemNode) : null,
      roots: node.roots.map((r) => this.transformNode(r) as EntityRangeNode),
      joins: node.joins.map((j) => this.transformNode(j) as JoinNode),
      where: this.optional(node.where),
      groupBy: node.groupBy.map((g) => this.expression(g)),
      having: this.optional(node.having),
      orderBy: node.orderBy.map((o) => this.transformNode(o) as OrderByItemNode),
    });
  }
  protected transformPlan(node: PlanNode): Node {
    return PlanNode.create({
      distinct: node.distinct,
      selections: node.selections.map((s) => this.transformNode(s) as SelectionNode),
      tables: node.tables.map((t) => this.transformNode(t) as TableNode),
      where: this.optional(node.where),
      groupBy: node.groupBy.map((g) => this.expression(g)),
      having: this.optional(node.having),
      orderBy: node.orderBy.map((o) => this.transformNode(o) as OrderByItemNode),
      limit: node.limit,
      offset: node.offset,
      ...(node.pageWalk ? { pageWalk: node.pageWalk } : {}),
    });
  }
  protected transformTable(node: TableNode): Node {
    return TableNode.create({
      ...node,
      on: this.optional(node.on),
      filters: node.filters.map((f) => this.expression(f)),
    });
  }
  protected transformSelection(node: SelectionNode): Node {
    return SelectionNode.create(this.expression(node.expression), node.label);
  }
}
