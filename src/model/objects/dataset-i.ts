/** `omero.model.DatasetI` (model `containers.ome.xml`). */
import type { RStringI } from '../rtypes/r-string-i.js';
import type { AnnotationI } from './annotations/annotation-i.js';
import { DatasetAnnotationLinkI } from './annotation-links.js';
import type { CountMap, LinkCollection } from './collection-types.js';
import { DatasetImageLinkI } from './dataset-image-link-i.js';
import { defineModelClass } from './define-model-class.js';
import type { FieldAccessors } from './field-accessors.js';
import { IObject } from './i-object.js';
import type { ImageI } from './image-i.js';
import { annotationLinks, collection, field, modelMeta } from './model-meta.js';
import { ProjectDatasetLinkI } from './project-dataset-link-i.js';
import type { ProjectI } from './project-i.js';

/** A Dataset: belongs to Projects, contains Images (`ome.model.containers.Dataset`). */
export class DatasetI extends IObject {
  static override readonly meta = modelMeta({
    shortName: 'Dataset',
    serverClass: 'ome.model.containers.Dataset',
    members: [
      collection('projectLinks', 'ProjectDatasetLink', {
        counted: true,
        link: { side: 'child', targetClass: 'Project', linkClass: () => ProjectDatasetLinkI, inverse: 'datasetLinks' },
      }),
      collection('imageLinks', 'DatasetImageLink', {
        counted: true,
        link: { side: 'parent', targetClass: 'Image', linkClass: () => DatasetImageLinkI, inverse: 'datasetLinks' },
      }),
      annotationLinks('DatasetAnnotationLink', () => DatasetAnnotationLinkI),
      field('name', 'string', { required: true }),
      field('description', 'string'),
    ],
  });

  /** Links to the containing projects; null when unloaded. */
  declare _projectLinksSeq: ProjectDatasetLinkI[] | null;
  /** Whether `projectLinks` is loaded. */
  declare _projectLinksLoaded: boolean;
  /** Project link counts per owner id. */
  declare _projectLinksCountPerOwner: CountMap | null;
  /** Links to contained images; null when unloaded. */
  declare _imageLinksSeq: DatasetImageLinkI[] | null;
  /** Whether `imageLinks` is loaded. */
  declare _imageLinksLoaded: boolean;
  /** Image link counts per owner id. */
  declare _imageLinksCountPerOwner: CountMap | null;
  /** Annotation links; null when unloaded. */
  declare _annotationLinksSeq: DatasetAnnotationLinkI[] | null;
  /** Whether `annotationLinks` is loaded. */
  declare _annotationLinksLoaded: boolean;
  /** Annotation link counts per owner id. */
  declare _annotationLinksCountPerOwner: CountMap | null;
  /** Name (RString, required). */
  declare name: RStringI | null;
  /** Description (RString, optional). */
  declare description: RStringI | null;
}
export interface DatasetI
  extends FieldAccessors<{ name: RStringI | null; description: RStringI | null }>,
    LinkCollection<'ProjectLinks', 'ProjectDatasetLink', 'Project', ProjectDatasetLinkI, ProjectI>,
    LinkCollection<'ImageLinks', 'DatasetImageLink', 'Image', DatasetImageLinkI, ImageI>,
    LinkCollection<'AnnotationLinks', 'DatasetAnnotationLink', 'Annotation', DatasetAnnotationLinkI, AnnotationI> {}
defineModelClass(DatasetI);
