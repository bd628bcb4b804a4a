import type { EntityRangeNode } from './entity-range-node.js';
import type { ExpressionNode } from './expression-node.js';
import type { JoinNode } from './join-node.js';
import type { OrderByItemNode } from './order-by-item-node.js';
import type { SelectItemNode } from './select-item-node.js';
import type { SourcePosition } from './source-position.js';

/**
 * A parsed HQL query (the parser's output, reference api §3.2):
 * `[select [distinct] items] from roots joins [where] [group by] [having] [order by]`.
 */
export interface QueryNode {
  readonly kind: 'QueryNode';
  /** The select list, or null for `from X …` (which returns the roots). */
  readonly select: readonly SelectItemNode[] | null;
  readonly distinct: boolean;
  readonly roots: readonly EntityRangeNode[];
  readonly joins: readonly JoinNode[];
  readonly where: ExpressionNode | null;
  readonly groupBy: readonly ExpressionNode[];
  readonly having: ExpressionNode | null;
  readonly orderBy: readonly OrderByItemNode[];
  readonly position: SourcePosition | null;
}

/** The parts of a query; everything but `roots` is optional. */
export interface QueryNodeProps {
  readonly select?: readonly SelectItemNode[] | null;
  readonly distinct?: boolean;
  readonly roots: readonly EntityRangeNode[];
  readonly joins?: readonly JoinNode[];
  readonly where?: ExpressionNode | null;
  readonly groupBy?: readonly ExpressionNode[];
  readonly having?: ExpressionNode | null;
  readonly orderBy?: readonly OrderByItemNode[];
  readonly position?: SourcePosition | null;
}

export const QueryNode = Object.freeze({
  is(node: { kind: string }): node is QueryNode {
    return node.kind === 'QueryNode';
  },
  create(props: QueryNodeProps): QueryNode {
    return Object.freeze({
      kind: 'QueryNode',
      select: props.select ? Object.freeze([...props.select]) : null,
      distinct: props.distinct ?? false,
      roots: Object.freeze([...props.roots]),
      joins: Object.freeze([...(props.joins ?? [])]),
      where: props.where ?? null,
      groupBy: Object.freeze([...(props.groupBy ?? [])]),
      having: props.having ?? null,
      orderBy: Object.freeze([...(props.orderBy ?? [])]),
      position: props.position ?? null,
    });
  },
  cloneWithWhere(node: QueryNode, where: ExpressionNode | null): QueryNode {
    return Object.freeze({ ...node, where });
  },
});
