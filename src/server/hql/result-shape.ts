import type { ValueKind } from '../db/entities.js';

/**
 * What the select list of a compiled query returns, so that rows can be turned into model objects
 * (`hydrateEntities`) or rows of RTypes (`hydrateProjection`) without looking at the SQL. Every
 * `…Label` names a column of the SQL result (`c0`, `c1`…).
 */
export interface ResultShape {
  /** The HQL text, for messages. */
  readonly hql: string;
  /** One entry per HQL select item (per root for `from X`). */
  readonly columns: readonly ColumnShape[];
  /**
   * Hibernate's in-memory distinct: with a collection `join fetch` the SQL returns one row per
   * element, so roots are deduplicated by identity when the query says `distinct` or is paged.
   */
  readonly distinctRoots: boolean;
  /**
   * Paging applied in memory after deduplication (collection `join fetch` plus offset/limit, as
   * Hibernate does); null when the SQL already has `limit`/`offset` or there is no paging.
   */
  readonly page: { readonly offset: number; readonly limit: number | null } | null;
  /** `findByQuery`: more than one distinct result is an error. */
  readonly unique: boolean;
}

/** One select item. */
export type ColumnShape = EntityShape | ScalarShape | PermissionsShape | MapShape;

/** A scalar value: `p.name`, `count(l.id)`, `m.parent.id`. */
export interface ScalarShape {
  readonly kind: 'scalar';
  readonly label: string;
  readonly valueKind: ValueKind;
}

/** `x.details.permissions`: hydrated through the caller's `decorate` callback into an rmap. */
export interface PermissionsShape {
  readonly kind: 'permissions';
  /** The entity whose permissions these are. */
  readonly entity: string;
  readonly ownerLabel: string | null;
  readonly groupLabel: string;
}

/** `new map(a as k, …)`: an rmap of the entries. */
export interface MapShape {
  readonly kind: 'map';
  readonly entries: readonly { readonly key: string; readonly value: ColumnShape }[];
}

/** A scalar field of an entity. */
export interface FieldShape {
  readonly property: string;
  readonly label: string;
  readonly valueKind: ValueKind;
}

/** A many-to-one reference, hydrated as an unloaded proxy holding the id unless fetched. */
export interface ReferenceShape {
  readonly property: string;
  readonly label: string;
  /** Declared target entity (may be abstract: `Annotation`). */
  readonly target: string;
  /**
   * For an abstract target, the target row's discriminator (looked up under the caller's
   * visibility, so null when the target is hidden), which picks the proxy's concrete class.
   */
  readonly discriminatorLabel: string | null;
}

/** A `NamedValue` list (`mapValue`, `config`), selected as one JSON array of `[name, value]`. */
export interface NamedValuesShape {
  readonly property: string;
  readonly label: string;
}

/** An association loaded by `join fetch`. */
export interface FetchShape {
  readonly property: string;
  readonly kind: 'reference' | 'collection';
  readonly entity: EntityShape;
}

/** An entity: its columns and what to attach to it. */
export interface EntityShape {
  readonly kind: 'entity';
  /** The declared entity (may be abstract: `Annotation`; the row's discriminator decides). */
  readonly entity: string;
  /** SQL alias of the table the columns come from (`t0`). */
  readonly alias: string;
  readonly idLabel: string;
  readonly discriminatorLabel: string | null;
  readonly fields: readonly FieldShape[];
  readonly references: readonly ReferenceShape[];
  readonly namedValues: readonly NamedValuesShape[];
  /** Position of the element in an ordered collection (`child_index`), when fetched as one. */
  readonly indexLabel: string | null;
  /** Owner and group ids passed to `decorate` (`groupLabel` is the id for ExperimenterGroup). */
  readonly ownerLabel: string | null;
  readonly groupLabel: string | null;
  readonly fetches: readonly FetchShape[];
}
