/** `omero.model.ProjectI` (model `containers.ome.xml`). */
import type { AnnotationI } from './annotations/annotation-i.js';
import { ProjectAnnotationLinkI } from './annotation-links.js';
import type { CountMap, LinkCollection } from './collection-types.js';
import type { DatasetI } from './dataset-i.js';
import { defineModelClass } from './define-model-class.js';
import type { FieldAccessors } from './field-accessors.js';
import { IObject } from './i-object.js';
import { annotationLinks, collection, field, modelMeta } from './model-meta.js';
import { ProjectDatasetLinkI } from './project-dataset-link-i.js';
import type { RStringI } from '../rtypes/r-string-i.js';

/**
 * A Project: named, described, annotated container of Datasets (`ome.model.containers.Project`).
 *
 * @example
 * const p = new ProjectI();
 * p.name = rstring('private-1 project');
 * p.linkDataset(new DatasetI(3, false));
 */
export class ProjectI extends IObject {
  static override readonly meta = modelMeta({
    shortName: 'Project',
    serverClass: 'ome.model.containers.Project',
    members: [
      collection('datasetLinks', 'ProjectDatasetLink', {
        counted: true,
        link: { side: 'parent', targetClass: 'Dataset', linkClass: () => ProjectDatasetLinkI, inverse: 'projectLinks' },
      }),
      annotationLinks('ProjectAnnotationLink', () => ProjectAnnotationLinkI),
      field('name', 'string', { required: true }),
      field('description', 'string'),
    ],
  });

  /** Links to contained datasets; null when the collection is unloaded. */
  declare _datasetLinksSeq: ProjectDatasetLinkI[] | null;
  /** Whether `datasetLinks` is loaded. */
  declare _datasetLinksLoaded: boolean;
  /** Dataset link counts per owner id, when the server filled them. */
  declare _datasetLinksCountPerOwner: CountMap | null;
  /** Annotation links; null when unloaded. */
  declare _annotationLinksSeq: ProjectAnnotationLinkI[] | null;
  /** Whether `annotationLinks` is loaded. */
  declare _annotationLinksLoaded: boolean;
  /** Annotation link counts per owner id. */
  declare _annotationLinksCountPerOwner: CountMap | null;
  /** Name (RString, required). */
  declare name: RStringI | null;
  /** Description (RString, optional). */
  declare description: RStringI | null;
}
export interface ProjectI
  extends FieldAccessors<{ name: RStringI | null; description: RStringI | null }>,
    LinkCollection<'DatasetLinks', 'ProjectDatasetLink', 'Dataset', ProjectDatasetLinkI, DatasetI>,
    LinkCollection<'AnnotationLinks', 'ProjectAnnotationLink', 'Annotation', ProjectAnnotationLinkI, AnnotationI> {}
defineModelClass(ProjectI);
