/** `omero.model.ImageI` (model `acquisition.ome.xml`); acquisition metadata beyond ids is not modelled. */
import type { RBoolI } from '../rtypes/r-bool-i.js';
import type { RIntI } from '../rtypes/r-int-i.js';
import type { RStringI } from '../rtypes/r-string-i.js';
import type { RTimeI } from '../rtypes/r-time-i.js';
import type { AnnotationI } from './annotations/annotation-i.js';
import { ImageAnnotationLinkI } from './annotation-links.js';
import type { CollectionMethods, CountedCollection, CountMap, LinkCollection, OrderedCollection } from './collection-types.js';
import type { DatasetI } from './dataset-i.js';
import { DatasetImageLinkI } from './dataset-image-link-i.js';
import { defineModelClass } from './define-model-class.js';
import type { FieldAccessors } from './field-accessors.js';
import { IObject } from './i-object.js';
import { annotationLinks, collection, field, modelMeta, ref } from './model-meta.js';

/** An Image (`ome.model.core.Image`). References to unmodelled classes hold unloaded IObjects or null. */
export class ImageI extends IObject {
  static override readonly meta = modelMeta({
    shortName: 'Image',
    serverClass: 'ome.model.core.Image',
    members: [
      field('series', 'int'),
      field('acquisitionDate', 'time'),
      field('archived', 'bool'),
      field('partial', 'bool'),
      ref('format', 'Format'),
      ref('imagingEnvironment', 'ImagingEnvironment'),
      ref('objectiveSettings', 'ObjectiveSettings'),
      ref('instrument', 'Instrument'),
      ref('stageLabel', 'StageLabel'),
      ref('experiment', 'Experiment'),
      collection('pixels', 'Pixels', { ordered: true }),
      collection('wellSamples', 'WellSample'),
      collection('rois', 'Roi'),
      collection('datasetLinks', 'DatasetImageLink', {
        counted: true,
        link: { side: 'child', targetClass: 'Dataset', linkClass: () => DatasetImageLinkI, inverse: 'imageLinks' },
      }),
      collection('folderLinks', 'FolderImageLink', { counted: true }),
      ref('fileset', 'Fileset'),
      annotationLinks('ImageAnnotationLink', () => ImageAnnotationLinkI),
      field('name', 'string', { required: true }),
      field('description', 'string'),
    ],
  });

  /** Series index within the file (RInt). */
  declare series: RIntI | null;
  /** Acquisition time (RTime, ms since epoch). */
  declare acquisitionDate: RTimeI | null;
  /** Archived flag (RBool). */
  declare archived: RBoolI | null;
  /** Partial flag (RBool). */
  declare partial: RBoolI | null;
  /** Format (not modelled). */
  declare format: IObject | null;
  /** Imaging environment (not modelled). */
  declare imagingEnvironment: IObject | null;
  /** Objective settings (not modelled). */
  declare objectiveSettings: IObject | null;
  /** Instrument (not modelled). */
  declare instrument: IObject | null;
  /** Stage label (not modelled). */
  declare stageLabel: IObject | null;
  /** Experiment (not modelled). */
  declare experiment: IObject | null;
  /** Pixels (ordered; not modelled). */
  declare _pixelsSeq: IObject[] | null;
  /** Whether `pixels` is loaded. */
  declare _pixelsLoaded: boolean;
  /** Well samples (not modelled). */
  declare _wellSamplesSeq: IObject[] | null;
  /** Whether `wellSamples` is loaded. */
  declare _wellSamplesLoaded: boolean;
  /** ROIs (not modelled). */
  declare _roisSeq: IObject[] | null;
  /** Whether `rois` is loaded. */
  declare _roisLoaded: boolean;
  /** Links to the containing datasets; null when unloaded. */
  declare _datasetLinksSeq: DatasetImageLinkI[] | null;
  /** Whether `datasetLinks` is loaded. */
  declare _datasetLinksLoaded: boolean;
  /** Dataset link counts per owner id. */
  declare _datasetLinksCountPerOwner: CountMap | null;
  /** Folder links (not modelled). */
  declare _folderLinksSeq: IObject[] | null;
  /** Whether `folderLinks` is loaded. */
  declare _folderLinksLoaded: boolean;
  /** Folder link counts per owner id. */
  declare _folderLinksCountPerOwner: CountMap | null;
  /** Fileset (not modelled). */
  declare fileset: IObject | null;
  /** Annotation links; null when unloaded. */
  declare _annotationLinksSeq: ImageAnnotationLinkI[] | null;
  /** Whether `annotationLinks` is loaded. */
  declare _annotationLinksLoaded: boolean;
  /** Annotation link counts per owner id. */
  declare _annotationLinksCountPerOwner: CountMap | null;
  /** Name (RString, required). */
  declare name: RStringI | null;
  /** Description (RString, optional). */
  declare description: RStringI | null;
}
export interface ImageI
  extends FieldAccessors<{
      series: RIntI | null;
      acquisitionDate: RTimeI | null;
      archived: RBoolI | null;
      partial: RBoolI | null;
      format: IObject | null;
      imagingEnvironment: IObject | null;
      objectiveSettings: IObject | null;
      instrument: IObject | null;
      stageLabel: IObject | null;
      experiment: IObject | null;
      fileset: IObject | null;
      name: RStringI | null;
      description: RStringI | null;
    }>,
    CollectionMethods<'Pixels', 'Pixels', IObject>,
    OrderedCollection<'Pixels', IObject>,
    CollectionMethods<'WellSamples', 'WellSample', IObject>,
    CollectionMethods<'Rois', 'Roi', IObject>,
    LinkCollection<'DatasetLinks', 'DatasetImageLink', 'Dataset', DatasetImageLinkI, DatasetI>,
    CollectionMethods<'FolderLinks', 'FolderImageLink', IObject>,
    CountedCollection<'FolderLinks'>,
    LinkCollection<'AnnotationLinks', 'ImageAnnotationLink', 'Annotation', ImageAnnotationLinkI, AnnotationI> {}
defineModelClass(ImageI);
