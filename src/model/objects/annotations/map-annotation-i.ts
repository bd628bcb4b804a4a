/** `omero.model.MapAnnotationI`: key/value pairs (docs `Model/KeyValuePairs.rst`). */
import { defineModelClass } from '../define-model-class.js';
import type { FieldAccessors, NamedValuesAccessor } from '../field-accessors.js';
import { field, modelMeta } from '../model-meta.js';
import type { NamedValue } from '../named-value.js';
import { AnnotationI } from './annotation-i.js';

/**
 * Ordered name/value pairs (`mapValue`, a list of NamedValue; duplicates allowed).
 * `getMapValueAsMap()` returns them as an object.
 */
export class MapAnnotationI extends AnnotationI {
  static override readonly meta = modelMeta({
    shortName: 'MapAnnotation',
    serverClass: 'ome.model.annotations.MapAnnotation',
    parent: AnnotationI.meta,
    members: [field('mapValue', 'namedValues')],
  });

  /** The pairs; null when unset. */
  declare mapValue: NamedValue[] | null;
}
export interface MapAnnotationI
  extends FieldAccessors<{ mapValue: NamedValue[] | null }>,
    NamedValuesAccessor<'mapValue'> {}
defineModelClass(MapAnnotationI);
