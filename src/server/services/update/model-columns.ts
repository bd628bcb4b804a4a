import {
  ApiUsageException,
  IObject,
  metaOf,
  NamedValue,
  ValidationException,
} from '../../../model/index.js';
import { findEntity, type ComponentsProperty, type EntityDef, type ReferenceProperty, type ScalarProperty } from '../../db/entities.js';
import { rtypeToColumn } from '../column-values.js';

/**
 * Reading a model object's fields as the columns of its table (the write half of the entity map):
 * scalars as column values, references as their ends, NamedValue lists as component rows.
 */

/** The entity of a model object; ApiUsageException for classes we cannot store. */
export function entityOfObject(obj: IObject): EntityDef {
  const meta = metaOf(obj.constructor);
  const def = findEntity(meta.shortName);
  if (!def || def.abstract) throw new ApiUsageException(`Objects of class ${meta.serverClass} cannot be saved by this server`);
  return def;
}

/** For messages: `ome.model.containers.Project:Id_5` (OMERO's toString of a model object). */
export function objectLabel(def: EntityDef, id: number | null): string {
  return `${def.serverClass}:Id_${id ?? 'null'}`;
}

/**
 * The scalar columns of `obj` (every writable scalar of the entity, null included, as Hibernate's
 * merge copies them all). A required field left null is a ValidationException, worded as
 * Hibernate's "not-null property references a null or transient value".
 */
export function scalarColumns(def: EntityDef, obj: IObject): Record<string, unknown> {
  const rec = obj as unknown as Record<string, unknown>;
  const fields = metaOf(obj.constructor).members;
  const columns: Record<string, unknown> = {};
  for (const [name, prop] of writableScalars(def)) {
    const value = rtypeToColumn(prop.valueKind, rec[name], `${def.serverClass}.${name}`);
    const field = fields.find((m) => m.member === 'field' && m.name === name);
    if (value === null && field?.member === 'field' && field.required) throw notNull(def, name);
    columns[prop.column] = value;
  }
  return columns;
}

/** The scalar properties of an entity that a save writes (everything but id, version and details). */
export function writableScalars(def: EntityDef): Array<[string, ScalarProperty]> {
  return Object.entries(def.properties).filter(
    (e): e is [string, ScalarProperty] => e[1].kind === 'scalar' && e[0] !== 'id' && e[0] !== 'version' && !e[0].startsWith('details.'),
  );
}

/** The reference properties of an entity other than `details.*` (a link's `parent` and `child`). */
export function endProperties(def: EntityDef): Array<[string, ReferenceProperty]> {
  return Object.entries(def.properties).filter(
    (e): e is [string, ReferenceProperty] => e[1].kind === 'reference' && !e[0].startsWith('details.'),
  );
}

/** The components properties (`mapValue`) of an entity with the NamedValue lists `obj` holds. */
export function componentValues(def: EntityDef, obj: IObject): Array<[ComponentsProperty, NamedValue[]]> {
  const rec = obj as unknown as Record<string, unknown>;
  const result: Array<[ComponentsProperty, NamedValue[]]> = [];
  for (const [name, prop] of Object.entries(def.properties)) {
    if (prop.kind !== 'components') continue;
    const value = rec[name];
    if (value !== null && value !== undefined && !Array.isArray(value)) {
      throw new ApiUsageException(`invalid value for ${def.serverClass}.${name}: expected a list of NamedValue`);
    }
    const list = (value ?? []) as unknown[];
    for (const nv of list) {
      if (!(nv instanceof NamedValue) || typeof nv.name !== 'string' || typeof nv.value !== 'string') {
        throw new ApiUsageException(`invalid value for ${def.serverClass}.${name}: expected a list of NamedValue`);
      }
    }
    result.push([prop, list as NamedValue[]]);
  }
  return result;
}

/** Hibernate's not-null message as a ValidationException. */
export function notNull(def: EntityDef, property: string): ValidationException {
  return new ValidationException(`not-null property references a null or transient value: ${def.serverClass}.${property}`);
}

/** Whether a column value read back from the database equals the value about to be written. */
export function sameColumnValue(stored: unknown, next: unknown): boolean {
  if (stored === null || stored === undefined) return next === null || next === undefined;
  if (next === null || next === undefined) return false;
  if (stored instanceof Date || next instanceof Date) {
    return new Date(stored as Date).getTime() === new Date(next as Date).getTime();
  }
  if (typeof next === 'number') return Number(stored) === next;
  if (typeof next === 'boolean') return Boolean(stored) === next;
  return String(stored) === String(next);
}

/** The id a model object or rtype reference carries, or null (`details.owner`, `details.group`). */
export function idOfReference(x: unknown): number | null {
  const id = (x as { id?: { val?: unknown } } | null | undefined)?.id?.val;
  if (id === null || id === undefined) return null;
  const n = Number(id);
  if (!Number.isSafeInteger(n)) throw new ApiUsageException(`invalid id: ${String(id)}`);
  return n;
}
