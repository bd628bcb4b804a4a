/**
 * The entity map: how each OMERO model class we support lives in the database (schema
 * `migrations/0001-initial-schema.ts`). Every server part that reads or writes model objects uses
 * it — the HQL compiler, IQuery, IUpdate and the graph commands — so that table and column names
 * appear in exactly one place.
 *
 * An entity has
 * - a `table` and a `kind`: `'data'` rows are filtered by the visibility predicate
 *   (`visibilitySql`, reference permissions §2.3–2.4), `'global'` rows never are (users, groups,
 *   memberships, events: everybody may list them), `'session'` rows by `sessionVisibilitySql`;
 * - `properties` keyed by their HQL name. Properties of the `details` component are keyed with
 *   their dotted name (`'details.owner'`, `'details.group'`, `'details.creationEvent'`,
 *   `'details.updateEvent'`, `'details.permissions'`);
 * - OMERO's server class name (`ome.model.containers.Project`), used in messages such as
 *   `Cannot read ome.model.containers.Project:Id_5`;
 * - for the annotation hierarchy, a `discriminator` value stored in `annotation.discriminator`.
 *
 * ### Examples
 *
 * ```ts
 * findEntity('ProjectI')?.table                          // 'project'
 * findEntity('ome.model.annotations.TagAnnotation')?.discriminator // '/basic/text/tag/'
 * findEntity('Experimenter')?.properties.omeName       // { kind: 'scalar', column: 'omename', valueKind: 'string', mask: 'hidden' }
 * ```
 */

/** How a column's value is typed (and wrapped: long → rlong, int → rint, time → rtime(ms)…). */
export type ValueKind = 'long' | 'int' | 'double' | 'string' | 'bool' | 'time';

/**
 * How reads of an entity are filtered: `'data'` by `visibilitySql`, `'session'` by
 * `sessionVisibilitySql`, `'global'` not at all (reference permissions §2.2).
 */
export type EntityKind = 'data' | 'global' | 'session';

/**
 * How a privacy-masked column reads for a caller who may not see that user's details
 * (reference permissions §2.5, advisories 2019-SV3/SV5): `'hidden'` → the string `<hidden>`,
 * `'null'` → SQL null.
 */
export type MaskKind = 'hidden' | 'null';

/** The text a `'hidden'` masked column reads as. */
export const HIDDEN_TEXT = '<hidden>';

/** A column holding one value. */
export interface ScalarProperty {
  readonly kind: 'scalar';
  readonly column: string;
  readonly valueKind: ValueKind;
  /** Set on the Experimenter columns that are masked for unrelated users. */
  readonly mask?: MaskKind;
}

/** A many-to-one association: a foreign key column holding the target's id. */
export interface ReferenceProperty {
  readonly kind: 'reference';
  readonly column: string;
  /** Entity name of the target (may be abstract: `Annotation`). */
  readonly target: string;
}

/** A one-to-many association: rows of `target` whose `inverse` reference points back here. */
export interface CollectionProperty {
  readonly kind: 'collection';
  readonly target: string;
  /** The reference property on `target` pointing back (`parent`, `child`). */
  readonly inverse: string;
  /** For ordered lists (Experimenter.groupExperimenterMap), the column giving each element's index. */
  readonly indexColumn?: string;
}

/** A list of `NamedValue` components in a side table (`MapAnnotation.mapValue`, `Experimenter.config`). */
export interface ComponentsProperty {
  readonly kind: 'components';
  readonly table: string;
  /** Column of `table` holding the owning row's id. */
  readonly keyColumn: string;
  /** Column of `table` giving each element's position. */
  readonly indexColumn: string;
}

/**
 * `details.permissions`: computed per caller from the row's owner and group (reference
 * permissions §1.3: only group permissions are authoritative). For ExperimenterGroup the group is
 * the row itself (`groupColumn: 'id'`).
 */
export interface PermissionsProperty {
  readonly kind: 'permissions';
  readonly ownerColumn: string | null;
  readonly groupColumn: string;
}

/** Any property of an entity. */
export type PropertyDef =
  | ScalarProperty
  | ReferenceProperty
  | CollectionProperty
  | ComponentsProperty
  | PermissionsProperty;

