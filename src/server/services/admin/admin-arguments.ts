import { ApiUsageException, type IObject, type RType } from '../../../model/index.js';

/** An id given as a number, an rtype, or a (possibly unloaded) model object. */
export type IdLike = number | string | RType | IObject | { readonly val: unknown } | null | undefined;

/** Reads an id from whatever the caller passed, as Ice would marshal it. */
export function idOf(x: IdLike, what: string): number {
  let v: unknown = x;
  if (v && typeof v === 'object' && 'id' in (v as object)) v = (v as { id: unknown }).id;
  if (v && typeof v === 'object' && 'val' in (v as object)) v = (v as { val: unknown }).val;
  if (typeof v === 'string' && /^\d+$/.test(v)) v = Number(v);
  if (typeof v !== 'number' || !Number.isSafeInteger(v)) throw new ApiUsageException(`${what} must have an id`);
  return v;
}

/** Reads a string from an rtype or a plain string; null/undefined stay null. */
export function strOf(x: unknown): string | null {
  if (x === null || x === undefined) return null;
  if (typeof x === 'object' && 'val' in (x as object)) return strOf((x as { val: unknown }).val);
  return String(x);
}

/** A required, non-blank string field. */
export function requiredStr(x: unknown, field: string): string {
  const s = strOf(x);
  if (s === null || s.trim() === '') {
    throw new ApiUsageException(`not-null property references a null or transient value: ${field}`);
  }
  return s;
}

/** A list argument (Python list or a single object). */
export function listOf<T>(x: T | readonly T[] | null | undefined): T[] {
  if (x === null || x === undefined) return [];
  return Array.isArray(x) ? [...x] : [x as T];
}
