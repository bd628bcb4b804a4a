/** `omero.RLong` implementation. */
import { iceClass, member } from '../ice/ice-members.js';
import { toInteger } from './coerce.js';
import { RType } from './r-type.js';

/** A remote 64-bit integer (ids, counts). Build with `rlong(v)`; the value is coerced as Python's `long()`. */
export class RLongI extends RType<number> {
  static override readonly ice = iceClass('::omero::RLong', null, [member('_val', 'long')]);

  constructor(value: number | bigint | string) {
    super(toInteger(value, 'long'));
  }
}