/** One OMERO model class and its storage. */
export interface EntityDef {
  /** The unqualified model class name used in HQL (`Project`). */
  readonly name: string;
  /** OMERO's server-side class name (`ome.model.containers.Project`). */
  readonly serverClass: string;
  readonly table: string;
  readonly kind: EntityKind;
  /** Abstract classes (Annotation) are queried polymorphically and never instantiated. */
  readonly abstract: boolean;
  /** The superclass in our map, or null. */
  readonly superclass: string | null;
  /** Value of `discriminatorColumn` for this concrete subclass, or null. */
  readonly discriminator: string | null;
  /** Column holding the concrete subclass (set on the whole hierarchy), or null. */
  readonly discriminatorColumn: string | null;
  /** Columns owner/group of the row for `details`, or null for global entities. */
  readonly ownerColumn: string | null;
  readonly groupColumn: string | null;
  /** Properties by HQL name, including `id`; `details.*` keyed by their dotted name. */
  readonly properties: Readonly<Record<string, PropertyDef>>;
}

/** The properties of the `NamedValue` component (`.name`, `.value`). */
export const NAMED_VALUE_PROPERTIES: Readonly<Record<string, ScalarProperty>> = Object.freeze({
  name: Object.freeze({ kind: 'scalar', column: 'name', valueKind: 'string' }),
  value: Object.freeze({ kind: 'scalar', column: 'value', valueKind: 'string' }),
});

const scalar = (column: string, valueKind: ValueKind, mask?: MaskKind): ScalarProperty =>
  mask ? { kind: 'scalar', column, valueKind, mask } : { kind: 'scalar', column, valueKind };
const ref = (column: string, target: string): ReferenceProperty => ({ kind: 'reference', column, target });
const coll = (target: string, inverse: string, indexColumn?: string): CollectionProperty =>
  indexColumn ? { kind: 'collection', target, inverse, indexColumn } : { kind: 'collection', target, inverse };
const components = (table: string, keyColumn: string): ComponentsProperty => ({
  kind: 'components',
  table,
  keyColumn,
  indexColumn: 'index',
});

/** `id`, `version` and the `details` of every data table (columns from `DATA_COLUMNS`). */
const DATA_PROPERTIES: Record<string, PropertyDef> = {
  id: scalar('id', 'long'),
  version: scalar('version', 'int'),
  'details.owner': ref('owner_id', 'Experimenter'),
  'details.group': ref('group_id', 'ExperimenterGroup'),
  'details.creationEvent': ref('creation_id', 'Event'),
  'details.updateEvent': ref('update_id', 'Event'),
  'details.permissions': { kind: 'permissions', ownerColumn: 'owner_id', groupColumn: 'group_id' },
};

const NAMED = { name: scalar('name', 'string'), description: scalar('description', 'string') };

const ANNOTATION_BASE = {
  ns: scalar('ns', 'string'),
  name: scalar('name', 'string'),
  description: scalar('description', 'string'),
};

/** Subclass-specific properties of the annotation hierarchy, by class. */
const ANNOTATION_SUBCLASSES: ReadonlyArray<readonly [string, string, Record<string, PropertyDef>]> = [
  ['CommentAnnotation', '/basic/text/comment/', { textValue: scalar('textvalue', 'string') }],
  ['TagAnnotation', '/basic/text/tag/', { textValue: scalar('textvalue', 'string') }],
  ['MapAnnotation', '/map/', { mapValue: components('annotation_mapvalue', 'annotation_id') }],
  ['LongAnnotation', '/basic/num/long/', { longValue: scalar('longvalue', 'long') }],
  ['DoubleAnnotation', '/basic/num/double/', { doubleValue: scalar('doublevalue', 'double') }],
  ['BooleanAnnotation', '/basic/bool/', { boolValue: scalar('boolvalue', 'bool') }],
  ['TimestampAnnotation', '/basic/time/', { timeValue: scalar('timevalue', 'time') }],
  ['TermAnnotation', '/basic/term/', { termValue: scalar('termvalue', 'string') }],
];

