/**
 * The shape argparse's help formatter works on (omero-py's vendored argparse 1.1 with OMERO's
 * `HelpFormatter`, reference cli §0.1): a parser's arguments in the order they were added, its
 * titled argument groups and its mutually exclusive groups. Built from a commander command by
 * `parserHelpOf`; formatted by `formatHelp`/`formatUsage`.
 */

/**
 * argparse's `nargs`: `0` for a flag (`store_true`), `null` for exactly one value, `'?'`, `'*'`,
 * `'+'`, or `'A...'` for a subcommand (argparse's `PARSER`).
 */
export type Nargs = 0 | null | '?' | '*' | '+' | 'A...';

/** A subcommand line under the `<subcommand>` entry (argparse's `_ChoicesPseudoAction`). */
export interface SubAction {
  /** The subcommand's name. */
  readonly name: string;
  /** Its help; only the first line is shown. Null: the name alone. */
  readonly help: string | null;
}

/** One argument (argparse's `Action`). */
export interface ArgAction {
  /** `['-s', '--server']`; empty for a positional. */
  readonly optionStrings: readonly string[];
  /** The value's name: `SERVER`, `{csv,json,plain,sql}`, or a positional's name. */
  readonly metavar: string;
  readonly nargs: Nargs;
  /** A required option is written without brackets in the usage line. Positionals: unused. */
  readonly required: boolean;
  /** The help text; only its first line is shown (OMERO's `_split_lines`). Null: no help. */
  readonly help: string | null;
  /** The subcommands of a command family, listed under this entry. */
  readonly subactions?: readonly SubAction[];
}

/** A titled section of the help (`Positional Arguments`, `Login arguments`, …). */
export interface ArgGroup {
  readonly title: string;
  /** Raw text printed under the title, indented; null for none. */
  readonly description: string | null;
  readonly actions: readonly ArgAction[];
}

/** Options of which at most one may be given (`[--id ID | --name NAME]`), or exactly one when required. */
export interface MutexGroup {
  readonly actions: readonly ArgAction[];
  readonly required: boolean;
}

/** Everything the formatter needs about one parser. */
export interface ParserHelp {
  /** `omero sessions timeout`. */
  readonly prog: string;
  /** Raw description text; `%(prog)s` is replaced. Null for none. */
  readonly description: string | null;
  /** Every visible argument, in the order it was added (the usage line's order). */
  readonly actions: readonly ArgAction[];
  /** The sections, in order; empty ones are not printed. */
  readonly groups: readonly ArgGroup[];
  readonly mutexGroups: readonly MutexGroup[];
  /** Raw text after the sections; null for none. */
  readonly epilog?: string | null;
}
