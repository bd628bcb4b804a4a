/**
 * Python's `int()` / `float()` coercions used by the rtype constructors (`RLongI(long(v))`, `RDoubleI(float(v))`).
 */

/** Python `int(v)`: truncates numbers, parses numeric strings, accepts booleans and bigints. */
export function toInteger(value: unknown, what: string): number {
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'boolean') return value ? 1 : 0;
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value.trim()) : value;
  if (typeof n !== 'number' || !Number.isFinite(n)) {
    throw new Error(`invalid ${what} value: ${String(value)}`);
  }
  return Math.trunc(n);
}

/** Python `float(v)`: numbers as is (including NaN/Infinity), numeric strings parsed. */
export function toFloat(value: unknown, what: string): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'string' && value.trim() !== '') {
    const n = Number(value.trim());
    if (!Number.isNaN(n)) return n;
  }
  throw new Error(`invalid ${what} value: ${String(value)}`);
}
