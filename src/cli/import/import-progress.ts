import { Presets, SingleBar } from 'cli-progress';
import type { CliIO } from '../cli-io.js';
import type { ImportCounts } from './import-report.js';

/**
 * A progress bar on stderr while an import runs — only when stderr is a terminal (never in pipes
 * or logs). With `NO_COLOR` the bar is plain ASCII. Tracks bytes of the file read (a percentage),
 * or only rows for standard input, whose size is unknown.
 */
export class ImportProgress {
  readonly #bar: SingleBar | null;
  readonly #sized: boolean;

  constructor(io: CliIO, totalBytes: number | null) {
    this.#sized = totalBytes !== null && totalBytes > 0;
    if (io.stderr.isTTY !== true) {
      this.#bar = null;
      return;
    }
    const plain = Boolean(io.env.NO_COLOR);
    const format = this.#sized
      ? 'importing {bar} {percentage}% | {rows} rows | {created} created, {updated} updated, {unchanged} unchanged, {failed} failed'
      : 'importing | {rows} rows | {created} created, {updated} updated, {unchanged} unchanged, {failed} failed';
    this.#bar = new SingleBar(
      {
        stream: io.stderr as NodeJS.WriteStream,
        format,
        hideCursor: true,
        clearOnComplete: true,
        barsize: 30,
        fps: 10,
        ...(plain ? { barCompleteChar: '#', barIncompleteChar: '-' } : {}),
      },
      plain ? Presets.legacy : Presets.shades_classic,
    );
    this.#bar.start(this.#sized ? totalBytes! : 0, 0, { rows: 0, created: 0, updated: 0, unchanged: 0, failed: 0 });
  }

  /** Whether a bar is shown (the report then waits for the end on a terminal). */
  get shown(): boolean {
    return this.#bar !== null;
  }

  update(bytes: number, rows: number, counts: ImportCounts): void {
    this.#bar?.update(this.#sized ? bytes : 0, { rows, ...counts });
  }

  stop(): void {
    this.#bar?.stop();
  }
}
