import type { ExpressionNode } from './expression-node.js';

/** `not operand`. */
export interface NotNode {
  readonly kind: 'NotNode';
  readonly operand: ExpressionNode;
}

export const NotNode = Object.freeze({
  is(node: { kind: string }): node is NotNode {
    return node.kind === 'NotNode';
  },
  create(operand: ExpressionNode): NotNode {
    return Object.freeze({ kind: 'NotNode', operand });
  },
});
