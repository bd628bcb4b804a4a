import type { SelectItemNode } from './select-item-node.js';

/** `new map(expr as key, …)` in a select list; each item must carry its key as alias. */
export interface MapNode {
  readonly kind: 'MapNode';
  readonly entries: readonly SelectItemNode[];
}

export const MapNode = Object.freeze({
  is(node: { kind: string }): node is MapNode {
    return node.kind === 'MapNode';
  },
  create(entries: readonly SelectItemNode[]): MapNode {
    return Object.freeze({ kind: 'MapNode', entries: Object.freeze([...entries]) });
  },
});
