import { inspect, types } from 'node:util';
import { CmdError, errSummary, iceStringify, isIceDescribable, pyRepr } from '../model/index.js';
import { API_SUMMARIES } from './api-summaries.js';
import { compactEcho, type NameLookup } from './compact-echo.js';
import { methodNames, wrapList } from './introspection.js';
import { hintForError } from './python-hint.js';

/** How the shell prints values. */
export interface WriterOptions {
  /**
   * `seed` (default) prints the EventContext and Permissions as seed 002 shows them (OMERO 4.4/5.0
   * layout, without sudoerId, sudoerName, adminPrivileges, _extendedRestrictions); `current` prints
   * every field of OMERO ≥ 5.4. The seed's output is what users compare with, so it is the default.
   */
  format: 'seed' | 'current';
  /** Print stack traces of errors (`.stack on`). */
  stacks: boolean;
  colors: boolean;
  /** Owner and group names for the compact echo of model objects; ids are shown without it. */
  names?: NameLookup | null;
}

/** The Ice text of a value, or undefined when it is not an Ice value. */
export function iceText(value: unknown, options: Pick<WriterOptions, 'format'>): string | undefined {
  return isIceDescribable(value) ? iceStringify(value, { legacy: options.format === 'seed' }) : undefined;
}

/**
 * The REPL's writer, a pure function of the value: model objects and lists of them one line each
 * (`print(x)` gives the Ice text), other Ice values in Ice's print format, service proxies as
 * their name and methods, OMERO exceptions as one line (`SecurityViolation: Cannot read …`),
 * anything else through util.inspect.
 */
export function formatValue(value: unknown, options: WriterOptions): string {
  if (isError(value)) return formatError(value, options);
  const compact = compactEcho(value, options.names ?? null);
  if (compact !== undefined) return compact;
  const service = serviceEcho(value);
  if (service !== undefined) return service;
  const ice = iceText(value, options);
  if (ice !== undefined) return ice;
  if (Array.isArray(value) && value.some((v) => isIceDescribable(v))) {
    return pyRepr(value, (v) => iceText(v, options));
  }
  return inspect(value, { colors: options.colors, depth: 4 });
}

/**
 * A service proxy, the session or the client: its name, what it is and its methods, instead of
 * `AdminServicePrx {}` (they hold no data of their own).
 */
function serviceEcho(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const name = (value as { constructor?: { name?: string } }).constructor?.name ?? '';
  const known = API_SUMMARIES[name];
  if (!known) return undefined;
  return [`<${name}: ${known.about}>`, ...wrapList('  methods: ', methodNames(value)), '  (help(x) or x? describes each)'].join('\n');
}

/** One line for an error (type and message); the stack only when asked for. */
export function formatError(e: Error, options: Pick<WriterOptions, 'stacks'>): string {
  const type = e.constructor?.name && e.constructor.name !== 'Error' ? e.constructor.name : e.name;
  // A failed command's message is the ERR's whole Ice dump (Python's str(CmdError)): one line here.
  const hint = hintForError(e);
  const line = (e instanceof CmdError ? `CmdError: ${errSummary(e.err)}` : `${type}: ${e.message}`) + (hint ? `\n${hint}` : '');
  if (!options.stacks || !e.stack) return line;
  return `${line}\n${e.stack.split('\n').slice(1).join('\n')}`;
}

/**
 * Python's `print`: arguments joined by spaces; strings as they are, Ice objects in Ice's format,
 * other values as Python's `str()` would show them (`True`, `None`, `[1, 2]`).
 */
export function pythonPrintText(args: readonly unknown[], options: Pick<WriterOptions, 'format'>): string {
  return args
    .map((a) => {
      if (typeof a === 'string') return a;
      const ice = iceText(a, options);
      if (ice !== undefined) return ice;
      return pyRepr(a, (v) => iceText(v, options));
    })
    .join(' ');
}

/** Python's `repr()` (the seed's `%r`): Ice objects in Ice's format, the rest as Python shows it. */
export function pythonRepr(value: unknown, options: Pick<WriterOptions, 'format'>): string {
  return pyRepr(value, (v) => iceText(v, options));
}

/** An Error from any realm: code evaluated in the REPL's context throws that context's Errors. */
export function isError(value: unknown): value is Error {
  return value instanceof Error || types.isNativeError(value);
}
