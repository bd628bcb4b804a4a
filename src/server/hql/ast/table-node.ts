import type { EntityKind } from '../../db/entities.js';
import type { ExpressionNode } from './expression-node.js';

/** How a table enters the from clause. `'from'` is the first root; `'cross'` further roots. */
export type TableJoin = 'from' | 'cross' | 'inner' | 'left';

/**
 * One table alias of a resolved query: a root, an explicit join, an implicit join created by a
 * path (`p.details.owner.omeName`), or a side table (`ann.mapValue`).
 *
 * `filters` are row conditions that belong to this alias alone: the discriminator test of an
 * annotation subclass and, after the security transformer, the visibility predicate. The compiler
 * puts them in the join's `on` for left joins (so outer joins stay outer) and in `where` otherwise.
 */
export interface TableNode {
  readonly kind: 'TableNode';
  /** Generated SQL alias (`t0`, `t1`…); never user text. */
  readonly alias: string;
  readonly table: string;
  /** Entity name, or `'NamedValue'` for a side table. */
  readonly entity: string;
  /** How reads are filtered; `'component'` side tables inherit their owner's filter. */
  readonly entityKind: EntityKind | 'component';
  readonly join: TableJoin;
  /** The join condition (null for roots). */
  readonly on: ExpressionNode | null;
  readonly filters: readonly ExpressionNode[];
}

export const TableNode = Object.freeze({
  is(node: { kind: string }): node is TableNode {
    return node.kind === 'TableNode';
  },
  create(props: Omit<TableNode, 'kind'>): TableNode {
    return Object.freeze({ kind: 'TableNode', ...props, filters: Object.freeze([...props.filters]) });
  },
  cloneWithFilters(node: TableNode, filters: readonly ExpressionNode[]): TableNode {
    return Object.freeze({ ...node, filters: Object.freeze([...filters]) });
  },
});
