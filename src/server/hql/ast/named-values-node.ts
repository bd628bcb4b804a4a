/**
 * The `NamedValue` list of one row (`MapAnnotation.mapValue`, `Experimenter.config`), selected as
 * one JSON column: `(select jsonb_agg(jsonb_build_array(c.name, c.value) order by c.index) from
 * annotation_mapvalue c where c.annotation_id = "t0"."id")`. The owner row is already filtered.
 */
export interface NamedValuesNode {
  readonly kind: 'NamedValuesNode';
  /** Alias of the owning row. */
  readonly alias: string;
  /** Alias for the side table inside the subselect. */
  readonly innerAlias: string;
  readonly table: string;
  readonly keyColumn: string;
  readonly indexColumn: string;
}

export const NamedValuesNode = Object.freeze({
  is(node: { kind: string }): node is NamedValuesNode {
    return node.kind === 'NamedValuesNode';
  },
  create(alias: string, innerAlias: string, table: string, keyColumn: string, indexColumn: string): NamedValuesNode {
    return Object.freeze({ kind: 'NamedValuesNode', alias, innerAlias, table, keyColumn, indexColumn });
  },
});
