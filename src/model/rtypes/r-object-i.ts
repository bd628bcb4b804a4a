/** `omero.RObject` implementation. */
import { iceClass, member } from '../ice/ice-members.js';
import { objectType } from '../ice/ice-type.js';
import type { IObject } from '../objects/i-object.js';
import { RType } from './r-type.js';

/** A remote reference to a model object (projection results). Build with `robject(obj)`. */
export class RObjectI extends RType<IObject | null> {
  static override readonly ice = iceClass('::omero::RObject', null, [
    member('_val', objectType('::omero::model::IObject')),
  ]);

  constructor(value: IObject | null) {
    super(value ?? null);
  }
}
