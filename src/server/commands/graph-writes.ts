import type { Knex } from 'knex';
import { isLinkEntity } from './graph-schema.js';
import type { GraphRow } from './graph-set.js';

type Db = Knex | Knex.Transaction;

function byTable(rows: readonly GraphRow[]): Map<string, { link: boolean; ids: number[] }> {
  const tables = new Map<string, { link: boolean; ids: number[] }>();
  for (const r of rows) {
    const entry = tables.get(r.def.table) ?? { link: isLinkEntity(r.def), ids: [] };
    entry.ids.push(r.id);
    tables.set(r.def.table, entry);
  }
  return tables;
}

/**
 * Deletes graph rows: links first, so that no foreign key points at an object when it goes
 * (annotation map values follow their annotation by `on delete cascade`).
 */
export async function deleteRows(db: Db, rows: readonly GraphRow[]): Promise<void> {
  const tables = [...byTable(rows)].sort(([, a], [, b]) => Number(b.link) - Number(a.link));
  for (const [table, { ids }] of tables) await db(table).whereIn('id', ids).delete();
}

/** Applies the same column changes to graph rows (bumping `version`; `update_id` = `eventId`). */
export async function updateRows(db: Db, rows: readonly GraphRow[], changes: Record<string, unknown>, eventId: number): Promise<void> {
  for (const [table, { ids }] of byTable(rows)) {
    await db(table).whereIn('id', ids).update({ ...changes, update_id: eventId, version: db.raw('version + 1') });
  }
}
