/** `omero.model.DatasetImageLinkI`: a Dataset containing an Image. */
import type { DatasetI } from './dataset-i.js';
import { defineModelClass } from './define-model-class.js';
import { IObjectLink } from './i-object-link.js';
import type { ImageI } from './image-i.js';
import { linkEnds, modelMeta } from './model-meta.js';

/** Link Dataset (parent) → Image (child); server class `ome.model.containers.DatasetImageLink`. */
export class DatasetImageLinkI extends IObjectLink<DatasetI, ImageI> {
  static override readonly meta = modelMeta({
    shortName: 'DatasetImageLink',
    serverClass: 'ome.model.containers.DatasetImageLink',
    isLink: true,
    members: linkEnds('Dataset', 'Image'),
  });
}
defineModelClass(DatasetImageLinkI);
