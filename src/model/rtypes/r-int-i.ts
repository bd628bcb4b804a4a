/** `omero.RInt` implementation. */
import { iceClass, member } from '../ice/ice-members.js';
import { toInteger } from './coerce.js';
import { RType } from './r-type.js';

/** A remote 32-bit integer (offsets, limits, versions). Build with `rint(v)`. */
export class RIntI extends RType<number> {
  static override readonly ice = iceClass('::omero::RInt', null, [member('_val', 'long')]);

  constructor(value: number | bigint | string) {
    super(toInteger(value, 'int'));
  }
}
