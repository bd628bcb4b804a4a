import type { Knex } from 'knex';
import { entityForDiscriminator, type EntityDef } from '../db/entities.js';
import { tableEntity, type LinkSpec } from './graph-schema.js';
import type { GraphRow, LinkRow } from './graph-set.js';

/**
 * Reads of the data graph for the commands. They see every row (no visibility predicate): the
 * commands decide what the caller may read and change, through `server/security`.
 */

type Db = Knex | Knex.Transaction;

function toRow(base: EntityDef, r: Record<string, unknown>): GraphRow | null {
  const def = base.discriminatorColumn === null ? base : entityForDiscriminator(base, String(r[base.discriminatorColumn]));
  if (!def) return null;
  return {
    def,
    id: Number(r.id),
    ownerId: Number(r.owner_id),
    groupId: Number(r.group_id),
    ns: typeof r.ns === 'string' ? r.ns : null,
  };
}

/** Rows of `def`'s table by id (a subclass entity keeps only rows of that subclass). */
export async function loadRows(db: Db, def: EntityDef, ids: readonly number[]): Promise<GraphRow[]> {
  if (ids.length === 0) return [];
  const base = tableEntity(def);
  const rows = (await db(def.table).select('*').whereIn('id', [...new Set(ids)])) as Record<string, unknown>[];
  return rows
    .map((r) => toRow(base, r))
    .filter((r): r is GraphRow => r !== null && (def.discriminator === null || r.def === def));
}

/** Every row of `def`'s table owned by one of `ownerIds` (optionally only in `groupIds`). */
export async function rowsOwnedBy(db: Db, def: EntityDef, ownerIds: readonly number[], groupIds: readonly number[] | null): Promise<GraphRow[]> {
  if (ownerIds.length === 0) return [];
  let q = db(def.table).select('*').whereIn('owner_id', [...ownerIds]);
  if (groupIds !== null) q = q.whereIn('group_id', [...groupIds]);
  const base = tableEntity(def);
  return ((await q) as Record<string, unknown>[]).map((r) => toRow(base, r)).filter((r): r is GraphRow => r !== null);
}

/** Link rows of `link` whose `side` end (or own id) is one of `ids`. */
export async function linksAt(db: Db, link: LinkSpec, side: 'parent' | 'child' | 'id', ids: readonly number[]): Promise<LinkRow[]> {
  if (ids.length === 0) return [];
  const rows = (await db(link.def.table).select('*').whereIn(side, [...new Set(ids)])) as Record<string, unknown>[];
  return rows.map((r) => ({ ...toRow(link.def, r)!, parent: Number(r.parent), child: Number(r.child) }));
}
