import type { ExpressionNode } from './expression-node.js';

/** `expression [not] between low and high`. */
export interface BetweenNode {
  readonly kind: 'BetweenNode';
  readonly expression: ExpressionNode;
  readonly low: ExpressionNode;
  readonly high: ExpressionNode;
  readonly negated: boolean;
}

export const BetweenNode = Object.freeze({
  is(node: { kind: string }): node is BetweenNode {
    return node.kind === 'BetweenNode';
  },
  create(expression: ExpressionNode, low: ExpressionNode, high: ExpressionNode, negated: boolean): BetweenNode {
    return Object.freeze({ kind: 'BetweenNode', expression, low, high, negated });
  },
});
