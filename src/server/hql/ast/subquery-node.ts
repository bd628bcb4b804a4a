import type { PlanNode } from './plan-node.js';
import type { QueryNode } from './query-node.js';

/**
 * A nested query used as a value (`x = (select max(…) …)`), an `in` list or under `exists`.
 * Holds a `QueryNode` after parsing and a `PlanNode` after resolution.
 */
export interface SubqueryNode {
  readonly kind: 'SubqueryNode';
  readonly query: QueryNode | PlanNode;
}

export const SubqueryNode = Object.freeze({
  is(node: { kind: string }): node is SubqueryNode {
    return node.kind === 'SubqueryNode';
  },
  create(query: QueryNode | PlanNode): SubqueryNode {
    return Object.freeze({ kind: 'SubqueryNode', query });
  },
});
