import { CliError } from '../cli-error.js';
import type { TxState } from './tx-state.js';
import { VAR_NAME } from './tx-command.js';

/** `name=value` or `name@=ref` (omero-py `TxField.ARG_RE`, matched at the start of the word). */
const FIELD_ARG = /^([a-zA-Z][a-zA-Z0-9]*)(@)?=([^\n]*)/;

/** A field argument of `new` / `update`, its reference resolved. */
export interface TxField {
  /** The field name as typed (`name`, `omeName`, `parent`). */
  readonly name: string;
  /**
   * The text to convert: the value after `=`, or the result a `@=` reference points at (null
   * when that command printed `None` or has not finished: the field is then set to null).
   */
  readonly value: string | null;
}

/**
 * Parses `name=value` (the value may be empty or hold `=` and blanks) and `name@=N` / `name@=var`
 * (the N-th result of this run, 0-based, or a variable set by `var = …` in a `--file`). Malformed
 * words and bad references are rc 1, where omero-py raises an uncaught exception.
 */
export function parseTxField(word: string, state: TxState): TxField {
  const m = FIELD_ARG.exec(word);
  if (!m) throw new CliError(1, `Unparseable argument: ${word}`);
  const [, name, at, text] = m as unknown as [string, string, string | undefined, string];
  if (!at) return { name, value: text };
  if (/^\d+$/.test(text)) return { name, value: state.row(Number(text)) };
  if (VAR_NAME.test(text)) return { name, value: state.variable(text) };
  throw new CliError(1, `Invalid reference: ${text}`);
}
