/** `omero.RDouble` implementation. */
import { iceClass, member } from '../ice/ice-members.js';
import { toFloat } from './coerce.js';
import { RType } from './r-type.js';

/** A remote double. Build with `rdouble(v)`; prints as a Python float (`1.0`). */
export class RDoubleI extends RType<number> {
  static override readonly ice = iceClass('::omero::RDouble', null, [member('_val', 'double')]);

  constructor(value: number | string) {
    super(toFloat(value, 'double'));
  }
}
