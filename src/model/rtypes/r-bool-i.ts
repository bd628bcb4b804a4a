/** `omero.RBool` implementation. */
import { iceClass, member } from '../ice/ice-members.js';
import { RType } from './r-type.js';

/** A remote boolean. Build with `rbool(v)` (truthiness). */
export class RBoolI extends RType<boolean> {
  static override readonly ice = iceClass('::omero::RBool', null, [member('_val', 'bool')]);

  constructor(value: boolean) {
    super(Boolean(value));
  }
}
