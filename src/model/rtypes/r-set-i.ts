/** `omero.RSet` implementation. */
import { iceClass, member } from '../ice/ice-members.js';
import { objectType, seqType } from '../ice/ice-type.js';
import { collectionItems, RCollection } from './r-collection.js';
import type { RType } from './r-type.js';

/** A remote set of rtypes; like omero-py it keeps an ordered array. Build with `rset(...)`. */
export class RSetI extends RCollection {
  static override readonly ice = iceClass('::omero::RSet', null, [member('_val', seqType(objectType('::omero::RType')))]);

  /** `new RSetI([a, b])`, `new RSetI(a, b)` or `new RSetI()`; items must be rtypes. */
  constructor(arg?: RType | Iterable<RType> | null, ...rest: RType[]) {
    super(collectionItems(arg, rest));
  }
}
