/**
 * `omero.RCollection`: shared behaviour of RListI and RSetI (omero-py keeps both as a list).
 */
import { RType, rtypeItemEquals } from './r-type.js';

/** Builds the item list as omero-py's `RListI(arg, *args)`: null → [], an iterable → its items, else [arg]. */
export function collectionItems(arg: unknown, rest: readonly unknown[]): RType[] {
  let items: unknown[];
  if (arg === null || arg === undefined) items = [];
  else if (arg instanceof RType || !isIterable(arg)) items = [arg];
  else items = [...arg];
  items.push(...rest);
  for (const item of items) {
    if (!(item instanceof RType)) {
      throw new Error(`Item of wrong type: ${describeType(item)}`);
    }
  }
  return items as RType[];
}

function isIterable(value: unknown): value is Iterable<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as Iterable<unknown>)[Symbol.iterator] === 'function';
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value !== 'object') return typeof value;
  return (value as { constructor?: { name?: string } }).constructor?.name ?? 'object';
}

/** Base of RListI / RSetI: `_val` is an array of rtypes. */
export abstract class RCollection extends RType<RType[]> {
  /** Item at `index`. */
  get(index: number): RType | undefined {
    return this._val[index];
  }

  /** Number of items. */
  size(): number {
    return this._val.length;
  }

  /** Appends one item. */
  add(value: RType): void {
    this._val.push(value);
  }

  /** Appends every item of `values` (omero-py's version appends the list itself; this one does not). */
  addAll(values: Iterable<RType>): void {
    for (const value of values) this._val.push(value);
  }

  /** Iterates over the items, as Python's `for x in rlist`. */
  [Symbol.iterator](): Iterator<RType> {
    return this._val[Symbol.iterator]();
  }

  protected override valueEquals(other: unknown): boolean {
    if (!Array.isArray(other) || other.length !== this._val.length) return false;
    return this._val.every((item, index) => rtypeItemEquals(item, other[index]));
  }
}
