/**
 * Kind checks that hold across JavaScript realms. Values typed at the shell's prompt come from
 * the REPL's own vm context, whose `Object.prototype`, `Map` and `Date` are not this module's, so
 * `instanceof` and prototype identity would reject `{Project: [1]}` or `new Map()` typed there.
 * These checks use internal slots (brand checks) and prototype shape instead.
 */

/** True for `{…}` literals and null-prototype objects of any realm (not arrays, class instances, Maps). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto === null) return true;
  // Some realm's Object.prototype: its own prototype is null and its constructor is named Object.
  if (Object.getPrototypeOf(proto) !== null) return false;
  const ctor = (proto as { constructor?: unknown }).constructor;
  return typeof ctor === 'function' && ctor.name === 'Object';
}

/** A Map of any realm. */
export function isMap(value: unknown): value is Map<unknown, unknown> {
  return tagged(value, '[object Map]') && brand(value, Map.prototype.has);
}

/** A Set of any realm. */
export function isSet(value: unknown): value is Set<unknown> {
  return tagged(value, '[object Set]') && brand(value, Set.prototype.has);
}

/** A Date of any realm. */
export function isDate(value: unknown): value is Date {
  return tagged(value, '[object Date]') && brand(value, Date.prototype.getTime);
}

/** An Error of any realm (what `util.types.isNativeError` says, without importing node:util). */
export function isAnyError(value: unknown): value is Error {
  return value instanceof Error || tagged(value, '[object Error]');
}

/**
 * The built-in tag (`Object.prototype.toString`): cheap, and any realm's. It can be faked
 * (`Symbol.toStringTag`), so Maps, Sets and Dates confirm a match by the brand check; but most
 * values fail here, without the brand check's throw.
 */
function tagged(value: unknown, tag: string): boolean {
  return typeof value === 'object' && value !== null && Object.prototype.toString.call(value) === tag;
}

function brand(value: unknown, method: (this: never, ...args: never[]) => unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  try {
    (method as (this: unknown) => unknown).call(value);
    return true;
  } catch {
    return false;
  }
}
