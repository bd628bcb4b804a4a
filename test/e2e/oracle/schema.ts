import type { World } from './world.js';

/**
 * The part of OMERO's model the oracle queries, as reference api §2.5/§3.2 describes it: entity
 * names, their properties, references and collections, and how each is read (data rows are
 * filtered, users/groups/memberships are global, sessions are owner-or-admin). Written
 * independently of src/server/db/entities.ts.
 */

export type ValueType = 'long' | 'string' | 'bool';

/** A column. `mask` marks the Experimenter columns hidden from unrelated users (reference §2.5). */
export interface ScalarProp {
  readonly kind: 'scalar';
  readonly field: string;
  readonly type: ValueType;
  readonly mask?: 'hidden' | 'null';
}

/** A many-to-one reference held in `field`. */
export interface RefProp {
  readonly kind: 'ref';
  readonly field: string;
  readonly target: EntityName;
}

/** A one-to-many collection: rows of `target` whose reference `inverse` points here. */
export interface CollProp {
  readonly kind: 'coll';
  readonly target: EntityName;
  readonly inverse: string;
}

export type Prop = ScalarProp | RefProp | CollProp;

export type Access = 'data' | 'global' | 'session';

export type TableName = keyof World;

export interface EntitySchema {
  readonly name: EntityName;
  readonly table: TableName;
  readonly access: Access;
  /** For annotation subclasses: the kind of row the class holds. */
  readonly annotationKind?: 'tag' | 'comment' | 'long';
  /** Properties by HQL name; `details.owner` and `details.group` keyed dotted. */
  readonly props: Readonly<Record<string, Prop>>;
}

export const ENTITY_NAMES = [
  'Project',
  'Dataset',
  'Image',
  'Annotation',
  'TagAnnotation',
  'CommentAnnotation',
  'LongAnnotation',
  'ProjectDatasetLink',
  'DatasetImageLink',
  'ProjectAnnotationLink',
  'DatasetAnnotationLink',
  'ImageAnnotationLink',
  'Experimenter',
  'ExperimenterGroup',
  'GroupExperimenterMap',
  'Session',
] as const;
export type EntityName = (typeof ENTITY_NAMES)[number];

const s = (field: string, type: ValueType, mask?: 'hidden' | 'null'): ScalarProp => (mask ? { kind: 'scalar', field, type, mask } : { kind: 'scalar', field, type });
const ref = (field: string, target: EntityName): RefProp => ({ kind: 'ref', field, target });
const coll = (target: EntityName, inverse: string): CollProp => ({ kind: 'coll', target, inverse });

const DETAILS = {
  id: s('id', 'long'),
  'details.owner': ref('ownerId', 'Experimenter'),
  'details.group': ref('groupId', 'ExperimenterGroup'),
};

const link = (name: EntityName, table: TableName, parent: EntityName, child: EntityName): EntitySchema => ({
  name,
  table,
  access: 'data',
  props: { ...DETAILS, parent: ref('parent', parent), child: ref('child', child) },
});

const annotationProps = { ...DETAILS, ns: s('ns', 'string') };

