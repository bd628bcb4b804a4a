import type { PathNode } from './path-node.js';

/** `collectionPath is [not] empty`; resolved to a `[not] exists` subquery. */
export interface IsEmptyNode {
  readonly kind: 'IsEmptyNode';
  readonly path: PathNode;
  readonly negated: boolean;
}

export const IsEmptyNode = Object.freeze({
  is(node: { kind: string }): node is IsEmptyNode {
    return node.kind === 'IsEmptyNode';
  },
  create(path: PathNode, negated: boolean): IsEmptyNode {
    return Object.freeze({ kind: 'IsEmptyNode', path, negated });
  },
});
