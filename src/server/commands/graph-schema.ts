import { ENTITIES, entityDef, type EntityDef, type ReferenceProperty } from '../db/entities.js';

/**
 * The shape of the data graph the commands walk, derived from the entity map: which tables link
 * which (reference api §4.6). Container links (ProjectDatasetLink, DatasetImageLink) hold children
 * that go with their parents when orphaned; annotation links (`*AnnotationLink`) hold annotations.
 */
export interface LinkSpec {
  /** The link entity (`ProjectDatasetLink`). */
  readonly def: EntityDef;
  /** Entity at the parent end (`Project`). */
  readonly parent: EntityDef;
  /** Entity at the child end (`Dataset`, or the abstract `Annotation`). */
  readonly child: EntityDef;
  /** An `*AnnotationLink`. */
  readonly annotation: boolean;
}

function linkSpec(def: EntityDef): LinkSpec | null {
  const parent = def.properties.parent as ReferenceProperty | undefined;
  const child = def.properties.child as ReferenceProperty | undefined;
  if (def.kind !== 'data' || parent?.kind !== 'reference' || child?.kind !== 'reference') return null;
  const childDef = entityDef(child.target);
  return { def, parent: entityDef(parent.target), child: childDef, annotation: childDef.name === 'Annotation' };
}

/** Every link table between data objects. */
export const LINKS: readonly LinkSpec[] = Object.values(ENTITIES)
  .map(linkSpec)
  .filter((l): l is LinkSpec => l !== null);

/** Links whose child is contained by the parent (Project → Dataset → Image). */
export const CONTAINER_LINKS: readonly LinkSpec[] = LINKS.filter((l) => !l.annotation);

/** Links from an object to an annotation. */
export const ANNOTATION_LINKS: readonly LinkSpec[] = LINKS.filter((l) => l.annotation);

/** The link spec of a link entity; throws a programmer error for anything else. */
export function linkSpecOf(def: EntityDef): LinkSpec {
  const spec = LINKS.find((l) => l.def === def);
  if (!spec) throw new Error(`not a link entity: ${def.name}`);
  return spec;
}

/** Whether `def` is a link entity. */
export function isLinkEntity(def: EntityDef): boolean {
  return LINKS.some((l) => l.def === def);
}

/** The root entity of a table (`Annotation` for every annotation subclass). */
export function tableEntity(def: EntityDef): EntityDef {
  return def.superclass ? entityDef(def.superclass) : def;
}

/** Annotation classes deleted with the last object they annotate, whoever owns them (api §4.6). */
export const ORPHAN_DELETED_ANNOTATIONS: ReadonlySet<string> = new Set([
  'CommentAnnotation',
  'LongAnnotation',
  'DoubleAnnotation',
  'BooleanAnnotation',
  'TimestampAnnotation',
  'TermAnnotation',
  'MapAnnotation',
]);