export const SCHEMA: Readonly<Record<EntityName, EntitySchema>> = {
  Project: {
    name: 'Project',
    table: 'project',
    access: 'data',
    props: {
      ...DETAILS,
      name: s('name', 'string'),
      description: s('description', 'string'),
      datasetLinks: coll('ProjectDatasetLink', 'parent'),
      annotationLinks: coll('ProjectAnnotationLink', 'parent'),
    },
  },
  Dataset: {
    name: 'Dataset',
    table: 'dataset',
    access: 'data',
    props: {
      ...DETAILS,
      name: s('name', 'string'),
      description: s('description', 'string'),
      projectLinks: coll('ProjectDatasetLink', 'child'),
      imageLinks: coll('DatasetImageLink', 'parent'),
      annotationLinks: coll('DatasetAnnotationLink', 'parent'),
    },
  },
  Image: {
    name: 'Image',
    table: 'image',
    access: 'data',
    props: {
      ...DETAILS,
      name: s('name', 'string'),
      description: s('description', 'string'),
      datasetLinks: coll('DatasetImageLink', 'child'),
      annotationLinks: coll('ImageAnnotationLink', 'parent'),
    },
  },
  // Querying the abstract class is polymorphic and sees the subclasses' columns (reference §3.2).
  Annotation: {
    name: 'Annotation',
    table: 'annotation',
    access: 'data',
    props: { ...annotationProps, textValue: s('textValue', 'string'), longValue: s('longValue', 'long') },
  },
  TagAnnotation: { name: 'TagAnnotation', table: 'annotation', access: 'data', annotationKind: 'tag', props: { ...annotationProps, textValue: s('textValue', 'string') } },
  CommentAnnotation: {
    name: 'CommentAnnotation',
    table: 'annotation',
    access: 'data',
    annotationKind: 'comment',
    props: { ...annotationProps, textValue: s('textValue', 'string') },
  },
  LongAnnotation: { name: 'LongAnnotation', table: 'annotation', access: 'data', annotationKind: 'long', props: { ...annotationProps, longValue: s('longValue', 'long') } },
  ProjectDatasetLink: link('ProjectDatasetLink', 'projectdatasetlink', 'Project', 'Dataset'),
  DatasetImageLink: link('DatasetImageLink', 'datasetimagelink', 'Dataset', 'Image'),
  ProjectAnnotationLink: link('ProjectAnnotationLink', 'projectannotationlink', 'Project', 'Annotation'),
  DatasetAnnotationLink: link('DatasetAnnotationLink', 'datasetannotationlink', 'Dataset', 'Annotation'),
  ImageAnnotationLink: link('ImageAnnotationLink', 'imageannotationlink', 'Image', 'Annotation'),
  Experimenter: {
    name: 'Experimenter',
    table: 'users',
    access: 'global',
    props: {
      id: s('id', 'long'),
      omeName: s('omeName', 'string', 'hidden'),
      firstName: s('firstName', 'string', 'hidden'),
      middleName: s('middleName', 'string', 'null'),
      lastName: s('lastName', 'string', 'hidden'),
      institution: s('institution', 'string', 'null'),
      email: s('email', 'string', 'null'),
      groupExperimenterMap: coll('GroupExperimenterMap', 'child'),
    },
  },
  ExperimenterGroup: {
    name: 'ExperimenterGroup',
    table: 'groups',
    access: 'global',
    props: { id: s('id', 'long'), name: s('name', 'string'), groupExperimenterMap: coll('GroupExperimenterMap', 'parent') },
  },
  GroupExperimenterMap: {
    name: 'GroupExperimenterMap',
    table: 'members',
    access: 'global',
    props: { id: s('id', 'long'), owner: s('owner', 'bool'), parent: ref('groupId', 'ExperimenterGroup'), child: ref('userId', 'Experimenter') },
  },
  Session: {
    name: 'Session',
    table: 'session',
    access: 'session',
    props: { id: s('id', 'long'), userAgent: s('userAgent', 'string'), owner: ref('ownerId', 'Experimenter') },
  },
};

/** The text a masked `'hidden'` column reads as (reference §2.5). */
export const HIDDEN = '<hidden>';

/** Rows of an entity (annotation subclasses: only their kind). */
export function rowsOf(world: World, entity: EntityName): readonly Record<string, unknown>[] {
  const def = SCHEMA[entity];
  const rows = world[def.table] as readonly object[] as readonly Record<string, unknown>[];
  return def.annotationKind ? rows.filter((r) => r.kind === def.annotationKind) : rows;
}

/** The row with `id` of an entity's table, if any. */
export function rowById(world: World, entity: EntityName, id: unknown): Record<string, unknown> | undefined {
  const rows = world[SCHEMA[entity].table] as readonly object[] as readonly Record<string, unknown>[];
  return rows.find((r) => r.id === id);
}

/** A property of an entity, following the `details.` prefix. */
export function propOf(entity: EntityName, name: string): Prop | undefined {
  return Object.hasOwn(SCHEMA[entity].props, name) ? SCHEMA[entity].props[name] : undefined;
}
