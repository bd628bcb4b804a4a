import type { MaskKind } from '../../db/entities.js';
import type { ColumnNode } from './column-node.js';

/**
 * A privacy-masked column (advisory 2019-SV5), compiled as
 * `case when "t0"."id" = any("vis"."ids") or "t0"."id" is null then "t0"."omename" else '<hidden>' end`
 * (or `else null`), in every clause, so that no predicate, ordering or grouping can see the real
 * value; a missing user (left join) stays null.
 */
export interface MaskedColumnNode {
  readonly kind: 'MaskedColumnNode';
  readonly column: ColumnNode;
  /** The row's id column (`"t0"."id"`). */
  readonly idColumn: ColumnNode;
  /** Users whose details the caller may see. */
  readonly visibleUserIds: readonly number[];
  readonly replacement: MaskKind;
}

export const MaskedColumnNode = Object.freeze({
  is(node: { kind: string }): node is MaskedColumnNode {
    return node.kind === 'MaskedColumnNode';
  },
  create(
    column: ColumnNode,
    idColumn: ColumnNode,
    visibleUserIds: readonly number[],
    replacement: MaskKind,
  ): MaskedColumnNode {
    return Object.freeze({
      kind: 'MaskedColumnNode',
      column,
      idColumn,
      visibleUserIds: Object.freeze([...visibleUserIds]),
      replacement,
    });
  },
});
