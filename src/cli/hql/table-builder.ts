import type { Table } from '../output/index.js';

/**
 * omero-py's `TableBuilder` (src/omero/util/text.py), as `omero hql` fills it: columns are added
 * as rows need them (earlier rows read `''` there); a row's positional cells fill the columns in
 * order and its named cells go under their headers; a row with named cells turns its unset cells
 * into `''`, a row without keeps them None (printed `None`).
 */
export class TableBuilder {
  readonly #headers: string[];
  readonly #columns: (string | null)[][];

  /** A builder with these first headers. */
  constructor(...headers: string[]) {
    this.#headers = [...headers];
    this.#columns = headers.map(() => []);
  }

  /** Adds the headers not present yet, back-filling earlier rows with `''`. */
  cols(names: Iterable<string>): void {
    for (const name of names) {
      if (this.#headers.includes(name)) continue;
      this.#headers.push(name);
      this.#columns.push(this.#columns[0]!.map(() => ''));
    }
  }

  /** Appends a row: `items` by position, then `byName` under their headers (which must exist). */
  row(items: readonly (string | null)[], byName: ReadonlyMap<string, string | null> = new Map()): void {
    if (items.length > this.#headers.length) throw new Error(`size mismatch: ${items.length} != ${this.#headers.length}`);
    this.#columns.forEach((column, i) => column.push(i < items.length ? items[i]! : null));
    for (const [name, value] of byName) {
      const i = this.#headers.indexOf(name);
      if (i < 0) throw new Error(`${name} not in ${this.#headers.join(', ')}`);
      this.#columns[i]![this.#columns[i]!.length - 1] = value;
    }
    if (byName.size > 0) {
      for (const column of this.#columns) if (column[column.length - 1] === null) column[column.length - 1] = '';
    }
  }

  /** The rows so far, for `renderTable` (a null cell prints `None`). */
  build(): Table {
    const count = this.#columns[0]!.length;
    const rows = Array.from({ length: count }, (_, r) => this.#columns.map((column) => column[r] ?? null));
    return { headers: [...this.#headers], rows };
  }
}
