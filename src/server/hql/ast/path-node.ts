import type { SourcePosition } from './source-position.js';

/**
 * A dotted path: `p.details.owner.id`, `name`, `links.child`. The first segment is an alias or,
 * in a query with a single root, a property of that root. Resolved away before compilation.
 */
export interface PathNode {
  readonly kind: 'PathNode';
  readonly segments: readonly string[];
  readonly position: SourcePosition | null;
}

export const PathNode = Object.freeze({
  is(node: { kind: string }): node is PathNode {
    return node.kind === 'PathNode';
  },
  create(segments: readonly string[], position: SourcePosition | null = null): PathNode {
    return Object.freeze({ kind: 'PathNode', segments: Object.freeze([...segments]), position });
  },
  /** The path as written (`p.details.owner`). */
  text(node: PathNode): string {
    return node.segments.join('.');
  },
});