interface EntitySpec {
  readonly name: string;
  readonly pkg: string;
  readonly table: string;
  readonly kind: EntityKind;
  readonly properties: Record<string, PropertyDef>;
  readonly abstract?: boolean;
  readonly superclass?: string;
  readonly discriminator?: string;
  readonly discriminatorColumn?: string;
}

function data(name: string, pkg: string, table: string, properties: Record<string, PropertyDef>): EntitySpec {
  return { name, pkg, table, kind: 'data', properties: { ...DATA_PROPERTIES, ...properties } };
}

function link(name: string, pkg: string, parent: string, child: string): EntitySpec {
  return data(name, pkg, name.toLowerCase(), { parent: ref('parent', parent), child: ref('child', child) });
}

const SPECS: readonly EntitySpec[] = [
  data('Project', 'containers', 'project', {
    ...NAMED,
    datasetLinks: coll('ProjectDatasetLink', 'parent'),
    annotationLinks: coll('ProjectAnnotationLink', 'parent'),
  }),
  data('Dataset', 'containers', 'dataset', {
    ...NAMED,
    projectLinks: coll('ProjectDatasetLink', 'child'),
    imageLinks: coll('DatasetImageLink', 'parent'),
    annotationLinks: coll('DatasetAnnotationLink', 'parent'),
  }),
  data('Image', 'core', 'image', {
    ...NAMED,
    acquisitionDate: scalar('acquisitiondate', 'time'),
    datasetLinks: coll('DatasetImageLink', 'child'),
    annotationLinks: coll('ImageAnnotationLink', 'parent'),
  }),
  link('ProjectDatasetLink', 'containers', 'Project', 'Dataset'),
  link('DatasetImageLink', 'containers', 'Dataset', 'Image'),
  {
    ...data('Annotation', 'annotations', 'annotation', ANNOTATION_BASE),
    abstract: true,
    discriminatorColumn: 'discriminator',
  },
  ...ANNOTATION_SUBCLASSES.map(([name, discriminator, props]) => ({
    ...data(name, 'annotations', 'annotation', { ...ANNOTATION_BASE, ...props }),
    superclass: 'Annotation',
    discriminator,
    discriminatorColumn: 'discriminator',
  })),
  link('ProjectAnnotationLink', 'annotations', 'Project', 'Annotation'),
  link('DatasetAnnotationLink', 'annotations', 'Dataset', 'Annotation'),
  link('ImageAnnotationLink', 'annotations', 'Image', 'Annotation'),
  {
    name: 'Experimenter',
    pkg: 'meta',
    table: 'experimenter',
    kind: 'global',
    properties: {
      id: scalar('id', 'long'),
      version: scalar('version', 'int'),
      omeName: scalar('omename', 'string', 'hidden'),
      firstName: scalar('firstname', 'string', 'hidden'),
      middleName: scalar('middlename', 'string', 'null'),
      lastName: scalar('lastname', 'string', 'hidden'),
      institution: scalar('institution', 'string', 'null'),
      email: scalar('email', 'string', 'null'),
      ldap: scalar('ldap', 'bool'),
      groupExperimenterMap: coll('GroupExperimenterMap', 'child', 'child_index'),
      config: components('experimenter_config', 'experimenter_id'),
    },
  },
  {
    name: 'ExperimenterGroup',
    pkg: 'meta',
    table: 'experimentergroup',
    kind: 'global',
    properties: {
      id: scalar('id', 'long'),
      version: scalar('version', 'int'),
      name: scalar('name', 'string'),
      description: scalar('description', 'string'),
      ldap: scalar('ldap', 'bool'),
      groupExperimenterMap: coll('GroupExperimenterMap', 'parent'),
      'details.permissions': { kind: 'permissions', ownerColumn: null, groupColumn: 'id' },
    },
  },
  {
    name: 'GroupExperimenterMap',
    pkg: 'meta',
    table: 'groupexperimentermap',
    kind: 'global',
    properties: {
      id: scalar('id', 'long'),
      owner: scalar('owner', 'bool'),
      parent: ref('parent', 'ExperimenterGroup'),
      child: ref('child', 'Experimenter'),
    },
  },
  {
    name: 'Session',
    pkg: 'meta',
    table: 'session',
    kind: 'session',
    properties: {
      id: scalar('id', 'long'),
      started: scalar('started', 'time'),
      closed: scalar('closed', 'time'),
      timeToIdle: scalar('time_to_idle', 'long'),
      timeToLive: scalar('time_to_live', 'long'),
      userAgent: scalar('user_agent', 'string'),
      owner: ref('owner', 'Experimenter'),
      sudoer: ref('sudoer', 'Experimenter'),
    },
  },
  {
    name: 'Event',
    pkg: 'meta',
    table: 'event',
    kind: 'global',
    properties: {
      id: scalar('id', 'long'),
      time: scalar('time', 'time'),
      type: scalar('type', 'string'),
      experimenter: ref('experimenter', 'Experimenter'),
      experimenterGroup: ref('experimentergroup', 'ExperimenterGroup'),
      session: ref('session', 'Session'),
    },
  },
];

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

