/** `omero.model.ProjectDatasetLinkI`: a Project containing a Dataset. */
import { defineModelClass } from './define-model-class.js';
import type { DatasetI } from './dataset-i.js';
import { IObjectLink } from './i-object-link.js';
import { linkEnds, modelMeta } from './model-meta.js';
import type { ProjectI } from './project-i.js';

/** Link Project (parent) → Dataset (child); server class `ome.model.containers.ProjectDatasetLink`. */
export class ProjectDatasetLinkI extends IObjectLink<ProjectI, DatasetI> {
  static override readonly meta = modelMeta({
    shortName: 'ProjectDatasetLink',
    serverClass: 'ome.model.containers.ProjectDatasetLink',
    isLink: true,
    members: linkEnds('Project', 'Dataset'),
  });
}
defineModelClass(ProjectDatasetLinkI);
