import type { ImportRowResult, ImportStatus } from '../../client/services/admin-service-prx.js';
import type { CliIO } from '../cli-io.js';
import { renderTable, type Table, type TableStyle } from '../output/index.js';

/** Counts of the rows by result. */
export type ImportCounts = Record<ImportStatus, number>;

/**
 * The per-row report of an import in any `--style`, through the one table printer. csv, plain and
 * json are written as the rows come (a chunk at a time, so memory stays bounded and a cut
 * connection leaves the rows already reported on the screen); sql aligns its columns over all rows,
 * so it keeps the rows (a few dozen bytes each) and prints them at the end, as it does when
 * `hold` is set (the progress bar owns the terminal until then).
 */
export class ImportReport {
  readonly counts: ImportCounts = { created: 0, updated: 0, unchanged: 0, failed: 0 };
  readonly #io: CliIO;
  readonly #style: TableStyle;
  readonly #headers: readonly string[];
  readonly #hold: boolean;
  readonly #held: (readonly unknown[])[] = [];
  #written = 0;

  constructor(io: CliIO, style: TableStyle, nameHeader: string, hold: boolean) {
    this.#io = io;
    this.#style = style;
    this.#headers = ['line', nameHeader, 'result', 'id', 'details'];
    this.#hold = hold || style === 'sql';
  }

  /** Adds the results of one chunk, in file order. */
  add(results: readonly ImportRowResult[]): void {
    if (results.length === 0) return;
    for (const r of results) this.counts[r.status]++;
    const rows = results.map((r) => [r.line, r.name, r.status, r.id ?? '', r.details]);
    if (this.#hold) this.#held.push(...rows);
    else this.#write(rows);
  }

  /** Writes what is held and closes the json list. */
  end(): void {
    if (this.#held.length > 0) this.#write(this.#held);
    const io = this.#io;
    if (this.#style === 'json') io.stdout.write(this.#written === 0 ? '[]\n' : ']\n');
    else if (this.#written === 0 && this.#style !== 'plain') io.stdout.write(`${renderTable(this.#table([]), this.#style)}\n`);
  }

  #table(rows: readonly (readonly unknown[])[]): Table {
    return { headers: this.#headers, rows };
  }

  #write(rows: readonly (readonly unknown[])[]): void {
    const first = this.#written === 0;
    const io = this.#io;
    switch (this.#style) {
      case 'json': {
        const text = renderTable(this.#table(rows), 'json');
        io.stdout.write(`${first ? '[' : ',\n'}${text.slice(1, -1)}`);
        break;
      }
      case 'csv':
        io.stdout.write(`${renderTable(this.#table(rows), first ? 'csv' : 'plain')}\n`);
        break;
      default:
        io.stdout.write(`${renderTable(this.#table(rows), this.#style)}\n`);
    }
    this.#written += rows.length;
  }

  /** One line for stderr: `40 rows: 38 created, 1 updated, 0 unchanged, 1 failed`. */
  summary(): string {
    const c = this.counts;
    const n = c.created + c.updated + c.unchanged + c.failed;
    return `${n} ${n === 1 ? 'row' : 'rows'}: ${c.created} created, ${c.updated} updated, ${c.unchanged} unchanged, ${c.failed} failed`;
  }
}
