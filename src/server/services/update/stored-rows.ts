import {
  IObject,
  NamedValue,
  OptimisticLockException,
  ValidationException,
} from '../../../model/index.js';
import type { CallContext } from '../../call/call-context.js';
import type { ComponentsProperty, EntityDef } from '../../db/entities.js';
import { concreteEntity, type DataRow } from '../object-loader.js';

/**
 * Reads and writes of stored rows shared by the IUpdate paths (graph saves, system types,
 * deleteObject): finding the row an object names, the optimistic version check, and the
 * NamedValue component rows (`mapValue`, `config`).
 */

/** A stored row and its concrete entity. */
export interface StoredRow {
  readonly row: DataRow;
  readonly def: EntityDef;
}

/**
 * The row `id` of `def`'s table, as its concrete entity; Hibernate's ValidationException "No row
 * with the given identifier exists" when there is none (or it is of another subclass than `def`).
 */
export async function storedRow(call: CallContext, def: EntityDef, id: number): Promise<StoredRow> {
  const row = (await call.trx(def.table).select('*').where({ id }).first()) as DataRow | undefined;
  const concrete = row ? concreteEntity(def, row) : undefined;
  if (!row || !concrete || (def.discriminator !== null && concrete !== def)) {
    throw new ValidationException(`No row with the given identifier exists: [${def.serverClass}#${id}]`);
  }
  return { row, def: concrete };
}

/**
 * Optimistic locking: an object sent with a `version` other than the stored one is stale
 * (OptimisticLockException). Objects sent without a version are not checked.
 */
export function checkVersion(obj: IObject, row: DataRow, label: string): void {
  const version = obj.version?.val;
  if (version === null || version === undefined || !('version' in row)) return;
  if (Number(version) !== Number(row.version)) {
    throw new OptimisticLockException(
      `${label} was updated by another transaction: version ${Number(version)} is stale (current ${Number(row.version)})`,
    );
  }
}

/** The NamedValue rows of one components property of row `id`, in order. */
export async function componentRows(call: CallContext, prop: ComponentsProperty, id: number): Promise<NamedValue[]> {
  const rows = await call.trx(prop.table).select('name', 'value').where(prop.keyColumn, id).orderBy(prop.indexColumn);
  return rows.map((r) => new NamedValue(String(r.name), String(r.value)));
}

/** Whether two NamedValue lists hold the same pairs in the same order. */
export function sameNamedValues(a: readonly NamedValue[], b: readonly NamedValue[]): boolean {
  return a.length === b.length && a.every((nv, i) => nv.name === b[i]!.name && nv.value === b[i]!.value);
}

/** Replaces the NamedValue rows of one components property of row `id`. */
export async function writeComponentRows(call: CallContext, prop: ComponentsProperty, id: number, values: readonly NamedValue[], replace: boolean): Promise<void> {
  if (replace) await call.trx(prop.table).where(prop.keyColumn, id).delete();
  if (values.length === 0) return;
  await call.trx(prop.table).insert(
    values.map((nv, index) => ({ [prop.keyColumn]: id, [prop.indexColumn]: index, name: nv.name, value: nv.value })),
  );
}
