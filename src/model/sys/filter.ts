/** `omero.sys.Filter` (blitz `System.ice`). */
import { IceData } from '../ice/ice-data.js';
import { iceClass, member } from '../ice/ice-members.js';
import { objectType } from '../ice/ice-type.js';
import type { RBoolI } from '../rtypes/r-bool-i.js';
import type { RIntI } from '../rtypes/r-int-i.js';
import type { RLongI } from '../rtypes/r-long-i.js';
import type { RTimeI } from '../rtypes/r-time-i.js';

/** Fields of a {@link Filter}. */
export interface FilterFields {
  unique: RBoolI | null;
  ownerId: RLongI | null;
  groupId: RLongI | null;
  offset: RIntI | null;
  limit: RIntI | null;
  startTime: RTimeI | null;
  endTime: RTimeI | null;
}

/**
 * Query filter: `offset`/`limit` page every HQL query; `unique` forces a single result;
 * `ownerId`/`groupId`/`startTime`/`endTime` are honoured by IContainer only. All default null.
 */
export class Filter extends IceData {
  static override readonly ice = iceClass('::omero::sys::Filter', null, [
    member('unique', objectType('::omero::RBool')),
    member('ownerId', objectType('::omero::RLong')),
    member('groupId', objectType('::omero::RLong')),
    member('offset', objectType('::omero::RInt')),
    member('limit', objectType('::omero::RInt')),
    member('startTime', objectType('::omero::RTime')),
    member('endTime', objectType('::omero::RTime')),
  ]);

  /** Return a single result. */
  declare unique: RBoolI | null;
  /** Restrict to this owner (IContainer). */
  declare ownerId: RLongI | null;
  /** Restrict to this group (IContainer). */
  declare groupId: RLongI | null;
  /** First row (paging). */
  declare offset: RIntI | null;
  /** Maximum rows (paging). */
  declare limit: RIntI | null;
  /** Lower time bound (IContainer image queries). */
  declare startTime: RTimeI | null;
  /** Upper time bound (IContainer image queries). */
  declare endTime: RTimeI | null;

  constructor(options: Partial<FilterFields>);
  constructor(...values: Array<FilterFields[keyof FilterFields] | undefined>);
  constructor(...args: unknown[]) {
    super(...args);
  }
}
