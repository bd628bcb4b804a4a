import { styleText } from 'node:util';
import { renderTable, type Table, type TableStyle } from './render-table.js';

/** A stream output can go to; `isTTY` decides colours. */
export type OutputStream = NodeJS.WritableStream & { readonly isTTY?: boolean };

/** A `util.styleText` format: one colour/modifier name or several. */
export type TextFormat = Parameters<typeof styleText>[0];

/** The streams and environment of an {@link Output}; default: the real process. */
export interface OutputOptions {
  /** Results (tables, keys, `Added user …`). Default `process.stdout`. */
  readonly stdout?: OutputStream;
  /** Messages, banners, warnings and errors. Default `process.stderr`. */
  readonly stderr?: OutputStream;
  /** Read for `NO_COLOR`. Default `process.env`. */
  readonly env?: NodeJS.ProcessEnv;
}

/**
 * Whether to colour text written to `stream`: only on a terminal, and never when `NO_COLOR` is
 * set to a non-empty value (https://no-color.org).
 */
export function colorEnabled(stream: OutputStream, env: NodeJS.ProcessEnv = process.env): boolean {
  return stream.isTTY === true && !env.NO_COLOR;
}

/**
 * The CLI's one way to write: results to stdout (OMERO's `ctx.out`), everything else —
 * messages, login banners, warnings, errors — to stderr (`ctx.err`). Colours only through
 * `util.styleText`, only on a TTY, never with `NO_COLOR`; results are never coloured, so piped
 * output stays byte-identical to OMERO's.
 */
export class Output {
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  readonly #env: NodeJS.ProcessEnv;

  constructor(options: OutputOptions = {}) {
    this.stdout = options.stdout ?? process.stdout;
    this.stderr = options.stderr ?? process.stderr;
    this.#env = options.env ?? process.env;
  }

  /** Writes a result to stdout, followed by `\n` unless `newline` is false (OMERO `ctx.out`). */
  out(text = '', newline = true): void {
    this.stdout.write(newline ? `${text}\n` : text);
  }

  /** Writes a message to stderr, followed by `\n` unless `newline` is false (OMERO `ctx.err`). */
  err(text = '', newline = true): void {
    this.stderr.write(newline ? `${text}\n` : text);
  }

  /** Renders a table in `style` (§0.3) and writes it to stdout. */
  table(table: Table, style: TableStyle = 'sql'): void {
    this.out(renderTable(table, style));
  }

  /** An error message on stderr, red on a terminal. */
  error(text: string): void {
    this.err(this.paint(this.stderr, 'red', text));
  }

  /** A warning on stderr, yellow on a terminal. */
  warn(text: string): void {
    this.err(this.paint(this.stderr, 'yellow', text));
  }

  /** `text` styled for `stream` when {@link colorEnabled}, else unchanged. */
  paint(stream: OutputStream, format: TextFormat, text: string): string {
    return colorEnabled(stream, this.#env) ? styleText(format, text, { validateStream: false }) : text;
  }
}
