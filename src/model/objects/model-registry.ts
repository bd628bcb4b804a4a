/**
 * Registry of model classes: lookup by any OMERO spelling (IceMapper.omeroClass rules) and field
 * metadata for `omero obj new/update`, HQL and the server.
 *
 * `lookupModelClass` accepts `Project`, `ProjectI`, `omero.model.Project`, `omero.model.ProjectI`,
 * `ome.model.containers.Project` and `::omero::model::Project`; anything else gives null.
 */
import { ClientError } from '../exceptions/client-error.js';
import { rbool, rdouble, rfloat, rint, rlong, rstring, rtime } from '../rtypes/factories.js';
import { AnnotationI } from './annotations/annotation-i.js';
import {
  BasicAnnotationI,
  BooleanAnnotationI,
  DoubleAnnotationI,
  LongAnnotationI,
  NumericAnnotationI,
  TermAnnotationI,
  TimestampAnnotationI,
} from './annotations/basic-annotation-i.js';
import { MapAnnotationI } from './annotations/map-annotation-i.js';
import { CommentAnnotationI, TagAnnotationI, TextAnnotationI } from './annotations/text-annotation-i.js';
import {
  AnnotationAnnotationLinkI,
  DatasetAnnotationLinkI,
  ExperimenterAnnotationLinkI,
  ExperimenterGroupAnnotationLinkI,
  ImageAnnotationLinkI,
  ProjectAnnotationLinkI,
  SessionAnnotationLinkI,
} from './annotation-links.js';
import { DatasetI } from './dataset-i.js';
import { DatasetImageLinkI } from './dataset-image-link-i.js';
import { EventI } from './event-i.js';
import { EventTypeI } from './event-type-i.js';
import { ExperimenterGroupI } from './experimenter-group-i.js';
import { ExperimenterI } from './experimenter-i.js';
import { GroupExperimenterMapI } from './group-experimenter-map-i.js';
import type { IObject } from './i-object.js';
import { ImageI } from './image-i.js';
import type { CollectionMeta, FieldMeta, ModelMeta } from './model-meta.js';
import { NamedValue } from './named-value.js';
import { ProjectDatasetLinkI } from './project-dataset-link-i.js';
import { ProjectI } from './project-i.js';
import { SessionI } from './session-i.js';

/** Any registered model class, abstract ones included. */
export type AnyModelClass = (abstract new (...args: never[]) => IObject) & { readonly meta: ModelMeta };

/** Every model class, in a stable order. */
export const MODEL_CLASSES: readonly AnyModelClass[] = Object.freeze([
  ProjectI,
  DatasetI,
  ImageI,
  ProjectDatasetLinkI,
  DatasetImageLinkI,
  AnnotationI,
  TextAnnotationI,
  CommentAnnotationI,
  TagAnnotationI,
  MapAnnotationI,
  BasicAnnotationI,
  NumericAnnotationI,
  LongAnnotationI,
  DoubleAnnotationI,
  BooleanAnnotationI,
  TimestampAnnotationI,
  TermAnnotationI,
  ProjectAnnotationLinkI,
  DatasetAnnotationLinkI,
  ImageAnnotationLinkI,
  AnnotationAnnotationLinkI,
  ExperimenterAnnotationLinkI,
  ExperimenterGroupAnnotationLinkI,
  SessionAnnotationLinkI,
  ExperimenterI,
  ExperimenterGroupI,
  GroupExperimenterMapI,
  SessionI,
  EventI,
  EventTypeI,
]);

const BY_NAME: ReadonlyMap<string, AnyModelClass> = buildIndex();

function buildIndex(): Map<string, AnyModelClass> {
  const index = new Map<string, AnyModelClass>();
  for (const cls of MODEL_CLASSES) {
    const { shortName, serverClass, iceTypeId } = cls.meta;
    for (const key of [
      shortName,
      `${shortName}I`,
      `omero.model.${shortName}`,
      `omero.model.${shortName}I`,
      serverClass,
      iceTypeId,
    ]) {
      index.set(key, cls);
    }
  }
  return index;
}

/** The class for any OMERO spelling of its name, or null. */
export function lookupModelClass(name: string): AnyModelClass | null {
  return BY_NAME.get(String(name).trim()) ?? null;
}

