import { metaOf, RObjectI, type RType } from '../../model/index.js';
import type { Table } from '../output/index.js';
import { displayValue } from './display-value.js';
import { objectRowValues } from './object-row.js';
import { pyStrOf, type PyValue } from './py-value.js';
import { TableBuilder } from './table-builder.js';

/** A page of `IQuery.projection` rows. */
export type ProjectionRows = readonly (readonly (RType | null)[])[];

/** What `omero hql` shows for a page, and which rows hold one object whose details it can show. */
export interface ResultTable {
  /** The rows, for `renderTable` in the chosen style. */
  readonly table: Table;
  /** Row numbers (0-based) of single-object rows. */
  readonly hasDetails: readonly number[];
}

/**
 * The result table of `omero hql` (omero-py `HqlControl.display`): first column `#` (the row
 * number). A row holding one object (`select p from Project p`) shows `Class` (`ProjectI`), `Id`
 * and its non-empty scalar fields (see `objectRowValues`); other rows — projections, or every
 * row with `idsOnly` — show `Col1`…`ColN` with objects as `ClassI:id` and times as `ctime`.
 */
export function resultTable(rows: ProjectionRows, idsOnly: boolean): ResultTable {
  const tb = new TableBuilder('#');
  const hasDetails: number[] = [];
  rows.forEach((row, idx) => {
    const only = row.length === 1 ? row[0] : undefined;
    if (!idsOnly && only instanceof RObjectI) {
      hasDetails.push(idx);
      const o = only.val;
      if (o === null) {
        tb.row([String(idx), 'Null', '']);
        return;
      }
      tb.cols(['Class', 'Id']);
      const values = objectRowValues(o);
      tb.cols(values.keys());
      const named = new Map([...values].map(([k, v]) => [k, cell(v)] as const));
      tb.row([String(idx), `${metaOf(o.constructor).shortName}I`, String(o.id?.val ?? 'None')], named);
      return;
    }
    tb.cols(row.map((_, i) => `Col${i + 1}`));
    tb.row([String(idx), ...row.map((x) => cell(displayValue(x)))]);
  });
  return { table: tb.build(), hasDetails };
}

/** A table cell: Python's `str()`, with None kept as null (rendered `None`). */
function cell(v: PyValue): string | null {
  return v.kind === 'none' ? null : pyStrOf(v);
}
