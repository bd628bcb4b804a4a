import type { MaskKind, ValueKind } from '../../db/entities.js';

/**
 * A column of a table alias: `"t0"."name"`. Only the resolver creates these, from the entity map,
 * so `alias` and `column` are never user text. `mask` marks privacy-masked Experimenter columns,
 * which the security transformer wraps in a `MaskedColumnNode`.
 */
export interface ColumnNode {
  readonly kind: 'ColumnNode';
  readonly alias: string;
  readonly column: string;
  readonly valueKind: ValueKind;
  readonly mask: MaskKind | null;
}

export const ColumnNode = Object.freeze({
  is(node: { kind: string }): node is ColumnNode {
    return node.kind === 'ColumnNode';
  },
  create(alias: string, column: string, valueKind: ValueKind, mask: MaskKind | null = null): ColumnNode {
    return Object.freeze({ kind: 'ColumnNode', alias, column, valueKind, mask });
  },
});
