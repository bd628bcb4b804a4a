/** `omero.RList` implementation. */
import { iceClass, member } from '../ice/ice-members.js';
import { objectType, seqType } from '../ice/ice-type.js';
import { collectionItems, RCollection } from './r-collection.js';
import type { RType } from './r-type.js';

/** A remote list of rtypes (e.g. `ids` for `in (:ids)`). Build with `rlist(...)`. */
export class RListI extends RCollection {
  static override readonly ice = iceClass('::omero::RList', null, [member('_val', seqType(objectType('::omero::RType')))]);

  /** `new RListI([a, b])`, `new RListI(a, b)` or `new RListI()`; items must be rtypes. */
  constructor(arg?: RType | Iterable<RType> | null, ...rest: RType[]) {
    super(collectionItems(arg, rest));
  }
}
