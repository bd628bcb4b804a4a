import type { ExpressionNode } from './expression-node.js';

/** One output column of a resolved query: `expression as "label"`. Labels are `c0`, `c1`… */
export interface SelectionNode {
  readonly kind: 'SelectionNode';
  readonly expression: ExpressionNode;
  readonly label: string;
}

export const SelectionNode = Object.freeze({
  is(node: { kind: string }): node is SelectionNode {
    return node.kind === 'SelectionNode';
  },
  create(expression: ExpressionNode, label: string): SelectionNode {
    return Object.freeze({ kind: 'SelectionNode', expression, label });
  },
});
