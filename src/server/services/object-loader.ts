import type { Knex } from 'knex';
import { EventI, IObject, lookupModelClass, NamedValue, rint, type ModelClass } from '../../model/index.js';
import type { CallContext } from '../call/call-context.js';
import {
  entityDef,
  entityForDiscriminator,
  findEntity,
  type ComponentsProperty,
  type EntityDef,
  type ReferenceProperty,
} from '../db/entities.js';
import { canReadRow } from '../security/index.js';
import { columnToRType } from './column-values.js';
import { objectDecorator, type ObjectDecorator } from './object-details.js';

/** A raw row of a data table (`select *`). */
export type DataRow = Readonly<Record<string, unknown>>;

/** Options of {@link loadObjects}. */
export interface LoadOptions {
  /**
   * Drop rows the caller may not read (the visibility predicate, reference permissions §2).
   * Default false: the loader is for rows the service has already authorised (e.g. just saved).
   */
  readonly visibleOnly?: boolean;
}

/** What `rowToObject` needs besides the row: how to name referenced rows of abstract classes. */
export interface RowContext {
  /** The concrete entity of a referenced row of an abstract class (Annotation), by table and id. */
  readonly concreteOf: (table: string, id: number) => EntityDef | undefined;
  /** `NamedValue` lists of a components property (`mapValue`), by owning row id. */
  readonly components: (property: string, id: number) => NamedValue[];
}

/** The concrete entity of a row of `def`'s table (its discriminator decides for annotations). */
export function concreteEntity(def: EntityDef, row: DataRow): EntityDef | undefined {
  if (def.discriminatorColumn === null) return def;
  return entityForDiscriminator(def.superclass ? entityDef(def.superclass) : def, String(row[def.discriminatorColumn]));
}

/**
 * A model object from a row of a data table, without `details.owner/group/permissions` (see
 * `decorateObject`): loaded, `id` and `version`, scalars as rtypes, references as unloaded proxies
 * of their (concrete) class, components (`mapValue`) as NamedValue lists, collections unloaded,
 * `details.creationEvent` / `details.updateEvent` as unloaded EventI proxies.
 */
export function rowToObject(def: EntityDef, row: DataRow, context: RowContext): IObject {
  const cls = modelClassOf(def);
  const id = Number(row.id);
  const obj = new cls(id, true);
  const rec = obj as unknown as Record<string, unknown>;
  for (const [name, prop] of Object.entries(def.properties)) {
    if (name === 'id' || name.startsWith('details.')) continue;
    if (prop.kind === 'scalar') {
      if (name === 'version') obj.version = rint(Number(row[prop.column] ?? 0));
      else rec[name] = columnToRType(prop.valueKind, row[prop.column]);
    } else if (prop.kind === 'reference') {
      rec[name] = referenceProxy(prop, row[prop.column], context);
    } else if (prop.kind === 'components') {
      rec[name] = context.components(name, id);
    }
  }
  obj.unloadCollections();
  if (row.creation_id !== undefined && row.creation_id !== null) obj.details.creationEvent = new EventI(Number(row.creation_id), false);
  if (row.update_id !== undefined && row.update_id !== null) obj.details.updateEvent = new EventI(Number(row.update_id), false);
  return obj;
}

function referenceProxy(prop: ReferenceProperty, value: unknown, context: RowContext): IObject | null {
  if (value === null || value === undefined) return null;
  const id = Number(value);
  const target = entityDef(prop.target);
  const concrete = target.abstract ? context.concreteOf(target.table, id) : target;
  if (!concrete) return null;
  return new (modelClassOf(concrete))(id, false);
}

/** The model class of a concrete entity. */
export function modelClassOf(def: EntityDef): ModelClass {
  const cls = lookupModelClass(def.name);
  if (cls === null || cls.meta.abstract) throw new Error(`no concrete model class for entity ${def.name}`);
  return cls as unknown as ModelClass;
}

