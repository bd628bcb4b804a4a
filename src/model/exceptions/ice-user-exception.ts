/**
 * Base of exceptions that Ice prints as `exception ::module::Name` followed by a member block
 * (IcePy `stringifyException`, reference omero-api.md §2.7 and §5.1).
 */
import { INSPECT_CUSTOM, inspectAsIce } from '../ice/inspect-custom.js';
import { describeMembers, iceClass, type IceClassSpec } from '../ice/ice-members.js';
import { ICE_DESCRIBE, type IceDescribeOptions, type IceDescription } from '../ice/ice-value.js';

/** Constructor shape of {@link IceUserException} subclasses. */
export interface IceExceptionClass {
  readonly ice: IceClassSpec;
}

/**
 * An Ice user exception: a JavaScript `Error` whose `name` is the class name (so `String(e)` reads
 * `SecurityViolation: Cannot read …`), with the Slice type id and data members in the static `ice` spec.
 */
export abstract class IceUserException extends Error {
  /** Slice type id and members. Every subclass overrides it. */
  static readonly ice: IceClassSpec = iceClass('::Ice::UserException', null);

  /** The Slice type id, e.g. `::omero::SecurityViolation`. */
  ice_id(): string {
    return (this.constructor as unknown as IceExceptionClass).ice.typeId;
  }

  /** Describes the exception for the Ice printer. */
  [ICE_DESCRIBE](_options: IceDescribeOptions): IceDescription {
    const spec = (this.constructor as unknown as IceExceptionClass).ice;
    return { typeId: spec.typeId, exception: true, members: describeMembers(this, spec) };
  }

  /** Node REPL display: the Ice text, as Python prints the exception. */
  [INSPECT_CUSTOM](): string {
    return inspectAsIce(this);
  }
}

/** Sets the prototype `name` of an exception class (kept out of own properties, survives minification). */
export function nameException(cls: { prototype: Error }, name: string): void {
  Object.defineProperty(cls.prototype, 'name', { value: name, writable: true, configurable: true, enumerable: false });
}
