import type { ExpressionNode } from './expression-node.js';
import type { MapNode } from './map-node.js';

/** One item of a select list: an expression (or `new map(…)`) and an optional `as` alias. */
export interface SelectItemNode {
  readonly kind: 'SelectItemNode';
  readonly expression: ExpressionNode | MapNode;
  readonly alias: string | null;
}

export const SelectItemNode = Object.freeze({
  is(node: { kind: string }): node is SelectItemNode {
    return node.kind === 'SelectItemNode';
  },
  create(expression: ExpressionNode | MapNode, alias: string | null = null): SelectItemNode {
    return Object.freeze({ kind: 'SelectItemNode', expression, alias });
  },
});
