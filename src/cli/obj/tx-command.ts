import { CliError } from '../cli-error.js';
import { shlexSplit, ShlexError } from './shlex-split.js';

/** The actions of `omero obj`, in OMERO's order (reference cli §5). */
export const OBJ_ACTIONS = [
  'new',
  'update',
  'null',
  'map-get',
  'map-set',
  'get',
  'list-get',
  'ext-info-get',
  'ext-info-set',
] as const;

/** One of {@link OBJ_ACTIONS}. */
export type ObjAction = (typeof OBJ_ACTIONS)[number];

/** `Name` of `@=Name` references and of `Name = action …` lines (omero-py `TxCmd.VAR_NAME`). */
export const VAR_NAME = /^[a-zA-Z][a-zA-Z0-9]*$/;

/** `var = rest` at the start of a `--file` line; the `=` must be followed by a blank. */
const VAR_LINE = /^\s*([a-zA-Z][a-zA-Z0-9]*)\s*=\s([^\n]*)$/;

/**
 * One parsed `omero obj` command (omero-py `TxCmd`): `[dest = ]action Type[:id] [args …]`.
 * `args` is the whole word list, action and object included, as OMERO counts it for the
 * arity checks (`usage: get OBJ [FIELD]` …).
 */
export interface TxCommand {
  /** Variable the result is stored in (`foo = new Project …`), or null. */
  readonly dest: string | null;
  /** The action word. */
  readonly action: ObjAction;
  /** The object argument (`Project`, `Project:5`), or null when missing. */
  readonly type: string | null;
  /** All words: action, object (null when missing), then the rest. */
  readonly args: readonly (string | null)[];
}

/** A command from the command line: `omero obj <action> [Class] [fields …]`. */
export function commandFromArgv(action: ObjAction, type: string | undefined, rest: readonly string[]): TxCommand {
  return Object.freeze({ dest: null, action, type: type ?? null, args: Object.freeze([action, type ?? null, ...rest]) });
}

/**
 * A command from one `--file` line (already stripped, not blank, not a comment): the optional
 * `var = ` prefix, then the words as `shlex.split` gives them. An unknown action is rc 100
 * `Unknown command: <words>`; an unsplittable line (unbalanced quotes) is rc 1, as the uncaught
 * Python exception would be.
 */
export function commandFromLine(line: string): TxCommand {
  let dest: string | null = null;
  let rest = line;
  const m = VAR_LINE.exec(line);
  if (m) {
    dest = m[1]!;
    rest = m[2]!;
  }
  let words: string[];
  try {
    words = shlexSplit(rest);
  } catch (e) {
    if (e instanceof ShlexError) throw new CliError(1, `Cannot parse line: ${line} (${e.message})`);
    throw e;
  }
  const action = words[0] ?? '';
  if (!isObjAction(action)) throw new CliError(100, `Unknown command: ${words.join(' ')}`);
  return Object.freeze({ dest, action, type: words[1] ?? null, args: Object.freeze([...words]) });
}

function isObjAction(word: string): word is ObjAction {
  return (OBJ_ACTIONS as readonly string[]).includes(word);
}
