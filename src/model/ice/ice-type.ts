/**
 * A tiny Slice type language for data members, and the conversion of stored JavaScript values into
 * {@link IceValue}s. Used by every generic describer (sys, cmd, exceptions, model objects).
 */
import type { IceValue } from './ice-value.js';
import { isMap, isSet } from './value-kinds.js';

/** Scalar Slice kinds. `long` covers Slice `int` and `long`; `double` covers `float` and `double`. */
export type IceScalarType = 'string' | 'bool' | 'long' | 'double' | 'enum' | 'proxy';

/** A Slice member type: a scalar, a class reference (`object`), a sequence or a dictionary. */
export type IceType =
  | IceScalarType
  | { readonly object: string }
  | { readonly seq: IceType }
  | { readonly dict: readonly [IceType, IceType] };

/** Class reference to the given Slice type id (used for invalid-value text only). */
export function objectType(typeId = '::Ice::Object'): IceType {
  return { object: typeId };
}

/** Sequence of `element`. */
export function seqType(element: IceType): IceType {
  return { seq: element };
}

/** Dictionary from `key` to `value`. */
export function dictType(key: IceType, value: IceType): IceType {
  return { dict: [key, value] };
}

/** Converts a stored value to the printer's typed form according to `type`. */
export function toIceValue(type: IceType, value: unknown): IceValue {
  if (typeof type === 'string') {
    return { k: type, v: value };
  }
  if ('object' in type) {
    return { k: 'object', v: value, expected: type.object };
  }
  if ('seq' in type) {
    if (value === null || value === undefined) return { k: 'seq', v: null };
    if (!isIterableCollection(value)) return { k: 'seq', v: null, invalid: true };
    return { k: 'seq', v: Array.from(value as Iterable<unknown>, (item) => toIceValue(type.seq, item)) };
  }
  if (value === null || value === undefined) return { k: 'dict', v: null };
  const [keyType, valueType] = type.dict;
  const entries = dictEntries(value);
  if (entries === null) return { k: 'dict', v: null, invalid: true };
  return {
    k: 'dict',
    v: entries.map(([key, item]) => [toIceValue(keyType, key), toIceValue(valueType, item)] as const),
  };
}

/** Default value Ice/Python gives a member of `type` when the constructor omits it. */
export function iceDefault(type: IceType): unknown {
  if (type === 'string') return '';
  if (type === 'bool') return false;
  if (type === 'long' || type === 'double') return 0;
  return null;
}

function isIterableCollection(value: unknown): boolean {
  return Array.isArray(value) || isSet(value);
}

function dictEntries(value: unknown): Array<readonly [unknown, unknown]> | null {
  if (isMap(value)) return Array.from(value.entries());
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    return Object.entries(value);
  }
  return null;
}
