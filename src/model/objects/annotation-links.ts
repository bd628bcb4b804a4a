/**
 * `<T>AnnotationLinkI` classes: a model object (parent) annotated with an Annotation (child).
 * Server classes live in `ome.model.annotations`. One-directional: an Annotation has no
 * collection of these links.
 */
import type { AnnotationI } from './annotations/annotation-i.js';
import type { DatasetI } from './dataset-i.js';
import { defineModelClass } from './define-model-class.js';
import type { ExperimenterGroupI } from './experimenter-group-i.js';
import type { ExperimenterI } from './experimenter-i.js';
import { IObjectLink } from './i-object-link.js';
import type { ImageI } from './image-i.js';
import { linkEnds, modelMeta, type ModelMeta } from './model-meta.js';
import type { ProjectI } from './project-i.js';
import type { SessionI } from './session-i.js';

function annotationLinkMeta(parent: string, global = false): ModelMeta {
  return modelMeta({
    shortName: `${parent}AnnotationLink`,
    serverClass: `ome.model.annotations.${parent}AnnotationLink`,
    isLink: true,
    global,
    members: linkEnds(parent, 'Annotation'),
  });
}

/** Project → Annotation. */
export class ProjectAnnotationLinkI extends IObjectLink<ProjectI, AnnotationI> {
  static override readonly meta = annotationLinkMeta('Project');
}
defineModelClass(ProjectAnnotationLinkI);

/** Dataset → Annotation. */
export class DatasetAnnotationLinkI extends IObjectLink<DatasetI, AnnotationI> {
  static override readonly meta = annotationLinkMeta('Dataset');
}
defineModelClass(DatasetAnnotationLinkI);

/** Image → Annotation. */
export class ImageAnnotationLinkI extends IObjectLink<ImageI, AnnotationI> {
  static override readonly meta = annotationLinkMeta('Image');
}
defineModelClass(ImageAnnotationLinkI);

/** Annotation → Annotation. */
export class AnnotationAnnotationLinkI extends IObjectLink<AnnotationI, AnnotationI> {
  static override readonly meta = annotationLinkMeta('Annotation');
}
defineModelClass(AnnotationAnnotationLinkI);

/** Experimenter → Annotation. */
export class ExperimenterAnnotationLinkI extends IObjectLink<ExperimenterI, AnnotationI> {
  static override readonly meta = annotationLinkMeta('Experimenter');
}
defineModelClass(ExperimenterAnnotationLinkI);

/** ExperimenterGroup → Annotation. */
export class ExperimenterGroupAnnotationLinkI extends IObjectLink<ExperimenterGroupI, AnnotationI> {
  static override readonly meta = annotationLinkMeta('ExperimenterGroup');
}
defineModelClass(ExperimenterGroupAnnotationLinkI);

/** Session → Annotation. */
export class SessionAnnotationLinkI extends IObjectLink<SessionI, AnnotationI> {
  static override readonly meta = annotationLinkMeta('Session');
}
defineModelClass(SessionAnnotationLinkI);
