import { createReadStream, statSync } from 'node:fs';
import { parse, CsvError } from 'csv-parse';
import { CliError } from '../cli-error.js';

/** One record of the file, or why the parser could not read it. */
export type CsvItem =
  | { readonly kind: 'record'; readonly line: number; readonly values: Readonly<Record<string, string>>; readonly bytes: number }
  | { readonly kind: 'malformed'; readonly line: number; readonly reason: string };

/** Where the CSV comes from: a path, or `-` for standard input. */
export interface CsvSource {
  readonly path: string;
  readonly stdin: NodeJS.ReadableStream;
}

/** The size of a file in bytes (for the progress bar); null for standard input. */
export function sourceSize(source: CsvSource): number | null {
  if (source.path === '-') return null;
  const stat = statSync(source.path);
  if (!stat.isFile()) throw Object.assign(new Error(`not a file: ${source.path}`), { code: 'not a file' });
  return stat.size;
}

/**
 * Streams the records of a CSV file with csv-parse (RFC 4180: quotes, embedded commas and line
 * breaks, a UTF-8 BOM), keyed by the names `header` gives the first line's columns. Records the
 * parser cannot read (a wrong number of cells, a stray quote) come as `malformed` items naming
 * their line and column, and the rest of the file goes on; memory stays bounded by the parser's
 * buffer whatever the file's size. `header` throws to refuse the file (e.g. an unknown column).
 */
export async function* readCsvRecords(source: CsvSource, header: (names: string[]) => string[]): AsyncGenerator<CsvItem> {
  const input = source.path === '-' ? source.stdin : createReadStream(source.path);
  let refusal: unknown = null;
  const parser = parse({
    bom: true,
    info: true,
    trim: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    columns: (names: string[]) => {
      try {
        return header(names);
      } catch (e) {
        refusal = e;
        throw e;
      }
    },
  });
  const skipped: CsvItem[] = [];
  parser.on('skip', (e: CsvError & { lines?: number; index?: number }) => {
    const column = typeof e.index === 'number' ? `, column ${e.index + 1}` : '';
    skipped.push({ kind: 'malformed', line: e.lines ?? 0, reason: `malformed CSV on line ${e.lines}${column}: ${e.message}` });
  });
  (input as NodeJS.ReadableStream).on('error', (e: Error) => parser.destroy(e));
  input.pipe(parser);
  try {
    for await (const item of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number; bytes: number } }>) {
      while (skipped.length > 0 && skipped[0]!.line < item.info.lines) yield skipped.shift()!;
      yield { kind: 'record', line: item.info.lines, values: item.record, bytes: item.info.bytes };
    }
  } catch (e) {
    if (refusal) throw refusal;
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new CliError(1, `No such file: ${source.path}`);
    if (e instanceof CsvError) throw new CliError(1, `malformed CSV: ${e.message}`);
    throw e;
  }
  yield* skipped;
}
