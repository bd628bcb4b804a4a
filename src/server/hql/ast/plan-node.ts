import type { ExpressionNode } from './expression-node.js';
import type { OrderByItemNode } from './order-by-item-node.js';
import type { PageWalk } from './page-walk.js';
import type { SelectionNode } from './selection-node.js';
import type { TableNode } from './table-node.js';
import type { ValueNode } from './value-node.js';

/**
 * A resolved query, ready for the security transformer and the compiler: every path replaced by
 * columns of generated table aliases, every parameter and literal by a `ValueNode`.
 */
export interface PlanNode {
  readonly kind: 'PlanNode';
  readonly distinct: boolean;
  readonly selections: readonly SelectionNode[];
  readonly tables: readonly TableNode[];
  readonly where: ExpressionNode | null;
  readonly groupBy: readonly ExpressionNode[];
  readonly having: ExpressionNode | null;
  readonly orderBy: readonly OrderByItemNode[];
  readonly limit: ValueNode | null;
  readonly offset: ValueNode | null;
  /** Set on the outermost plan when its page is read group by group (`PageWalk`); absent otherwise. */
  readonly pageWalk?: PageWalk;
}

export const PlanNode = Object.freeze({
  is(node: { kind: string }): node is PlanNode {
    return node.kind === 'PlanNode';
  },
  create(props: Omit<PlanNode, 'kind'>): PlanNode {
    return Object.freeze({
      kind: 'PlanNode',
      ...props,
      selections: Object.freeze([...props.selections]),
      tables: Object.freeze([...props.tables]),
      groupBy: Object.freeze([...props.groupBy]),
      orderBy: Object.freeze([...props.orderBy]),
    });
  },
  cloneWith(node: PlanNode, props: Partial<Omit<PlanNode, 'kind'>>): PlanNode {
    return PlanNode.create({ ...node, ...props });
  },
});
