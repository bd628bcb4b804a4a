import { entityDef, entityForDiscriminator, type EntityDef } from '../../db/entities.js';
import { jsonColumn } from '../../db/json-column.js';
import {
  EventTypeI,
  getField,
  type IObject,
  lookupModelClass,
  NamedValue,
  rint,
  rstring,
  wrapFieldValue,
} from '../../../model/index.js';
import type { EntityShape, FieldShape, ReferenceShape } from '../result-shape.js';

/** Owner and group of a loaded object, for `decorate`. Null where the entity has none. */
export interface DecorateInfo {
  readonly ownerId: number | null;
  readonly groupId: number | null;
}

/**
 * Called once per loaded object after hydration; the IQuery service sets
 * `details.permissions` (with the caller's restrictions) here.
 */
export type Decorate = (obj: IObject, info: DecorateInfo) => void;

type Row = Readonly<Record<string, unknown>>;
type Rec = Record<string, unknown>;
type ModelCtor = new (id?: number, loaded?: boolean) => IObject;

interface CollectionState {
  readonly elements: IObject[];
  readonly index: Map<IObject, number>;
}

/** Ids arrive as numbers (pg/PGlite int8 parsers), or as strings from a bare `pg`. */
function toId(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  return typeof value === 'number' ? value : Number(value);
}

function modelClass(name: string): ModelCtor {
  const cls = lookupModelClass(name);
  if (!cls) throw new Error(`no model class for entity ${name}`);
  return cls as unknown as ModelCtor;
}

function namedValues(raw: unknown): NamedValue[] {
  if (raw === null || raw === undefined) return [];
  return jsonColumn<[string, string][]>(raw).map(([name, value]) => new NamedValue(name, value));
}

/**
 * Builds model objects from result rows, keeping one instance per entity (as a Hibernate session
 * does): pass 1 creates every loaded object, pass 2 wires references and fetched collections,
 * then every loaded object is decorated once.
 *
 * Loaded objects have their scalar fields as rtypes, `details.owner`/`group`/events and other
 * references as unloaded proxies holding the id (or the loaded instance when the same entity is
 * loaded elsewhere in the result), and unloaded collections unless `join fetch`ed — fetched
 * collections are loaded, deduplicated, in row order (ordered lists by their index).
 */
export class EntityGraph {
  readonly #loaded = new Map<string, IObject>();
  readonly #info = new Map<IObject, DecorateInfo>();
  readonly #proxies = new Map<string, IObject>();
  readonly #collections = new Map<IObject, Map<string, CollectionState>>();

