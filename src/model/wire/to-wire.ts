/**
 * `toWire(value)`: encodes any graph of model-layer values into the JSON-compatible wire format
 * (see wire-format.ts), preserving classes, shared references and cycles.
 */
import { isAnyError, isDate, isMap, isPlainObject, isSet } from '../ice/value-kinds.js';
import { BUILTIN_ERRORS, ERROR_HIDDEN_FIELDS } from './wire-format.js';
import { classDefaults, isDefault, type ClassDefaults } from './class-defaults.js';
import { wireNameOf } from './wire-registry.js';

/** Encodes `value`. Throws on functions, symbols and instances of unregistered classes. */
export function toWire(value: unknown): unknown {
  const counts = new Map<object, number>();
  countReferences(value, counts);
  return new Encoder(counts).encode(value);
}

function countReferences(root: unknown, counts: Map<object, number>): void {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value !== 'object' || value === null) continue;
    const seen = counts.get(value) ?? 0;
    counts.set(value, seen + 1);
    if (seen === 0) stack.push(...children(value));
  }
}

function children(value: object): unknown[] {
  if (Array.isArray(value)) return [...value];
  // Model objects skip the kind checks: most values are model objects, and the checks are not free.
  if (className(value) === undefined) {
    if (isMap(value)) return [...value].flat();
    if (isSet(value)) return [...value];
    if (isDate(value)) return [];
  }
  return fieldNames(value).map((key) => (value as Record<string, unknown>)[key]);
}

function fieldNames(value: object): string[] {
  const names = Object.keys(value);
  // Errors of this realm are `instanceof Error`; the slower realm-proof test only for the rest.
  if (value instanceof Error || (className(value) === undefined && isAnyError(value))) {
    for (const hidden of ERROR_HIDDEN_FIELDS) {
      if (Object.hasOwn(value, hidden) && !names.includes(hidden)) names.push(hidden);
    }
  }
  return names;
}

function className(value: object): string | undefined {
  return wireNameOf(value.constructor);
}

class Encoder {
  readonly #counts: Map<object, number>;
  readonly #ids = new Map<object, number>();

  constructor(counts: Map<object, number>) {
    this.#counts = counts;
  }

  encode(value: unknown): unknown {
    switch (typeof value) {
      case 'undefined':
        return { $u: 1 };
      case 'boolean':
      case 'string':
        return value;
      case 'number':
        return encodeNumber(value);
      case 'bigint':
        return { $b: value.toString() };
      case 'function':
      case 'symbol':
        throw new Error(`toWire: cannot encode a ${typeof value}`);
      default:
        return value === null ? null : this.#object(value as object);
    }
  }

  #object(value: object): unknown {
    const id = this.#ids.get(value);
    if (id !== undefined) return { $ref: id };
    const tag = (this.#counts.get(value) ?? 0) > 1 ? this.#assignId(value) : undefined;
    const withId = (encoded: Record<string, unknown>): Record<string, unknown> =>
      tag === undefined ? encoded : { ...encoded, $id: tag };
    if (Array.isArray(value)) {
      const items = value.map((item) => this.encode(item));
      return tag === undefined ? items : { $a: items, $id: tag };
    }
    const name = className(value);
    if (name !== undefined) return withId({ $c: name, f: this.#fields(value, classDefaults(value.constructor as never)) });
    if (isDate(value)) return withId({ $d: value.getTime() });
    if (isMap(value)) return withId({ $m: [...value].map(([k, v]) => [this.encode(k), this.encode(v)]) });
    if (isSet(value)) return withId({ $s: [...value].map((item) => this.encode(item)) });
    if (isAnyError(value)) {
      const builtin = Object.hasOwn(BUILTIN_ERRORS, value.constructor.name) ? value.constructor.name : 'Error';
      return withId({ $e: builtin, f: this.#fields(value) });
    }
    if (isPlainObject(value)) {
      const fields = this.#fields(value);
      const escaped = Object.getPrototypeOf(value) === null || Object.keys(fields).some((key) => key.startsWith('$'));
      if (!escaped) return withId(fields);
      return withId(Object.getPrototypeOf(value) === null ? { $o: fields, $np: 1 } : { $o: fields });
    }
    const ctor = (value as { constructor?: { name?: string } }).constructor?.name ?? 'unknown';
    throw new Error(`toWire: cannot encode an instance of unregistered class ${ctor}`);
  }

  #assignId(value: object): number {
    const id = this.#ids.size;
    this.#ids.set(value, id);
    return id;
  }

  /** Own fields; those still at their class's default (`class-defaults.ts`) are left out. */
  #fields(value: object, defaults: ClassDefaults = null): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const key of fieldNames(value)) {
      const field = (value as Record<string, unknown>)[key];
      if (isDefault(defaults, key, field)) continue;
      const encoded = this.encode(field);
      // Plain assignment is several times faster; only `__proto__` would set the prototype instead.
      if (key !== '__proto__') out[key] = encoded;
      else Object.defineProperty(out, key, { value: encoded, enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
}

function encodeNumber(value: number): unknown {
  if (Number.isNaN(value)) return { $n: 'NaN' };
  if (value === Infinity) return { $n: 'Infinity' };
  if (value === -Infinity) return { $n: '-Infinity' };
  if (Object.is(value, -0)) return { $n: '-0' };
  return value;
}
