import { pyCsvRow, pyJsonObject, pyLen, pyStr } from './py-format.js';

/** The values of `--style` (help: "use alternative output style (default=sql)"), sorted. */
export const TABLE_STYLES = ['csv', 'json', 'plain', 'sql'] as const;

/** One of {@link TABLE_STYLES}. */
export type TableStyle = (typeof TABLE_STYLES)[number];

/** Collected rows, ready to render: what a command's `collect…()` returns. */
export interface Table {
  /** Column names, in order. */
  readonly headers: readonly string[];
  /**
   * Cells, row by row, at most one per header; missing trailing cells print empty. Values are
   * converted like Python's `str()` (see `pyStr`: `null` → `None`, booleans → `True`/`False`).
   */
  readonly rows: readonly (readonly unknown[])[];
  /**
   * Paging of a partial result (omero-py `TableBuilder.page`, used by `hql`): the sql footer
   * becomes `(N rows, starting at <offset> of approx. <total>)`.
   */
  readonly page?: { readonly offset: number; readonly total: number };
}

/** Whether `value` names a table style. */
export function isTableStyle(value: string): value is TableStyle {
  return (TABLE_STYLES as readonly string[]).includes(value);
}

/**
 * Renders a table exactly as omero-py's `str(TableBuilder.build())` does (src/omero/util/text.py;
 * reference cli §0.3); the result has no trailing newline, the caller writes it followed by
 * `\n` as `ctx.out` does.
 *
 * - `sql`: ` value ` cells padded to the column width (the longest of header and values, in code
 *   points), joined by `|`; a dash line joined by `+`; a footer `(1 row)` / `(N rows)`; trailing
 *   spaces kept.
 * - `csv`: the headers joined by `,` unquoted, then each row as Python's `csv.writer` writes it
 *   (minimal quoting, e.g. `"3,5"`), one per line.
 * - `plain`: the csv rows without the header.
 * - `json`: `[` + one `json.dumps` object per row, joined by `,\n`, + `]`; `[]` when empty;
 *   every value a string; a repeated header keeps its first position and its last value.
 *
 * omero-py writes each csv row with `lineterminator=''` and joins the rows with `\n`, so the
 * output has `\n` line ends only (an older omero-py left csv.writer's `\r\n` in each row and
 * printed a blank line between rows; that is not reproduced).
 */
export function renderTable(table: Table, style: TableStyle = 'sql'): string {
  const { headers } = table;
  if (headers.length === 0) throw new Error('a table needs at least one column');
  const rows = table.rows.map((row, i) => {
    if (row.length > headers.length) {
      throw new Error(`row ${i} has ${row.length} cells for ${headers.length} columns`);
    }
    return headers.map((_, c) => pyStr(row[c]));
  });

  switch (style) {
    case 'sql':
      return renderSql(headers, rows, table.page);
    case 'csv':
      return [headers.join(','), ...rows.map(pyCsvRow)].join('\n');
    case 'plain':
      return rows.map(pyCsvRow).join('\n');
    case 'json': {
      if (rows.length === 0) return '[]';
      const objects = rows.map((row) => {
        const entries = new Map<string, string>();
        headers.forEach((h, c) => entries.set(h, row[c] as string));
        return pyJsonObject(entries);
      });
      return `[${objects.join(',\n')}]`;
    }
    default:
      throw new Error(`unknown table style ${JSON.stringify(style satisfies never)}`);
  }
}

function renderSql(
  headers: readonly string[],
  rows: readonly string[][],
  page: Table['page'],
): string {
  const widths = headers.map((h, c) => rows.reduce((w, r) => Math.max(w, pyLen(r[c] as string)), pyLen(h)));
  const line = (cells: readonly string[]) =>
    cells.map((v, c) => ` ${v}${' '.repeat(Math.max(0, (widths[c] as number) - pyLen(v)))} `).join('|');
  const n = rows.length;
  const paging = page ? `, starting at ${page.offset} of approx. ${page.total}` : '';
  return [
    line(headers),
    widths.map((w) => '-'.repeat(w + 2)).join('+'),
    ...rows.map(line),
    `(${n} ${n === 1 ? 'row' : 'rows'}${paging})`,
  ].join('\n');
}