function toDef(spec: EntitySpec): EntityDef {
  return {
    name: spec.name,
    serverClass: `ome.model.${spec.pkg}.${spec.name}`,
    table: spec.table,
    kind: spec.kind,
    abstract: spec.abstract ?? false,
    superclass: spec.superclass ?? null,
    discriminator: spec.discriminator ?? null,
    discriminatorColumn: spec.discriminatorColumn ?? null,
    ownerColumn: spec.kind === 'data' ? 'owner_id' : null,
    groupColumn: spec.kind === 'data' ? 'group_id' : null,
    properties: spec.properties,
  };
}

/** Every entity we support, by unqualified class name. Frozen. */
export const ENTITIES: Readonly<Record<string, EntityDef>> = deepFreeze(
  Object.fromEntries(SPECS.map((s) => [s.name, toDef(s)])),
);

const BY_ALIAS: ReadonlyMap<string, EntityDef> = new Map(
  Object.values(ENTITIES).flatMap((e) => [
    [e.name, e],
    [`${e.name}I`, e],
    [`omero.model.${e.name}`, e],
    [`omero.model.${e.name}I`, e],
    [e.serverClass, e],
  ]),
);

/**
 * Looks an entity up by any of the names OMERO accepts (blitz `IceMapper.omeroClass`):
 * `"Project"`, `"ProjectI"`, `"omero.model.Project"`, `"omero.model.ProjectI"`,
 * `"ome.model.containers.Project"`. Case-sensitive. Returns undefined for anything else.
 */
export function findEntity(name: string): EntityDef | undefined {
  return BY_ALIAS.get(name);
}

/** The entity with this unqualified name; throws a programmer error if there is none. */
export function entityDef(name: string): EntityDef {
  const def = ENTITIES[name];
  if (!def) throw new Error(`unknown entity ${JSON.stringify(name)}`);
  return def;
}

/** The concrete entities sharing `def`'s table that are `def` or its subclasses. */
export function concreteSubclasses(def: EntityDef): readonly EntityDef[] {
  return Object.values(ENTITIES).filter(
    (e) => !e.abstract && (e === def || e.superclass === def.name),
  );
}

/**
 * The concrete class of a row of a polymorphic table, from its discriminator value; undefined
 * for a value we do not model (an annotation kind written by a newer server, say).
 */
export function entityForDiscriminator(base: EntityDef, discriminator: string): EntityDef | undefined {
  return concreteSubclasses(base).find((e) => e.discriminator === discriminator);
}

/**
 * A property of `def` by HQL name. For an abstract class the properties of its subclasses are
 * visible too (`select textValue from Annotation` reads the shared table, as Hibernate's
 * single-table hierarchy does).
 */
export function findProperty(def: EntityDef, name: string): PropertyDef | undefined {
  const own = Object.hasOwn(def.properties, name) ? def.properties[name] : undefined;
  if (own || !def.abstract) return own;
  for (const sub of concreteSubclasses(def)) {
    if (Object.hasOwn(sub.properties, name)) return sub.properties[name];
  }
  return undefined;
}
