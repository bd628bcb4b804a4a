import type { ExpressionNode } from './expression-node.js';

/** `left and right` / `left or right`. */
export interface LogicalNode {
  readonly kind: 'LogicalNode';
  readonly operator: 'and' | 'or';
  readonly left: ExpressionNode;
  readonly right: ExpressionNode;
}

export const LogicalNode = Object.freeze({
  is(node: { kind: string }): node is LogicalNode {
    return node.kind === 'LogicalNode';
  },
  create(operator: 'and' | 'or', left: ExpressionNode, right: ExpressionNode): LogicalNode {
    return Object.freeze({ kind: 'LogicalNode', operator, left, right });
  },
});
