/** `omero.RMap` implementation. */
import { iceClass, member } from '../ice/ice-members.js';
import { dictType, objectType } from '../ice/ice-type.js';
import { RType, rtypeItemEquals } from './r-type.js';
import { isMap } from '../ice/value-kinds.js';

/** Contents of an RMap: string keys, rtype (or null) values. */
export type RTypeDict = Record<string, RType | null>;

/** A remote string-keyed map of rtypes. Build with `rmap({ a: rlong(1) })`. */
export class RMapI extends RType<RTypeDict> {
  static override readonly ice = iceClass('::omero::RMap', null, [
    member('_val', dictType('string', objectType('::omero::RType'))),
  ]);

  /** Copies `arg` (object or Map) and then `extra`; values must be rtypes or null. */
  constructor(arg?: RTypeDict | Map<string, RType | null> | null, extra?: RTypeDict) {
    const dict: RTypeDict = {};
    const entries = [...(isMap(arg) ? (arg as Map<string, RType | null>).entries() : Object.entries(arg ?? {})), ...Object.entries(extra ?? {})];
    for (const [key, value] of entries) {
      if (typeof key !== 'string') throw new Error(`Key of wrong type: ${typeof key}`);
      if (value !== null && !(value instanceof RType)) throw new Error(`Value of wrong type: ${typeof value}`);
      Object.defineProperty(dict, key, { value, enumerable: true, writable: true, configurable: true });
    }
    super(dict);
  }

  /** Value under `key` (undefined when absent). */
  get(key: string): RType | null | undefined {
    return Object.hasOwn(this._val, key) ? this._val[key] : undefined;
  }

  /** Sets `key` to `value`. */
  put(key: string, value: RType | null): void {
    Object.defineProperty(this._val, key, { value, enumerable: true, writable: true, configurable: true });
  }

  /** Number of entries. */
  size(): number {
    return Object.keys(this._val).length;
  }

  protected override valueEquals(other: unknown): boolean {
    if (typeof other !== 'object' || other === null) return false;
    const mine = Object.keys(this._val);
    const theirs = other as RTypeDict;
    if (mine.length !== Object.keys(theirs).length) return false;
    return mine.every((key) => Object.hasOwn(theirs, key) && rtypeItemEquals(this._val[key], theirs[key]));
  }
}
