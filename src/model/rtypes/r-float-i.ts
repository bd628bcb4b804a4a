/** `omero.RFloat` implementation. */
import { iceClass, member } from '../ice/ice-members.js';
import { toFloat } from './coerce.js';
import { RType } from './r-type.js';

/** A remote float (kept as a JavaScript number, as Python keeps a double until marshalling). Build with `rfloat(v)`. */
export class RFloatI extends RType<number> {
  static override readonly ice = iceClass('::omero::RFloat', null, [member('_val', 'double')]);

  constructor(value: number | string) {
    super(toFloat(value, 'float'));
  }
}