/** Metadata for a class name or class, or null when unknown. */
export function getModelMeta(nameOrClass: string | AnyModelClass): ModelMeta | null {
  if (typeof nameOrClass === 'string') return lookupModelClass(nameOrClass)?.meta ?? null;
  return MODEL_CLASSES.includes(nameOrClass) ? nameOrClass.meta : null;
}

/** All fields of a class (inherited first), or null when the class is unknown. */
export function getFields(nameOrClass: string | AnyModelClass): FieldMeta[] | null {
  const meta = getModelMeta(nameOrClass);
  if (meta === null) return null;
  let fields = fieldsOf.get(meta);
  if (fields === undefined) {
    fields = meta.members.filter((m): m is FieldMeta => m.member === 'field');
    fieldsOf.set(meta, fields);
  }
  // A copy: callers may keep or change what they get.
  return [...fields];
}

/** The fields of each class, filtered once (hydration asks for them for every object). */
const fieldsOf = new WeakMap<ModelMeta, FieldMeta[]>();

/** One field's metadata, or null. */
export function getField(nameOrClass: string | AnyModelClass, fieldName: string): FieldMeta | null {
  return getFields(nameOrClass)?.find((f) => f.name === fieldName) ?? null;
}

/** Names of the required fields (e.g. Experimenter: omeName, firstName, lastName, ldap), or null. */
export function getRequiredFields(nameOrClass: string | AnyModelClass): string[] | null {
  return getFields(nameOrClass)?.filter((f) => f.required).map((f) => f.name) ?? null;
}

/** All collections of a class, or null when the class is unknown. */
export function getCollections(nameOrClass: string | AnyModelClass): CollectionMeta[] | null {
  const meta = getModelMeta(nameOrClass);
  return meta === null ? null : meta.members.filter((m): m is CollectionMeta => m.member === 'collection');
}

/**
 * omero-py's `proxy_to_instance("Image:1")`: an unloaded instance. Without a class part, `defaultClass`
 * is used. ClientError("Invalid object type: X") / ("Invalid id: X") on bad input.
 */
export function proxyToInstance(proxy: string, defaultClass?: string): IObject {
  const parts = String(proxy).split(':');
  if (parts.length === 1 && defaultClass !== undefined) parts.unshift(defaultClass);
  const [kind = '', idText = ''] = parts;
  const cls = lookupModelClass(kind);
  if (cls === null || cls.meta.abstract || parts.length !== 2) throw new ClientError(`Invalid object type: ${kind}`);
  const id = Number(idText);
  if (idText.trim() === '' || !Number.isInteger(id)) throw new ClientError(`Invalid id: ${idText}`);
  const ctor = cls as unknown as new (id: number, loaded: boolean) => IObject;
  return new ctor(id, false);
}

/**
 * Wraps a raw value (typically CLI text) for `field`: RString/RLong/RInt/RBool/RTime/RDouble/RFloat by
 * kind; booleans accept `true/false/yes/no/1/0`; references accept an id or `Class:id` (unloaded proxy);
 * NamedValue lists accept `[[name, value], …]` or an object. null/undefined → null.
 */
export function wrapFieldValue(field: FieldMeta, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  switch (field.kind) {
    case 'string':
      return rstring(value);
    case 'long':
      return rlong(value as number);
    case 'int':
      return rint(value as number);
    case 'time':
      return rtime(value as number);
    case 'double':
      return rdouble(value as number);
    case 'float':
      return rfloat(value as number);
    case 'bool':
      return rbool(parseBool(value));
    case 'object':
      return proxyToInstance(String(value), field.refClass ?? undefined);
    case 'namedValues':
      return toNamedValues(value);
  }
}

function parseBool(value: unknown): boolean {
  if (typeof value !== 'string') return Boolean(value);
  const text = value.trim().toLowerCase();
  if (['true', 'yes', 'y', '1', 't'].includes(text)) return true;
  if (['false', 'no', 'n', '0', 'f', ''].includes(text)) return false;
  throw new Error(`invalid boolean value: ${value}`);
}

function toNamedValues(value: unknown): NamedValue[] {
  const pairs = Array.isArray(value) ? value : Object.entries(value as Record<string, unknown>);
  return pairs.map((pair) => {
    if (pair instanceof NamedValue) return pair;
    const [name, item] = pair as [unknown, unknown];
    return new NamedValue(String(name), String(item));
  });
}
