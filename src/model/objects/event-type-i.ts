/** `omero.model.EventTypeI`: enumeration of event kinds (`User`, `Internal`, `Sessions`…). */
import type { RStringI } from '../rtypes/r-string-i.js';
import { defineModelClass } from './define-model-class.js';
import type { FieldAccessors } from './field-accessors.js';
import { IObject } from './i-object.js';
import { field, modelMeta } from './model-meta.js';

/** An EventType enumeration entry (`ome.model.enums.EventType`); `value` is e.g. `User`. */
export class EventTypeI extends IObject {
  static override readonly meta = modelMeta({
    shortName: 'EventType',
    serverClass: 'ome.model.enums.EventType',
    global: true,
    versioned: false,
    members: [field('value', 'string', { required: true, unique: true })],
  });

  /** The enumeration value (RString). */
  declare value: RStringI | null;
}
export interface EventTypeI extends FieldAccessors<{ value: RStringI | null }> {}
defineModelClass(EventTypeI);
