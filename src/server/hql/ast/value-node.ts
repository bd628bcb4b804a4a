/**
 * A value bound as a `?` placeholder: a resolved parameter or literal. Arrays appear only as the
 * single value of an `in` list (compiled `= any(?)`).
 */
export interface ValueNode {
  readonly kind: 'ValueNode';
  readonly value: unknown;
}

export const ValueNode = Object.freeze({
  is(node: { kind: string }): node is ValueNode {
    return node.kind === 'ValueNode';
  },
  create(value: unknown): ValueNode {
    return Object.freeze({ kind: 'ValueNode', value: Array.isArray(value) ? Object.freeze([...value]) : value });
  },
});
