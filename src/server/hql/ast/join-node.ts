import type { PathNode } from './path-node.js';
import type { SourcePosition } from './source-position.js';

/**
 * `[inner | left [outer]] join [fetch] path [[as] alias]` over a reference
 * (`obj.details.owner`, `l.child`) or a collection (`p.datasetLinks`, `ann.mapValue`).
 */
export interface JoinNode {
  readonly kind: 'JoinNode';
  readonly joinType: 'inner' | 'left';
  readonly fetch: boolean;
  readonly path: PathNode;
  readonly alias: string | null;
  readonly position: SourcePosition | null;
}

export const JoinNode = Object.freeze({
  is(node: { kind: string }): node is JoinNode {
    return node.kind === 'JoinNode';
  },
  create(
    joinType: 'inner' | 'left',
    fetch: boolean,
    path: PathNode,
    alias: string | null,
    position: SourcePosition | null = null,
  ): JoinNode {
    return Object.freeze({ kind: 'JoinNode', joinType, fetch, path, alias, position });
  },
});
