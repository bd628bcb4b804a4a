import {
  ApiUsageException,
  RType,
  rbool,
  rdouble,
  rint,
  rlong,
  rstring,
  rtime,
} from '../../model/index.js';
import type { ValueKind } from '../db/entities.js';

/**
 * Conversions between database column values and rtypes, by the entity map's `ValueKind`
 * (reference api §2.4): long → RLong, int → RInt, double → RDouble, string → RString,
 * bool → RBool, time → RTime (ms since the epoch). SQL null is null both ways.
 */

/** A column value as the rtype a client receives. */
export function columnToRType(kind: ValueKind, value: unknown): RType | null {
  if (value === null || value === undefined) return null;
  switch (kind) {
    case 'long':
      return rlong(Number(value));
    case 'int':
      return rint(Number(value));
    case 'double':
      return rdouble(Number(value));
    case 'string':
      return rstring(String(value));
    case 'bool':
      return rbool(Boolean(value));
    case 'time':
      return rtime(value instanceof Date ? value : Number(value));
  }
}

/**
 * A model field's value as a column value. Fields must hold rtypes (or null): a bare value is
 * refused as omero-py refuses it when marshalling (`invalid value for … member '_name'`).
 */
export function rtypeToColumn(kind: ValueKind, value: unknown, label: string): unknown {
  if (value === null || value === undefined) return null;
  if (!(value instanceof RType)) throw new ApiUsageException(`invalid value for ${label}: expected an rtype`);
  const v = value.val;
  if (v === null || v === undefined) return null;
  switch (kind) {
    case 'long':
    case 'int':
      return checkedNumber(Number(v), label, true);
    case 'double':
      return checkedNumber(Number(v), label, false);
    case 'string':
      return String(v);
    case 'bool':
      return Boolean(v);
    case 'time':
      return new Date(checkedNumber(Number(v), label, true));
  }
}

function checkedNumber(n: number, label: string, integer: boolean): number {
  if (!Number.isFinite(n) || (integer && !Number.isSafeInteger(n))) {
    throw new ApiUsageException(`invalid value for ${label}: ${n}`);
  }
  return n;
}
