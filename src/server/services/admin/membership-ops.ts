import type { Knex } from 'knex';
import { SystemIds } from '../../security/index.js';

/**
 * Writes to `groupexperimentermap`, keeping `child_index` dense (0..n-1) and the default group
 * (index 0) never the "user" group while another membership exists (reference permissions §5.2).
 */

/** Adds a membership at the end of the user's list; returns false when it already existed. */
export async function addMembership(trx: Knex.Transaction, userId: number, groupId: number, owner = false): Promise<boolean> {
  const existing = await trx('groupexperimentermap').where({ parent: groupId, child: userId }).first();
  if (existing) {
    if (owner && !existing.owner) await trx('groupexperimentermap').where({ id: existing.id }).update({ owner: true });
    return false;
  }
  const { max } = (await trx('groupexperimentermap').where({ child: userId }).max('child_index as max').first()) ?? { max: null };
  const index = max === null || max === undefined ? 0 : Number(max) + 1;
  await trx('groupexperimentermap').insert({ parent: groupId, child: userId, owner, child_index: index });
  return true;
}

/** Removes a membership; returns false when there was none. */
export async function removeMembership(trx: Knex.Transaction, userId: number, groupId: number): Promise<boolean> {
  const n = await trx('groupexperimentermap').where({ parent: groupId, child: userId }).delete();
  if (n > 0) await reindex(trx, userId);
  return n > 0;
}

/** Sets or clears the owner flag; returns false when nothing changed. */
export async function setOwner(trx: Knex.Transaction, userId: number, groupId: number, owner: boolean): Promise<boolean> {
  const n = await trx('groupexperimentermap').where({ parent: groupId, child: userId, owner: !owner }).update({ owner });
  return n > 0;
}

/** Group ids of a user in index order. */
export async function membershipIds(trx: Knex | Knex.Transaction, userId: number): Promise<number[]> {
  const rows = await trx('groupexperimentermap').select('parent').where({ child: userId }).orderBy('child_index');
  return rows.map((r) => Number(r.parent));
}

/** Rewrites indexes as 0..n-1 in the current order, then fixes the default group. */
export async function reindex(trx: Knex.Transaction, userId: number): Promise<void> {
  await writeOrder(trx, userId, await membershipIds(trx, userId));
  await fixDefaultGroup(trx, userId);
}

/** If index 0 is the "user" group and another group exists, swap them (OMERO's fixDefaultGroup). */
export async function fixDefaultGroup(trx: Knex.Transaction, userId: number): Promise<void> {
  const ids = await membershipIds(trx, userId);
  if (ids[0] !== SystemIds.USER_GROUP || ids.length < 2) return;
  [ids[0], ids[1]] = [ids[1]!, ids[0]!];
  await writeOrder(trx, userId, ids);
}

/** Moves `groupId` to index 0 by swapping it with the current default (OMERO's setDefaultGroup). */
export async function makeDefault(trx: Knex.Transaction, userId: number, groupId: number): Promise<void> {
  const ids = await membershipIds(trx, userId);
  const at = ids.indexOf(groupId);
  if (at <= 0) return;
  [ids[0], ids[at]] = [ids[at]!, ids[0]!];
  await writeOrder(trx, userId, ids);
}

async function writeOrder(trx: Knex.Transaction, userId: number, ids: number[]): Promise<void> {
  for (const [index, parent] of ids.entries()) {
    await trx('groupexperimentermap').where({ child: userId, parent }).update({ child_index: index });
  }
}
