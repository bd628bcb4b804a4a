/**
 * `omero.model.BasicAnnotation` (abstract) and its subclasses: Boolean, Timestamp, Term, and the
 * NumericAnnotation pair Long and Double.
 */
import type { RBoolI } from '../../rtypes/r-bool-i.js';
import type { RDoubleI } from '../../rtypes/r-double-i.js';
import type { RLongI } from '../../rtypes/r-long-i.js';
import type { RStringI } from '../../rtypes/r-string-i.js';
import type { RTimeI } from '../../rtypes/r-time-i.js';
import { defineModelClass } from '../define-model-class.js';
import type { FieldAccessors } from '../field-accessors.js';
import { field, modelMeta } from '../model-meta.js';
import { AnnotationI } from './annotation-i.js';

/** Base of single-value annotations. */
export abstract class BasicAnnotationI extends AnnotationI {
  static override readonly meta = modelMeta({
    shortName: 'BasicAnnotation',
    serverClass: 'ome.model.annotations.BasicAnnotation',
    parent: AnnotationI.meta,
    abstract: true,
    members: [],
  });
}
defineModelClass(BasicAnnotationI);

/** Base of numeric annotations. */
export abstract class NumericAnnotationI extends BasicAnnotationI {
  static override readonly meta = modelMeta({
    shortName: 'NumericAnnotation',
    serverClass: 'ome.model.annotations.NumericAnnotation',
    parent: BasicAnnotationI.meta,
    abstract: true,
    members: [],
  });
}
defineModelClass(NumericAnnotationI);

/** `longValue` (RLong). */
export class LongAnnotationI extends NumericAnnotationI {
  static override readonly meta = modelMeta({
    shortName: 'LongAnnotation',
    serverClass: 'ome.model.annotations.LongAnnotation',
    parent: NumericAnnotationI.meta,
    members: [field('longValue', 'long')],
  });
  /** The value (RLong). */
  declare longValue: RLongI | null;
}
export interface LongAnnotationI extends FieldAccessors<{ longValue: RLongI | null }> {}
defineModelClass(LongAnnotationI);

/** `doubleValue` (RDouble). */
export class DoubleAnnotationI extends NumericAnnotationI {
  static override readonly meta = modelMeta({
    shortName: 'DoubleAnnotation',
    serverClass: 'ome.model.annotations.DoubleAnnotation',
    parent: NumericAnnotationI.meta,
    members: [field('doubleValue', 'double')],
  });
  /** The value (RDouble). */
  declare doubleValue: RDoubleI | null;
}
export interface DoubleAnnotationI extends FieldAccessors<{ doubleValue: RDoubleI | null }> {}
defineModelClass(DoubleAnnotationI);

/** `boolValue` (RBool). */
export class BooleanAnnotationI extends BasicAnnotationI {
  static override readonly meta = modelMeta({
    shortName: 'BooleanAnnotation',
    serverClass: 'ome.model.annotations.BooleanAnnotation',
    parent: BasicAnnotationI.meta,
    members: [field('boolValue', 'bool')],
  });
  /** The value (RBool). */
  declare boolValue: RBoolI | null;
}
export interface BooleanAnnotationI extends FieldAccessors<{ boolValue: RBoolI | null }> {}
defineModelClass(BooleanAnnotationI);

/** `timeValue` (RTime). */
export class TimestampAnnotationI extends BasicAnnotationI {
  static override readonly meta = modelMeta({
    shortName: 'TimestampAnnotation',
    serverClass: 'ome.model.annotations.TimestampAnnotation',
    parent: BasicAnnotationI.meta,
    members: [field('timeValue', 'time')],
  });
  /** The value (RTime, ms since epoch). */
  declare timeValue: RTimeI | null;
}
export interface TimestampAnnotationI extends FieldAccessors<{ timeValue: RTimeI | null }> {}
defineModelClass(TimestampAnnotationI);

/** `termValue` (RString), an ontology term. */
export class TermAnnotationI extends BasicAnnotationI {
  static override readonly meta = modelMeta({
    shortName: 'TermAnnotation',
    serverClass: 'ome.model.annotations.TermAnnotation',
    parent: BasicAnnotationI.meta,
    members: [field('termValue', 'string')],
  });
  /** The term (RString). */
  declare termValue: RStringI | null;
}
export interface TermAnnotationI extends FieldAccessors<{ termValue: RStringI | null }> {}
defineModelClass(TermAnnotationI);
