import type { ExpressionNode } from './expression-node.js';

/**
 * `expression [not] in (values…)`. `values` is a list of expressions, a single list-valued
 * parameter (`in (:ids)`), or a single `SubqueryNode`.
 */
export interface InNode {
  readonly kind: 'InNode';
  readonly expression: ExpressionNode;
  readonly values: readonly ExpressionNode[];
  readonly negated: boolean;
}

export const InNode = Object.freeze({
  is(node: { kind: string }): node is InNode {
    return node.kind === 'InNode';
  },
  create(expression: ExpressionNode, values: readonly ExpressionNode[], negated: boolean): InNode {
    return Object.freeze({ kind: 'InNode', expression, values: Object.freeze([...values]), negated });
  },
});
