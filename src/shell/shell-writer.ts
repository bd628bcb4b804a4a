import { inspect, types } from 'node:util';
import { iceStringify, isIceDescribable, pyRepr } from '../model/index.js';
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
}

/** The Ice text of a value, or undefined when it is not an Ice value. */
export function iceText(value: unknown, options: Pick<WriterOptions, 'format'>): string | undefined {
  return isIceDescribable(value) ? iceStringify(value, { legacy: options.format === 'seed' }) : undefined;
}

/**
 * The REPL's writer, a pure function of the value: Ice objects in Ice's print format, lists of them
 * as Python lists, OMERO exceptions as one line (`SecurityViolation: Cannot read …`), anything else
 * through util.inspect.
 */
export function formatValue(value: unknown, options: WriterOptions): string {
  if (isError(value)) return formatError(value, options);
  const ice = iceText(value, options);
  if (ice !== undefined) return ice;
  if (Array.isArray(value) && value.some((v) => isIceDescribable(v))) {
    return pyRepr(value, (v) => iceText(v, options));
  }
  return inspect(value, { colors: options.colors, depth: 4 });
}

/** One line for an error (type and message); the stack only when asked for. */
export function formatError(e: Error, options: Pick<WriterOptions, 'stacks'>): string {
  const type = e.constructor?.name && e.constructor.name !== 'Error' ? e.constructor.name : e.name;
  const hint = hintForError(e);
  const line = `${type}: ${e.message}${hint ? `\n${hint}` : ''}`;
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