/**
 * Loads data objects of `entityName` (any OMERO spelling of a data class, abstract `Annotation`
 * included) by id, decorated for the caller (`decorateObject`), in the order of `ids`; missing ids
 * are skipped. Rows of a subclass are returned with their concrete class.
 *
 * ### Examples
 *
 * ```ts
 * const [p] = await loadObjects(call, 'Project', [5]);
 * p.name.val;                       // 'private-1 project'
 * p.details.permissions.canEdit();  // per the caller
 * ```
 */
export async function loadObjects(call: CallContext, entityName: string, ids: readonly number[], options: LoadOptions = {}): Promise<IObject[]> {
  const def = findEntity(entityName);
  if (!def || def.kind !== 'data') throw new Error(`loadObjects: not a data entity: ${entityName}`);
  if (ids.length === 0) return [];
  let q = call.db(def.table).select('*').whereIn('id', [...new Set(ids)]);
  if (def.discriminator !== null && def.discriminatorColumn !== null) q = q.where(def.discriminatorColumn, def.discriminator);
  let rows = (await q) as DataRow[];
  if (options.visibleOnly) {
    const scope = await call.scope();
    rows = rows.filter((r) => canReadRow(scope, { ownerId: Number(r.owner_id), groupId: Number(r.group_id) }));
  }
  const decorate = await objectDecorator(call, rows.map((r) => Number(r.group_id)));
  const objects = await rowsToObjects(call.db, def, rows, decorate);
  const byId = new Map(objects.map((o) => [o.id!.val as number, o]));
  return ids.map((id) => byId.get(id)).filter((o): o is IObject => o !== undefined);
}

/**
 * Converts rows of one table to decorated model objects, loading what the rows reference
 * (discriminators of abstract targets, NamedValue lists) in one query each.
 */
export async function rowsToObjects(trx: Knex | Knex.Transaction, def: EntityDef, rows: readonly DataRow[], decorate: ObjectDecorator): Promise<IObject[]> {
  const context = await rowContext(trx, def, rows);
  const result: IObject[] = [];
  for (const row of rows) {
    const concrete = concreteEntity(def, row);
    if (!concrete) continue;
    const obj = rowToObject(concrete, row, context);
    result.push(decorate(obj, { ownerId: Number(row.owner_id), groupId: Number(row.group_id) }));
  }
  return result;
}

async function rowContext(trx: Knex | Knex.Transaction, def: EntityDef, rows: readonly DataRow[]): Promise<RowContext> {
  const concrete = new Map<string, EntityDef>();
  const components = new Map<string, NamedValue[]>();
  const ids = rows.map((r) => Number(r.id));
  const properties = new Map(
    rows.flatMap((r) => Object.entries(concreteEntity(def, r)?.properties ?? {})),
  );
  for (const [name, prop] of properties) {
    if (prop.kind === 'reference' && !name.startsWith('details.')) {
      const target = entityDef(prop.target);
      if (!target.abstract || target.discriminatorColumn === null) continue;
      const refIds = [...new Set(rows.map((r) => r[prop.column]).filter((v) => v !== null && v !== undefined).map(Number))];
      if (refIds.length === 0) continue;
      const found = await trx(target.table).select('id', target.discriminatorColumn).whereIn('id', refIds);
      for (const f of found) {
        const e = entityForDiscriminator(target, String(f[target.discriminatorColumn]));
        if (e) concrete.set(`${target.table}:${Number(f.id)}`, e);
      }
    } else if (prop.kind === 'components' && ids.length > 0) {
      const c = prop as ComponentsProperty;
      const found = await trx(c.table).select('*').whereIn(c.keyColumn, ids).orderBy([c.keyColumn, c.indexColumn]);
      for (const f of found) {
        const key = `${name}:${Number(f[c.keyColumn])}`;
        const list = components.get(key) ?? [];
        list.push(new NamedValue(String(f.name), String(f.value)));
        components.set(key, list);
      }
    }
  }
  return {
    concreteOf: (table, id) => concrete.get(`${table}:${id}`),
    components: (property, id) => components.get(`${property}:${id}`) ?? [],
  };
}
