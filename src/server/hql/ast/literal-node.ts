/** A literal written in the HQL: `'text'`, `42`, `1.5`, `true`, `null`. Compiled as a binding. */
export interface LiteralNode {
  readonly kind: 'LiteralNode';
  readonly value: string | number | boolean | null;
}

export const LiteralNode = Object.freeze({
  is(node: { kind: string }): node is LiteralNode {
    return node.kind === 'LiteralNode';
  },
  create(value: string | number | boolean | null): LiteralNode {
    return Object.freeze({ kind: 'LiteralNode', value });
  },
});
