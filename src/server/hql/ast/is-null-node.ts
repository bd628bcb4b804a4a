import type { ExpressionNode } from './expression-node.js';

/** `expression is [not] null`. */
export interface IsNullNode {
  readonly kind: 'IsNullNode';
  readonly expression: ExpressionNode;
  readonly negated: boolean;
}

export const IsNullNode = Object.freeze({
  is(node: { kind: string }): node is IsNullNode {
    return node.kind === 'IsNullNode';
  },
  create(expression: ExpressionNode, negated: boolean): IsNullNode {
    return Object.freeze({ kind: 'IsNullNode', expression, negated });
  },
});
