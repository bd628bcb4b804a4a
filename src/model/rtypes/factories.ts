/**
 * omero.rtypes factory functions with omero-py's semantics (reference omero-api.md §2.4). Each returns
 * its argument unchanged when it already is the right rtype. omero-py hands out shared flyweights
 * (`rtrue`, `remptystr`, `rlong0`…); here every call returns a fresh instance — equal by `equals()`.
 */
import { RBoolI } from './r-bool-i.js';
import { RDoubleI } from './r-double-i.js';
import { RFloatI } from './r-float-i.js';
import { RIntI } from './r-int-i.js';
import { RListI } from './r-list-i.js';
import { RLongI } from './r-long-i.js';
import { RMapI, type RTypeDict } from './r-map-i.js';
import { RSetI } from './r-set-i.js';
import { RStringI } from './r-string-i.js';
import { RTimeI } from './r-time-i.js';
import type { RType } from './r-type.js';
import { isDate } from '../ice/value-kinds.js';

/** `rstring(v)`: null/undefined → `rstring('')`; an RString passes through; other values → `String(v)`. */
export function rstring(value?: unknown): RStringI {
  if (value === null || value === undefined) return new RStringI('');
  if (value instanceof RStringI) return value;
  return new RStringI(typeof value === 'string' ? value : String(value));
}

/** `rlong(v)`: null/undefined → null; numbers are truncated, numeric strings parsed (Python `long()`). */
export function rlong(value: number | bigint | string | RLongI): RLongI;
export function rlong(value: number | bigint | string | RLongI | null | undefined): RLongI | null;
export function rlong(value: number | bigint | string | RLongI | null | undefined): RLongI | null {
  if (value === null || value === undefined) return null;
  return value instanceof RLongI ? value : new RLongI(value);
}

/** `rint(v)`: null/undefined → null; otherwise an RIntI (Python `int()` coercion). */
export function rint(value: number | bigint | string | RIntI): RIntI;
export function rint(value: number | bigint | string | RIntI | null | undefined): RIntI | null;
export function rint(value: number | bigint | string | RIntI | null | undefined): RIntI | null {
  if (value === null || value === undefined) return null;
  return value instanceof RIntI ? value : new RIntI(value);
}

/** `rtime(ms)`: null/undefined → null; milliseconds since the epoch (a Date is accepted too). */
export function rtime(value: number | bigint | string | Date | RTimeI): RTimeI;
export function rtime(value: number | bigint | string | Date | RTimeI | null | undefined): RTimeI | null;
export function rtime(value: number | bigint | string | Date | RTimeI | null | undefined): RTimeI | null {
  if (value === null || value === undefined) return null;
  if (value instanceof RTimeI) return value;
  return new RTimeI(isDate(value) ? value.getTime() : value);
}

/** `rbool(v)`: null/undefined → null; otherwise the truthiness of `v`. */
export function rbool(value: null | undefined): null;
export function rbool(value: unknown): RBoolI;
export function rbool(value: unknown): RBoolI | null {
  if (value === null || value === undefined) return null;
  return value instanceof RBoolI ? value : new RBoolI(Boolean(value));
}

/** `rdouble(v)`: null/undefined → null; otherwise Python `float()` coercion. */
export function rdouble(value: number | string | RDoubleI): RDoubleI;
export function rdouble(value: number | string | RDoubleI | null | undefined): RDoubleI | null;
export function rdouble(value: number | string | RDoubleI | null | undefined): RDoubleI | null {
  if (value === null || value === undefined) return null;
  return value instanceof RDoubleI ? value : new RDoubleI(value);
}

/** `rfloat(v)`: null/undefined → null; otherwise Python `float()` coercion. */
export function rfloat(value: number | string | RFloatI): RFloatI;
export function rfloat(value: number | string | RFloatI | null | undefined): RFloatI | null;
export function rfloat(value: number | string | RFloatI | null | undefined): RFloatI | null {
  if (value === null || value === undefined) return null;
  return value instanceof RFloatI ? value : new RFloatI(value);
}

/** `rlist()`, `rlist([a, b])` or `rlist(a, b)`: items must be rtypes ("Item of wrong type"). */
export function rlist(arg?: RType | Iterable<RType> | null, ...rest: RType[]): RListI {
  return new RListI(arg, ...rest);
}

/** `rset()`, `rset([a, b])` or `rset(a, b)`: items must be rtypes. */
export function rset(arg?: RType | Iterable<RType> | null, ...rest: RType[]): RSetI {
  return new RSetI(arg, ...rest);
}

/** `rmap({ k: rtype })` (or a Map), with optional extra entries as Python's `**kwargs`. */
export function rmap(arg?: RTypeDict | Map<string, RType | null> | null, extra?: RTypeDict): RMapI {
  return new RMapI(arg, extra);
}
