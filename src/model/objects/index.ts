/** `omero.model`: model classes, details, named values, metadata and the class registry. */
export { IObject, metaOf } from './i-object.js';
export { installAllModelMembers, installModelMembers } from './lazy-members.js';
export { IObjectLink } from './i-object-link.js';
export { DetailsI, type DetailsInit } from './details-i.js';
export { NamedValue, namedValuesAsMap } from './named-value.js';
export { ProjectI } from './project-i.js';
export { DatasetI } from './dataset-i.js';
export { ImageI } from './image-i.js';
export { ProjectDatasetLinkI } from './project-dataset-link-i.js';
export { DatasetImageLinkI } from './dataset-image-link-i.js';
export { AnnotationI } from './annotations/annotation-i.js';
export { TextAnnotationI, CommentAnnotationI, TagAnnotationI } from './annotations/text-annotation-i.js';
export { MapAnnotationI } from './annotations/map-annotation-i.js';
export {
  BasicAnnotationI,
  NumericAnnotationI,
  LongAnnotationI,
  DoubleAnnotationI,
  BooleanAnnotationI,
  TimestampAnnotationI,
  TermAnnotationI,
} from './annotations/basic-annotation-i.js';
export {
  ProjectAnnotationLinkI,
  DatasetAnnotationLinkI,
  ImageAnnotationLinkI,
  AnnotationAnnotationLinkI,
  ExperimenterAnnotationLinkI,
  ExperimenterGroupAnnotationLinkI,
  SessionAnnotationLinkI,
} from './annotation-links.js';
export { ExperimenterI } from './experimenter-i.js';
export { ExperimenterGroupI } from './experimenter-group-i.js';
export { GroupExperimenterMapI } from './group-experimenter-map-i.js';
export { SessionI } from './session-i.js';
export { EventI } from './event-i.js';
export { EventTypeI } from './event-type-i.js';
export type {
  CountMap,
  CollectionMethods,
  CountedCollection,
  OrderedCollection,
  LinkMethods,
  LinkCollection,
} from './collection-types.js';
export type { FieldAccessors, NamedValuesAccessor } from './field-accessors.js';
export type {
  FieldKind,
  FieldMeta,
  CollectionMeta,
  LinkMeta,
  MemberMeta,
  ModelMeta,
  ModelClass,
  ModelId,
} from './model-meta.js';
export {
  MODEL_CLASSES,
  lookupModelClass,
  getModelMeta,
  getFields,
  getField,
  getRequiredFields,
  getCollections,
  proxyToInstance,
  wrapFieldValue,
  type AnyModelClass,
} from './model-registry.js';
