import type { SubqueryNode } from './subquery-node.js';

/** `exists (subquery)`; `not exists` is a `NotNode` around it. */
export interface ExistsNode {
  readonly kind: 'ExistsNode';
  readonly subquery: SubqueryNode;
}

export const ExistsNode = Object.freeze({
  is(node: { kind: string }): node is ExistsNode {
    return node.kind === 'ExistsNode';
  },
  create(subquery: SubqueryNode): ExistsNode {
    return Object.freeze({ kind: 'ExistsNode', subquery });
  },
});
