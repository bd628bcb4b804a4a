/**
 * `omero.RType`: the common base of remote-typed values (reference omero-api.md §2.4). The value lives
 * in the own property `_val` (the Ice member name); `val` is a read-only prototype getter.
 */
import { ClientError } from '../exceptions/client-error.js';
import { iceStringify } from '../ice/ice-print.js';
import { INSPECT_CUSTOM, inspectAsIce } from '../ice/inspect-custom.js';
import { describeMembers, type IceClassSpec } from '../ice/ice-members.js';
import { ICE_DESCRIBE, type IceDescribeOptions, type IceDescription } from '../ice/ice-value.js';

/** Constructor shape of RType subclasses. */
export interface RTypeClass {
  readonly ice: IceClassSpec;
}

/**
 * Base of all rtypes. `val`/`getValue()` read the value; assigning `val` throws
 * `ClientError("Cannot write to val")` as in omero-py (and is a compile error in TypeScript).
 */
export abstract class RType<T = unknown> {
  /** Slice type id and the single `_val` member. Every subclass overrides it. */
  static readonly ice: IceClassSpec;

  /** The wrapped value (Ice member `_val`). Prefer `val` / `getValue()`. */
  _val: T;

  protected constructor(value: T) {
    this._val = value;
  }

  /** The wrapped value. Read-only. */
  get val(): T {
    return this._val;
  }

  set val(_value: never) {
    throw new ClientError('Cannot write to val');
  }

  /** The wrapped value, as `getValue()` in omero-py. */
  getValue(): T {
    return this._val;
  }

  /**
   * Value equality, only with the same rtype kind: `rlong(1).equals(rlong(1))` is true,
   * `rlong(1).equals(rint(1))` and `rstring('a').equals('a')` are false.
   */
  equals(other: unknown): boolean {
    if (other === this) return true;
    if (!(other instanceof RType) || !(other instanceof (this.constructor as abstract new (...a: never[]) => RType))) {
      return false;
    }
    return this.valueEquals(other._val);
  }

  /** Compares wrapped values; collections override it. */
  protected valueEquals(other: unknown): boolean {
    return this._val === other;
  }

  /** The Slice type id, e.g. `::omero::RString`. */
  ice_id(): string {
    return (this.constructor as unknown as RTypeClass).ice.typeId;
  }

  /** Describes `_val` for the Ice printer. */
  [ICE_DESCRIBE](_options: IceDescribeOptions): IceDescription {
    const spec = (this.constructor as unknown as RTypeClass).ice;
    return { typeId: spec.typeId, members: describeMembers(this, spec) };
  }

  /** Python `str(x)`: the Ice dump. */
  toString(): string {
    return iceStringify(this);
  }

  /** Node REPL / console.log display: the Ice dump. */
  [INSPECT_CUSTOM](): string {
    return inspectAsIce(this);
  }
}

/** True when `a` and `b` are both null/undefined or equal rtypes. */
export function rtypeItemEquals(a: unknown, b: unknown): boolean {
  if (a === null || a === undefined) return b === null || b === undefined;
  return a instanceof RType && a.equals(b);
}
