/**
 * Python `repr()` of the plain values a service can return next to Ice objects (lists, dicts, strings,
 * numbers, booleans, None). Ice-printable elements are printed by the callback, each with its own
 * object numbering, as Python's list repr does (reference omero-api.md §5.3).
 */
import { pythonFloat, pythonStrRepr } from './py-format.js';
import { isAnyError, isMap, isPlainObject, isSet } from './value-kinds.js';

/** Prints one Ice-printable value; supplied by the Ice printer. */
export type DescribablePrinter = (value: unknown) => string | undefined;

/** Python-style repr of `value`; cycles print as `[...]` / `{...}` like Python. */
export function pyRepr(value: unknown, printIce: DescribablePrinter): string {
  return reprValue(value, printIce, new Set<object>());
}

function reprValue(value: unknown, printIce: DescribablePrinter, active: Set<object>): string {
  if (value === null || value === undefined) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : pythonFloat(value);
  if (typeof value === 'bigint') return String(value);
  if (typeof value === 'string') return pythonStrRepr(value);
  if (typeof value !== 'object') return String(value);
  const ice = printIce(value);
  if (ice !== undefined) return ice;
  if (active.has(value)) return Array.isArray(value) ? '[...]' : '{...}';
  active.add(value);
  try {
    return reprContainer(value, printIce, active);
  } finally {
    active.delete(value);
  }
}

function reprContainer(value: object, printIce: DescribablePrinter, active: Set<object>): string {
  const item = (v: unknown): string => reprValue(v, printIce, active);
  if (Array.isArray(value)) return `[${value.map(item).join(', ')}]`;
  if (isSet(value)) {
    return value.size === 0 ? 'set()' : `{${Array.from(value, item).join(', ')}}`;
  }
  if (isMap(value)) {
    return `{${Array.from(value, ([k, v]) => `${item(k)}: ${item(v)}`).join(', ')}}`;
  }
  if (isAnyError(value)) return `${value.name}(${pythonStrRepr(value.message)})`;
  if (isPlainObject(value)) {
    return `{${Object.entries(value).map(([k, v]) => `${pythonStrRepr(k)}: ${item(v)}`).join(', ')}}`;
  }
  return String(value);
}
