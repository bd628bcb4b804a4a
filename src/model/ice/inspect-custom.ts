/**
 * Node's `util.inspect.custom` hook, so the REPL and `console.log` show the Ice text (as IPython does).
 */
import { iceStringify } from './ice-print.js';

/** `util.inspect.custom`, obtained without importing `node:util` (the model stays runtime-neutral). */
export const INSPECT_CUSTOM: unique symbol = Symbol.for('nodejs.util.inspect.custom') as never;

/**
 * Body of an `[INSPECT_CUSTOM]` method: the Ice text of `value`. Ignores util.inspect's depth and
 * options; falls back to a short marker instead of throwing when the value cannot be printed.
 */
export function inspectAsIce(value: unknown): string {
  try {
    return iceStringify(value);
  } catch (error) {
    const name = (value as { constructor?: { name?: string } } | null)?.constructor?.name ?? 'Object';
    return `<${name}: unprintable (${error instanceof Error ? error.message : String(error)})>`;
  }
}
