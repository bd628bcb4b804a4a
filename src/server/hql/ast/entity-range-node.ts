import type { SourcePosition } from './source-position.js';

/** A root of the from clause: `Project as p`, `Experimenter e`, `Session` (alias optional). */
export interface EntityRangeNode {
  readonly kind: 'EntityRangeNode';
  readonly entityName: string;
  readonly alias: string | null;
  readonly position: SourcePosition | null;
}

export const EntityRangeNode = Object.freeze({
  is(node: { kind: string }): node is EntityRangeNode {
    return node.kind === 'EntityRangeNode';
  },
  create(entityName: string, alias: string | null, position: SourcePosition | null = null): EntityRangeNode {
    return Object.freeze({ kind: 'EntityRangeNode', entityName, alias, position });
  },
});
