/**
 * The protocol every Ice-printable value implements, and the typed member values the printer walks.
 *
 * IcePy prints a value by walking its Slice type (reference omero-api.md §5.1): a class member that is
 * `None` prints `<nil>`, a `None` sequence or dictionary prints `{}`. JavaScript values carry no Slice
 * type, so each printable class describes its members with an {@link IceValue} that names the kind.
 */

/** Symbol under which printable classes expose {@link IceDescribable}. `Symbol.for` so that copies of this module agree. */
export const ICE_DESCRIBE: unique symbol = Symbol.for('omero-shell.ice.describe') as never;

/** Options passed to {@link IceDescribable} by the printer. */
export interface IceDescribeOptions {
  /**
   * Print the OMERO 4.4/5.0 layout (seed 002): EventContext without `sudoerId`, `sudoerName`,
   * `adminPrivileges`, Permissions without `_extendedRestrictions`. Default `false` (current ≥5.4 layout).
   */
  readonly legacy: boolean;
}

/** One printed data member: its Ice name (e.g. `_name`, `userId`) and value. */
export type IceMember = readonly [name: string, value: IceValue];

/** What a printable value reports about itself. */
export interface IceDescription {
  /** Dynamic Slice type id, e.g. `::omero::model::Project`. */
  readonly typeId: string;
  /** `true` for Ice user exceptions, printed as `exception <typeId>` with no object number. */
  readonly exception?: boolean;
  /** Data members, base class first, in Slice declaration order. */
  readonly members: readonly IceMember[];
}

/** A value that can describe itself for Ice printing. */
export interface IceDescribable {
  [ICE_DESCRIBE](options: IceDescribeOptions): IceDescription;
}

/**
 * A typed member value. `expected` on `object`/`seq` is the Slice type id used in IcePy's
 * `<invalid value - expected …>` text when the stored value has the wrong type.
 */
export type IceValue =
  | { readonly k: 'string'; readonly v: unknown }
  | { readonly k: 'bool'; readonly v: unknown }
  | { readonly k: 'long'; readonly v: unknown }
  | { readonly k: 'double'; readonly v: unknown }
  | { readonly k: 'enum'; readonly v: unknown }
  | { readonly k: 'proxy'; readonly v: unknown }
  | { readonly k: 'object'; readonly v: unknown; readonly expected?: string }
  | { readonly k: 'seq'; readonly v: readonly IceValue[] | null; readonly invalid?: boolean }
  | { readonly k: 'dict'; readonly v: ReadonlyArray<readonly [IceValue, IceValue]> | null; readonly invalid?: boolean };

/** True when `value` implements {@link IceDescribable}. */
export function isIceDescribable(value: unknown): value is IceDescribable {
  return (
    value !== null &&
    (typeof value === 'object' || typeof value === 'function') &&
    typeof (value as Partial<IceDescribable>)[ICE_DESCRIBE] === 'function'
  );
}
