/**
 * Per-class metadata of omero.model classes: names (OMERO short name, server class, Ice type id),
 * flags, and the data members in the order Ice prints them (reference omero-api.md §2.5 and §5.3;
 * blitz `src/main/slice/omero/model/*.ice`). The base constructor, accessors, collection methods,
 * printing and the model registry are all driven by it.
 */
import type { RLongI } from '../rtypes/r-long-i.js';
import type { IObject } from './i-object.js';

/** What model constructors accept as an id: a number, an RLong, a numeric string or a proxy string `"Project:5"`. */
export type ModelId = number | bigint | string | RLongI | null | undefined;

/**
 * Kind of a scalar field, i.e. which rtype it holds: `string` → RString, `long` → RLong, `int` → RInt,
 * `bool` → RBool, `time` → RTime, `double` → RDouble, `float` → RFloat; `namedValues` is a list of
 * `NamedValue`; `object` is a reference to another model object (see {@link FieldMeta.refClass}).
 */
export type FieldKind = 'string' | 'long' | 'int' | 'bool' | 'time' | 'double' | 'float' | 'namedValues' | 'object';

/** A field (Ice member `_<name>`). */
export interface FieldMeta {
  readonly member: 'field';
  /** Property name, e.g. `omeName`. */
  readonly name: string;
  /** What the field holds. */
  readonly kind: FieldKind;
  /** For `kind === 'object'`: the referenced class's short name (e.g. `Experimenter`); else null. */
  readonly refClass: string | null;
  /** Not-null in the database (model `<required>`). */
  readonly required: boolean;
  /** Unique in the database (e.g. `Experimenter.omeName`, `ExperimenterGroup.name`). */
  readonly unique: boolean;
}

/** How a link collection relates its owner to the link's other end. */
export interface LinkMeta {
  /** Which end of the link the collection's owner is (`parent` for Project.datasetLinks). */
  readonly side: 'parent' | 'child';
  /** Short class name at the other end (`Dataset`), used in `link<T>`, `linked<T>List`. */
  readonly targetClass: string;
  /** Link class constructor (lazy to avoid import cycles). */
  readonly linkClass: () => ModelClass;
  /** Collection on the other end holding the same links (`projectLinks`), or null when one-directional. */
  readonly inverse: string | null;
}

/** A one-to-many collection (Ice members `_<name>Seq`, `_<name>Loaded`, and `_<name>CountPerOwner` when counted). */
export interface CollectionMeta {
  readonly member: 'collection';
  /** Property stem, e.g. `datasetLinks`. */
  readonly name: string;
  /** Short class name of the elements (`ProjectDatasetLink`, `Pixels`); names `add<E>`, `remove<E>`. */
  readonly elementClass: string;
  /** Has a `_<name>CountPerOwner` map (link collections of the model). */
  readonly counted: boolean;
  /** Ordered list with `get<E>(i)`, `getPrimary<E>()` (Experimenter.groupExperimenterMap). */
  readonly ordered: boolean;
  /** Link semantics, or null for a plain collection. */
  readonly link: LinkMeta | null;
}

/** Any data member after `_id`, `_details`, `_loaded`, `_version`. */
export type MemberMeta = FieldMeta | CollectionMeta;

/** Metadata of one model class. */
export interface ModelMeta {
  /** OMERO short name, e.g. `Project`. */
  readonly shortName: string;
  /** Server (Hibernate) class, e.g. `ome.model.containers.Project`. */
  readonly serverClass: string;
  /** Ice type id, e.g. `::omero::model::Project`. */
  readonly iceTypeId: string;
  /** Abstract (Annotation, TextAnnotation, BasicAnnotation): no instances. */
  readonly abstract: boolean;
  /** System type shared by all groups (Experimenter, ExperimenterGroup, GroupExperimenterMap, Session, Event…). */
  readonly global: boolean;
  /** Has `_version` (false for immutable Event and enumerations). */
  readonly versioned: boolean;
  /** A link class with `parent` and `child`. */
  readonly isLink: boolean;
  /** Metadata of the superclass (below IObject), or null. */
  readonly parent: ModelMeta | null;
  /** Members declared by this class. */
  readonly ownMembers: readonly MemberMeta[];
  /** All members, superclass first, in Ice print order. */
  readonly members: readonly MemberMeta[];
}

/** A model class constructor carrying its metadata. */
export interface ModelClass<T extends IObject = IObject> {
  new (id?: ModelId, loaded?: boolean): T;
  readonly meta: ModelMeta;
  readonly prototype: T;
}

/** Declares a field. */
export function field(
  name: string,
  kind: Exclude<FieldKind, 'object'>,
  options: { required?: boolean; unique?: boolean } = {},
): FieldMeta {
  return { member: 'field', name, kind, refClass: null, required: options.required ?? false, unique: options.unique ?? false };
}

/** Declares a reference to another model class. */
export function ref(name: string, refClass: string, options: { required?: boolean } = {}): FieldMeta {
  return { member: 'field', name, kind: 'object', refClass, required: options.required ?? false, unique: false };
}

/** Declares a collection. */
export function collection(
  name: string,
  elementClass: string,
  options: { counted?: boolean; ordered?: boolean; link?: LinkMeta } = {},
): CollectionMeta {
  return {
    member: 'collection',
    name,
    elementClass,
    counted: options.counted ?? false,
    ordered: options.ordered ?? false,
    link: options.link ?? null,
  };
}

/** Input of {@link modelMeta}. */
export interface ModelMetaInit {
  readonly shortName: string;
  readonly serverClass: string;
  readonly parent?: ModelMeta | null;
  readonly abstract?: boolean;
  readonly global?: boolean;
  readonly versioned?: boolean;
  readonly isLink?: boolean;
  readonly members: readonly MemberMeta[];
}

/** Builds frozen metadata; flags default from the superclass, then false (versioned: true). */
export function modelMeta(init: ModelMetaInit): ModelMeta {
  const parent = init.parent ?? null;
  return Object.freeze({
    shortName: init.shortName,
    serverClass: init.serverClass,
    iceTypeId: `::omero::model::${init.shortName}`,
    abstract: init.abstract ?? false,
    global: init.global ?? parent?.global ?? false,
    versioned: init.versioned ?? parent?.versioned ?? true,
    isLink: init.isLink ?? parent?.isLink ?? false,
    parent,
    ownMembers: Object.freeze([...init.members]),
    members: Object.freeze([...(parent?.members ?? []), ...init.members]),
  });
}

/** `datasetLinks` → `DatasetLinks`. */
export function capitalize(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** The `annotationLinks` collection of an annotated class: counted, this object is the link's parent. */
export function annotationLinks(linkClassName: string, linkClass: () => ModelClass): CollectionMeta {
  return collection('annotationLinks', linkClassName, {
    counted: true,
    link: { side: 'parent', targetClass: 'Annotation', linkClass, inverse: null },
  });
}

/** Members of a link class: `parent` then `child`, both required references. */
export function linkEnds(parentClass: string, childClass: string): FieldMeta[] {
  return [ref('parent', parentClass, { required: true }), ref('child', childClass, { required: true })];
}
