import type { ExpressionNode } from './expression-node.js';
import type { WhenNode } from './when-node.js';

/** `case when c1 then r1 … [else r] end` (the searched form). */
export interface CaseNode {
  readonly kind: 'CaseNode';
  readonly whens: readonly WhenNode[];
  readonly otherwise: ExpressionNode | null;
}

export const CaseNode = Object.freeze({
  is(node: { kind: string }): node is CaseNode {
    return node.kind === 'CaseNode';
  },
  create(whens: readonly WhenNode[], otherwise: ExpressionNode | null): CaseNode {
    return Object.freeze({ kind: 'CaseNode', whens: Object.freeze([...whens]), otherwise });
  },
});
