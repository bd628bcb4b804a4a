import type { ExpressionNode } from './expression-node.js';

/** `expression [asc|desc]` in an order by list. */
export interface OrderByItemNode {
  readonly kind: 'OrderByItemNode';
  readonly expression: ExpressionNode;
  readonly direction: 'asc' | 'desc';
}

export const OrderByItemNode = Object.freeze({
  is(node: { kind: string }): node is OrderByItemNode {
    return node.kind === 'OrderByItemNode';
  },
  create(expression: ExpressionNode, direction: 'asc' | 'desc' = 'asc'): OrderByItemNode {
    return Object.freeze({ kind: 'OrderByItemNode', expression, direction });
  },
  cloneWithExpression(node: OrderByItemNode, expression: ExpressionNode): OrderByItemNode {
    return Object.freeze({ ...node, expression });
  },
});
