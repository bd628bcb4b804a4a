import type { ExpressionNode } from './expression-node.js';

/** One `when condition then result` branch of a `CaseNode`. */
export interface WhenNode {
  readonly kind: 'WhenNode';
  readonly condition: ExpressionNode;
  readonly result: ExpressionNode;
}

export const WhenNode = Object.freeze({
  is(node: { kind: string }): node is WhenNode {
    return node.kind === 'WhenNode';
  },
  create(condition: ExpressionNode, result: ExpressionNode): WhenNode {
    return Object.freeze({ kind: 'WhenNode', condition, result });
  },
});
