/** `omero.RString` implementation. */
import { iceClass, member } from '../ice/ice-members.js';
import { RType } from './r-type.js';

/** A remote string. Build with `rstring(v)`. */
export class RStringI extends RType<string> {
  static override readonly ice = iceClass('::omero::RString', null, [member('_val', 'string')]);

  constructor(value: string) {
    super(String(value));
  }
}
