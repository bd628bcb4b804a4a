import type { ExpressionNode } from './expression-node.js';

/** The comparison operators of HQL (`!=` is normalised to `<>`). */
export type ComparisonOperator = '=' | '<>' | '<' | '>' | '<=' | '>=';

/** `left <op> right`. */
export interface BinaryOperationNode {
  readonly kind: 'BinaryOperationNode';
  readonly operator: ComparisonOperator;
  readonly left: ExpressionNode;
  readonly right: ExpressionNode;
}

export const BinaryOperationNode = Object.freeze({
  is(node: { kind: string }): node is BinaryOperationNode {
    return node.kind === 'BinaryOperationNode';
  },
  create(operator: ComparisonOperator, left: ExpressionNode, right: ExpressionNode): BinaryOperationNode {
    return Object.freeze({ kind: 'BinaryOperationNode', operator, left, right });
  },
});
