/** `omero.model.Annotation` (abstract; model `annotations.ome.xml`). */
import type { RStringI } from '../../rtypes/r-string-i.js';
import { AnnotationAnnotationLinkI } from '../annotation-links.js';
import type { CountMap, LinkCollection } from '../collection-types.js';
import { defineModelClass } from '../define-model-class.js';
import type { FieldAccessors } from '../field-accessors.js';
import { IObject } from '../i-object.js';
import { annotationLinks, field, modelMeta } from '../model-meta.js';

/** Base of all annotations: namespace, name, description, and annotations of the annotation. */
export abstract class AnnotationI extends IObject {
  static override readonly meta = modelMeta({
    shortName: 'Annotation',
    serverClass: 'ome.model.annotations.Annotation',
    abstract: true,
    members: [
      field('ns', 'string'),
      field('name', 'string'),
      field('description', 'string'),
      annotationLinks('AnnotationAnnotationLink', () => AnnotationAnnotationLinkI),
    ],
  });

  /** Namespace (RString). */
  declare ns: RStringI | null;
  /** Name (RString). */
  declare name: RStringI | null;
  /** Description (RString). */
  declare description: RStringI | null;
  /** Links to annotations of this annotation; null when unloaded. */
  declare _annotationLinksSeq: AnnotationAnnotationLinkI[] | null;
  /** Whether `annotationLinks` is loaded. */
  declare _annotationLinksLoaded: boolean;
  /** Annotation link counts per owner id. */
  declare _annotationLinksCountPerOwner: CountMap | null;
}
export interface AnnotationI
  extends FieldAccessors<{ ns: RStringI | null; name: RStringI | null; description: RStringI | null }>,
    LinkCollection<'AnnotationLinks', 'AnnotationAnnotationLink', 'Annotation', AnnotationAnnotationLinkI, AnnotationI> {}
defineModelClass(AnnotationI);
