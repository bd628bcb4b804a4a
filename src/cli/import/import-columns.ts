import { CliError } from '../cli-error.js';

/** One column a provisioning file may have. */
export interface ColumnSpec {
  /** The key a record is read by. */
  readonly key: string;
  /** Header names that mean this column (compared without case). */
  readonly names: readonly string[];
  /** The `--help` line. */
  readonly help: string;
}

/**
 * Maps a file's header line to column keys: names compare without case and surrounding spaces;
 * an unknown or repeated column, or a missing `required` one, refuses the whole file before
 * anything is read or written.
 */
export function headerMapper(specs: readonly ColumnSpec[], required: string): (names: string[]) => string[] {
  return (names) => {
    const keys = names.map((raw) => {
      const name = raw.trim().toLowerCase();
      const spec = specs.find((s) => s.names.includes(name));
      if (!spec) throw new CliError(1, `unknown column "${raw}" on line 1 (known: ${specs.map((s) => s.names[0]).join(', ')})`);
      return spec.key;
    });
    const repeated = keys.find((k, i) => keys.indexOf(k) !== i);
    if (repeated) throw new CliError(1, `column "${names[keys.lastIndexOf(repeated)]}" repeats another column on line 1`);
    if (!keys.includes(required)) throw new CliError(1, `the file has no ${specs.find((s) => s.key === required)!.names[0]} column (line 1)`);
    return keys;
  };
}

/** The `--help` text listing the columns: the name, what it holds, and other names it goes by. */
export function columnsHelp(specs: readonly ColumnSpec[]): string {
  const width = Math.max(...specs.map((s) => s.names[0]!.length));
  return specs
    .map((s) => {
      const also = s.names.length > 1 ? ` (also: ${s.names.slice(1).join(', ')})` : '';
      return `  ${s.names[0]!.padEnd(width)}  ${s.help}${also}`;
    })
    .join('\n');
}

/** A row of the file the CLI refuses before sending it (the report's reason). */
export class RowError extends Error {}

/** Yes/No cells: yes, true, 1, y (any case) or no, false, 0, n, and empty for no. */
export function yesNo(value: string, column: string): boolean {
  const v = value.trim().toLowerCase();
  if (['yes', 'true', '1', 'y'].includes(v)) return true;
  if (['no', 'false', '0', 'n', ''].includes(v)) return false;
  throw new RowError(`${column} must be yes or no, not "${value}"`);
}

/** A list cell: items separated by ";" or ",", blanks dropped. */
export function listCell(value: string): string[] {
  return value.split(/[;,]/).map((s) => s.trim()).filter((s) => s !== '');
}

/** A cell that is text or, empty, null. */
export function textCell(value: string): string | null {
  return value === '' ? null : value;
}
