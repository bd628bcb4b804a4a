/**
 * Base class of plain Ice data classes (omero.sys, omero.cmd, NamedValue, Details): members are
 * ordinary own properties initialised from the subclass's static `ice` spec; printing, `ice_id()`,
 * `toString()` (Python `str()`) and Node's inspect hook are derived from the same spec.
 */
import { iceStringify } from './ice-print.js';
import { INSPECT_CUSTOM, inspectAsIce } from './inspect-custom.js';
import { describeMembers, iceClass, initMembers, type IceClassSpec } from './ice-members.js';
import { ICE_DESCRIBE, type IceDescribeOptions, type IceDescription } from './ice-value.js';

/** Constructor shape of {@link IceData} subclasses. */
export interface IceDataClass {
  readonly ice: IceClassSpec;
}

/** Base of spec-driven Ice data classes. Subclasses set `static override readonly ice`. */
export abstract class IceData {
  /** Slice type id and members (base first). Every concrete subclass overrides it. */
  static readonly ice: IceClassSpec = iceClass('::Ice::Object', null);

  /** Positional members in Slice order, or one options object (see `initMembers`). */
  constructor(...args: unknown[]) {
    initMembers(this, (new.target as unknown as IceDataClass).ice, args);
  }

  /** The Slice type id, as Python's `ice_id()`. */
  ice_id(): string {
    return (this.constructor as unknown as IceDataClass).ice.typeId;
  }

  /** Describes the members for {@link iceStringify}. */
  [ICE_DESCRIBE](_options: IceDescribeOptions): IceDescription {
    const spec = (this.constructor as unknown as IceDataClass).ice;
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
