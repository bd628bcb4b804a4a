import { accessSync, constants, statSync } from 'node:fs';
import type { ImportOptions, ImportRowResult } from '../../client/services/admin-service-prx.js';
import { CliError } from '../cli-error.js';
import { err, type CliIO } from '../cli-io.js';
import { Output, type TableStyle } from '../output/index.js';
import { readCsvRecords, sourceSize, type CsvSource } from './csv-records.js';
import { headerMapper, RowError, type ColumnSpec } from './import-columns.js';
import { ImportProgress } from './import-progress.js';
import { ImportReport } from './import-report.js';

/** What differs between `user import` and `group import`. */
export interface ImportKind<R extends { readonly line: number }> {
  readonly columns: readonly ColumnSpec[];
  /** The key column (`login`, `name`), also the report's second header. */
  readonly key: string;
  /** Columns that hold secrets: a file others may read is warned about. */
  readonly secretColumns: readonly string[];
  /** A record as a row; throws RowError. */
  toRow(line: number, values: Readonly<Record<string, string>>): R;
  nameOf(row: R): string;
  /** Whether the server will hash a password for this row (such rows go in smaller chunks). */
  hashes(row: R): boolean;
  /** Applies rows through the API and answers one result per row. */
  send(rows: R[], options: ImportOptions): Promise<ImportRowResult[]>;
  /** Sees each chunk's rows and results (e.g. to write generated passwords). */
  applied?(rows: readonly R[], results: readonly ImportRowResult[]): void;
}

/** The import's flags. */
export interface ImportFlags extends ImportOptions {
  readonly style?: TableStyle;
  /** Rows per API call (default 500); rows with a password to hash go 64 at a time at most. */
  readonly chunkSize?: number;
}

const HASH_CHUNK = 64;

/**
 * Reads a provisioning CSV as a stream and applies it a chunk at a time through the API (each
 * chunk one call; each row its own transaction, or, with `--atomic`, the whole file in one call).
 * Rows the CLI can already tell are wrong — malformed CSV, a bad cell, a key repeated in the
 * file — are reported failed without being sent. Every row printed has been committed (or, in a
 * dry run, checked), so after a cut connection the same command resumes where it stopped.
 * Returns the report; a failed row makes the command's status 1.
 */
export async function runImport<R extends { readonly line: number }>(io: CliIO, source: CsvSource, kind: ImportKind<R>, flags: ImportFlags): Promise<ImportReport> {
  const size = sourceFileSize(source);
  const output = new Output({ stdout: io.stdout, stderr: io.stderr, env: io.env });
  const mapHeader = headerMapper(kind.columns, kind.key);
  let accepted = false;
  const header = (names: string[]) => {
    const keys = mapHeader(names);
    accepted = true;
    const secret = keys.some((k) => kind.secretColumns.includes(k));
    if (secret && source.path !== '-' && (statSync(source.path).mode & 0o077) !== 0) {
      output.warn(`Warning: ${source.path} holds passwords and other users may read it (chmod 600 ${source.path})`);
    }
    return keys;
  };
  const progress = new ImportProgress(io, size);
  const report = new ImportReport(io, flags.style ?? 'sql', kind.key, progress.shown && io.stdout.isTTY === true);
  const options: ImportOptions = {
    dryRun: Boolean(flags.dryRun),
    addOnly: Boolean(flags.addOnly),
    noUpdate: Boolean(flags.noUpdate),
    createGroups: Boolean(flags.createGroups),
    atomic: Boolean(flags.atomic),
  };
  const chunkSize = flags.chunkSize ?? 500;
  const seen = new Map<string, number>();
  let pending: R[] = [];
  let hashing = 0;
  let refused: ImportRowResult[] = [];
  let rows = 0;
  let bytes = 0;
  const flush = async (): Promise<void> => {
    let results: ImportRowResult[] = [];
    if (pending.length > 0) {
      if (options.atomic && refused.length > 0) results = notWritten(pending, kind, refused.length);
      else {
        results = await kind.send(pending, options);
        kind.applied?.(pending, results);
      }
    }
    report.add([...results, ...refused].sort((a, b) => a.line - b.line));
    progress.update(bytes, rows, report.counts);
    pending = [];
    hashing = 0;
    if (!options.atomic) refused = [];
  };
  try {
    for await (const item of readCsvRecords(source, header)) {
      rows++;
      if (item.kind === 'malformed') {
        refused.push({ line: item.line, name: '', status: 'failed', id: null, details: item.reason });
      } else {
        bytes = item.bytes;
        const row = checkedRow(kind, item.line, item.values, seen, refused);
        if (row) {
          pending.push(row);
          if (kind.hashes(row)) hashing++;
        }
      }
      if (!options.atomic && (pending.length + refused.length >= chunkSize || hashing >= HASH_CHUNK)) await flush();
    }
    await flush();
  } finally {
    progress.stop();
    // A refused header (or an unreadable file) stops the import before any row: no report.
    if (accepted) {
      report.end();
      err(io, `${report.summary()}${options.dryRun ? ' (dry run: nothing was changed)' : ''}`);
    }
  }
  if (report.counts.failed > 0) throw new CliError(1, `${report.counts.failed} of ${rows} rows failed`);
  return report;
}

function sourceFileSize(source: CsvSource): number | null {
  let size: number | null;
  try {
    size = sourceSize(source);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CliError(1, `No such file: ${source.path}`);
    if (code) throw new CliError(1, `Cannot read ${source.path}: ${code}`);
    throw e;
  }
  if (size === null) return null;
  try {
    accessSync(source.path, constants.R_OK);
  } catch (e) {
    throw new CliError(1, `Cannot read ${source.path}: ${(e as NodeJS.ErrnoException).code}`);
  }
  return size;
}

/** The row of a record, or null after noting why it is refused (a bad cell, a repeated key). */
function checkedRow<R extends { readonly line: number }>(
  kind: ImportKind<R>,
  line: number,
  values: Readonly<Record<string, string>>,
  seen: Map<string, number>,
  refused: ImportRowResult[],
): R | null {
  const name = values[kind.key] ?? '';
  try {
    const row = kind.toRow(line, values);
    const first = seen.get(name);
    if (first !== undefined) throw new RowError(`duplicate ${kind.key}: also on line ${first}`);
    seen.set(name, line);
    return row;
  } catch (e) {
    if (!(e instanceof RowError)) throw e;
    refused.push({ line, name, status: 'failed', id: null, details: e.message });
    return null;
  }
}

/** With `--atomic`, rows the CLI refused mean that nothing is sent. */
function notWritten<R extends { readonly line: number }>(rows: readonly R[], kind: ImportKind<R>, failed: number): ImportRowResult[] {
  return rows.map((r) => ({ line: r.line, name: kind.nameOf(r), status: 'unchanged', id: null, details: `not written (--atomic, ${failed} row(s) failed)` }));
}
