import type { ExpressionNode } from './expression-node.js';

/** `expression [not] like|ilike pattern`. */
export interface LikeNode {
  readonly kind: 'LikeNode';
  readonly expression: ExpressionNode;
  readonly pattern: ExpressionNode;
  readonly negated: boolean;
  /** `ilike` (PostgreSQL's case-insensitive like, accepted by Hibernate on PostgreSQL). */
  readonly caseInsensitive: boolean;
}

export const LikeNode = Object.freeze({
  is(node: { kind: string }): node is LikeNode {
    return node.kind === 'LikeNode';
  },
  create(expression: ExpressionNode, pattern: ExpressionNode, negated: boolean, caseInsensitive: boolean): LikeNode {
    return Object.freeze({ kind: 'LikeNode', expression, pattern, negated, caseInsensitive });
  },
});
