/** `omero.RTime` implementation. */
import { iceClass, member } from '../ice/ice-members.js';
import { toInteger } from './coerce.js';
import { RType } from './r-type.js';

/** A remote timestamp in milliseconds since the epoch. Build with `rtime(ms)`. */
export class RTimeI extends RType<number> {
  static override readonly ice = iceClass('::omero::RTime', null, [member('_val', 'long')]);

  constructor(value: number | bigint | string) {
    super(toInteger(value, 'time'));
  }
}