  /** Pass 1: creates the loaded objects of one row for an entity column (and its fetches). */
  collect(row: Row, shape: EntityShape): void {
    const id = toId(row[shape.idLabel]);
    const def = this.#concrete(row, shape);
    if (id !== null && def) {
      const key = `${def.table}:${id}`;
      if (!this.#loaded.has(key)) this.#loaded.set(key, this.#create(row, shape, def, id));
    }
    for (const fetch of shape.fetches) this.collect(row, fetch.entity);
  }

  /** Pass 2: wires references and collections; returns the row's object, or null. */
  wire(row: Row, shape: EntityShape): IObject | null {
    const id = toId(row[shape.idLabel]);
    const def = this.#concrete(row, shape);
    if (id === null || !def) return null;
    const obj = this.#loaded.get(`${def.table}:${id}`)!;
    for (const ref of shape.references) {
      const fetch = shape.fetches.find((f) => f.kind === 'reference' && f.property === ref.property);
      const fetched = fetch ? this.wire(row, fetch.entity) : null;
      this.#setReference(obj, ref.property, fetched ?? this.#reference(row, ref));
    }
    for (const fetch of shape.fetches) {
      if (fetch.kind !== 'collection') continue;
      const state = this.#collection(obj, fetch.property);
      const element = this.wire(row, fetch.entity);
      if (element && !state.index.has(element)) {
        const position = fetch.entity.indexLabel ? toId(row[fetch.entity.indexLabel]) : null;
        state.index.set(element, position ?? state.elements.length);
        state.elements.push(element);
      }
    }
    return obj;
  }

  /** Stores fetched collections on their owners and decorates every loaded object once. */
  finish(decorate: Decorate): void {
    for (const [obj, collections] of this.#collections) {
      for (const [property, state] of collections) {
        const elements = [...state.elements].sort((a, b) => state.index.get(a)! - state.index.get(b)!);
        (obj as unknown as Rec)[`_${property}Seq`] = elements;
        (obj as unknown as Rec)[`_${property}Loaded`] = true;
      }
    }
    for (const [obj, info] of this.#info) decorate(obj, info);
  }

  #concrete(row: Row, shape: EntityShape): EntityDef | null {
    const def = entityDef(shape.entity);
    if (!def.abstract) return def;
    const discriminator = shape.discriminatorLabel ? row[shape.discriminatorLabel] : null;
    // Rows of kinds we do not model (written by another server) are skipped.
    return typeof discriminator === 'string' ? (entityForDiscriminator(def, discriminator) ?? null) : null;
  }

  #create(row: Row, shape: EntityShape, def: EntityDef, id: number): IObject {
    const Cls = modelClass(def.name);
    const obj = new Cls(id);
    obj.unloadCollections();
    const rec = obj as unknown as Rec;
    for (const field of shape.fields) {
      if (!Object.hasOwn(def.properties, field.property)) continue;
      if (field.property === 'version') {
        obj.version = rint(row[field.label] as number | null);
        continue;
      }
      rec[field.property] = this.#fieldValue(def, field, row[field.label]);
    }
    for (const nv of shape.namedValues) {
      if (Object.hasOwn(def.properties, nv.property)) rec[nv.property] = namedValues(row[nv.label]);
    }
    this.#info.set(obj, {
      ownerId: shape.ownerLabel ? toId(row[shape.ownerLabel]) : null,
      groupId: shape.groupLabel ? toId(row[shape.groupLabel]) : null,
    });
    return obj;
  }

  #fieldValue(def: EntityDef, field: FieldShape, raw: unknown): unknown {
    if (raw === null || raw === undefined) return null;
    const meta = getField(def.name, field.property);
    if (!meta) return null;
    if (meta.kind === 'object' && meta.refClass === 'EventType') {
      // Event.type is an enumeration object in the model and a text column here.
      const type = new EventTypeI();
      type.value = rstring(raw);
      return type;
    }
    return wrapFieldValue(meta, raw);
  }

  #reference(row: Row, ref: ReferenceShape): IObject | null {
    const id = toId(row[ref.label]);
    if (id === null) return null;
    let def = entityDef(ref.target);
    if (def.abstract) {
      const discriminator = ref.discriminatorLabel ? row[ref.discriminatorLabel] : null;
      const concrete = typeof discriminator === 'string' ? entityForDiscriminator(def, discriminator) : undefined;
      if (!concrete) return null;
      def = concrete;
    }
    const key = `${def.table}:${id}`;
    const loaded = this.#loaded.get(key);
    if (loaded) return loaded;
    let proxy = this.#proxies.get(key);
    if (!proxy) {
      proxy = new (modelClass(def.name))(id, false);
      this.#proxies.set(key, proxy);
    }
    return proxy;
  }

  #setReference(obj: IObject, property: string, value: IObject | null): void {
    if (property.startsWith('details.')) {
      (obj.details as unknown as Rec)[property.slice('details.'.length)] = value;
    } else {
      (obj as unknown as Rec)[property] = value;
    }
  }

  #collection(obj: IObject, property: string): CollectionState {
    let byProperty = this.#collections.get(obj);
    if (!byProperty) {
      byProperty = new Map();
      this.#collections.set(obj, byProperty);
    }
    let state = byProperty.get(property);
    if (!state) {
      state = { elements: [], index: new Map() };
      byProperty.set(property, state);
    }
    return state;
  }
}
