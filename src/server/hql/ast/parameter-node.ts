import type { SourcePosition } from './source-position.js';

/** A named parameter `:name`; replaced by a `ValueNode` during resolution. */
export interface ParameterNode {
  readonly kind: 'ParameterNode';
  readonly name: string;
  readonly position: SourcePosition | null;
}

export const ParameterNode = Object.freeze({
  is(node: { kind: string }): node is ParameterNode {
    return node.kind === 'ParameterNode';
  },
  create(name: string, position: SourcePosition | null = null): ParameterNode {
    return Object.freeze({ kind: 'ParameterNode', name, position });
  },
});
