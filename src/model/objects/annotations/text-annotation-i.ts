/** `omero.model.TextAnnotation` (abstract) and its concrete Comment and Tag annotations. */
import type { RStringI } from '../../rtypes/r-string-i.js';
import { defineModelClass } from '../define-model-class.js';
import type { FieldAccessors } from '../field-accessors.js';
import { field, modelMeta } from '../model-meta.js';
import { AnnotationI } from './annotation-i.js';

/** An annotation holding text (`textValue`). */
export abstract class TextAnnotationI extends AnnotationI {
  static override readonly meta = modelMeta({
    shortName: 'TextAnnotation',
    serverClass: 'ome.model.annotations.TextAnnotation',
    parent: AnnotationI.meta,
    abstract: true,
    members: [field('textValue', 'string')],
  });

  /** The text (RString). */
  declare textValue: RStringI | null;
}
export interface TextAnnotationI extends FieldAccessors<{ textValue: RStringI | null }> {}
defineModelClass(TextAnnotationI);

/** A free-text comment (`ome.model.annotations.CommentAnnotation`). */
export class CommentAnnotationI extends TextAnnotationI {
  static override readonly meta = modelMeta({
    shortName: 'CommentAnnotation',
    serverClass: 'ome.model.annotations.CommentAnnotation',
    parent: TextAnnotationI.meta,
    members: [],
  });
}
defineModelClass(CommentAnnotationI);

/** A tag (`ome.model.annotations.TagAnnotation`); `textValue` is the tag label. */
export class TagAnnotationI extends TextAnnotationI {
  static override readonly meta = modelMeta({
    shortName: 'TagAnnotation',
    serverClass: 'ome.model.annotations.TagAnnotation',
    parent: TextAnnotationI.meta,
    members: [],
  });
}
defineModelClass(TagAnnotationI);
