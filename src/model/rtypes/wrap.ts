/**
 * `robject`, `rtype`, `wrap`, `unwrap` (py `src/omero/rtypes.py`): conversions that also know about
 * model objects.
 *
 * Deliberate difference from Python: `rtype(5)` gives an **RLong**, not an RInt. JavaScript has one
 * number type, and the values users wrap are overwhelmingly ids and counts, which are longs in OMERO.
 * Non-integral numbers give an RFloat, as Python's `float` does.
 */
import { ClientError } from '../exceptions/client-error.js';
import { isDate, isMap, isPlainObject, isSet } from '../ice/value-kinds.js';
import { IObject } from '../objects/i-object.js';
import { rbool, rfloat, rlist, rlong, rmap, rset, rstring, rtime } from './factories.js';
import { RCollection } from './r-collection.js';
import { RMapI, type RTypeDict } from './r-map-i.js';
import { RObjectI } from './r-object-i.js';
import { RType } from './r-type.js';

/** `robject(obj)`: null → an RObject holding null; an RObject passes through; else wraps the IObject. */
export function robject(value: IObject | RObjectI | null | undefined): RObjectI {
  if (value === null || value === undefined) return new RObjectI(null);
  if (value instanceof RObjectI) return value;
  if (value instanceof IObject) return new RObjectI(value);
  throw new Error(`Not IObject type: ${typeof value}`);
}

/**
 * `rtype(v)`: one level of conversion by type. null → null; an RType → itself; boolean → rbool;
 * integer number or bigint → rlong (Python: rint); other number → rfloat; string → rstring;
 * Date → rtime; IObject → robject; array → rlist (items must already be rtypes); Set → rset;
 * plain object or Map → rmap (values must be rtypes). Anything else → ClientError.
 */
export function rtype(value: unknown): RType | null {
  if (value === null || value === undefined) return null;
  if (value instanceof RType) return value;
  if (typeof value === 'boolean') return rbool(value);
  if (typeof value === 'bigint') return rlong(value);
  if (typeof value === 'number') return Number.isInteger(value) ? rlong(value) : rfloat(value);
  if (typeof value === 'string') return rstring(value);
  if (isDate(value)) return rtime(value);
  if (value instanceof IObject) return robject(value);
  if (Array.isArray(value)) return rlist(value as RType[]);
  if (isSet(value)) return rset([...(value as Set<RType>)]);
  if (isMap(value) || isPlainObject(value)) return rmap(value as RTypeDict);
  throw new ClientError(`Cannot handle conversion from: ${describe(value)}`);
}

/** `wrap(v)`: like {@link rtype} but recursing into arrays, Sets, Maps and plain objects. */
export function wrap(value: unknown): RType | null {
  return wrapWith(value, new Map<object, RType>());
}

function wrapWith(value: unknown, cache: Map<object, RType>): RType | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object' || value instanceof RType) return rtype(value);
  const cached = cache.get(value);
  if (cached !== undefined) return cached;
  if (Array.isArray(value) || isSet(value)) {
    const result = isSet(value) ? rset() : rlist();
    cache.set(value, result);
    for (const item of value) result._val.push(wrapWith(item, cache) as RType);
    return result;
  }
  if (isMap(value) || isPlainObject(value)) {
    const result = rmap();
    cache.set(value, result);
    const entries = isMap(value) ? [...value.entries()] : Object.entries(value);
    for (const [key, item] of entries) result.put(String(key), wrapWith(item, cache));
    return result;
  }
  return rtype(value);
}

/**
 * `unwrap(v)`: recursively replaces rtypes by their values. RList/RSet → arrays, RMap → plain
 * objects, RObject → its IObject (not unwrapped further), other rtypes → `.val`; arrays, Sets, Maps
 * and plain objects are recursed; everything else (IObjects included) is returned unchanged.
 */
export function unwrap(value: unknown): unknown {
  return unwrapWith(value, new Map<object, unknown>());
}

function unwrapWith(value: unknown, cache: Map<object, unknown>): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object') return value;
  if (cache.has(value)) return cache.get(value);
  if (value instanceof RCollection || Array.isArray(value)) {
    const result: unknown[] = [];
    cache.set(value, result);
    const items: readonly unknown[] = value instanceof RCollection ? value._val : value;
    for (const item of items) result.push(unwrapWith(item, cache));
    return result;
  }
  if (isSet(value)) {
    const result = new Set<unknown>();
    cache.set(value, result);
    for (const item of value) result.add(unwrapWith(item, cache));
    return result;
  }
  if (isMap(value)) {
    const result = new Map<unknown, unknown>();
    cache.set(value, result);
    for (const [key, item] of value) result.set(unwrapWith(key, cache), unwrapWith(item, cache));
    return result;
  }
  if (value instanceof RMapI || isPlainObject(value)) {
    const result: Record<string, unknown> = {};
    cache.set(value, result);
    const source = value instanceof RMapI ? value._val : value;
    for (const [key, item] of Object.entries(source)) {
      Object.defineProperty(result, key, { value: unwrapWith(item, cache), enumerable: true, writable: true, configurable: true });
    }
    return result;
  }
  if (value instanceof RType) {
    cache.set(value, value._val);
    return value._val;
  }
  return value;
}

function describe(value: unknown): string {
  if (typeof value !== 'object' || value === null) return typeof value;
  return (value as { constructor?: { name?: string } }).constructor?.name ?? 'object';
}

