import type { Knex } from 'knex';

/**
 * Indexes for reading a page in id order group by group (issue 15, `hql/transformer/page-walk.ts`):
 * `(group_id, id)` for the rows of a readable group, `(group_id, owner_id, id)` for the caller's own
 * rows in a group where only those are readable, `(owner_id, id)` for their own rows anywhere. Each
 * is a range already in id order, so "the newest 50" reads 50 entries per group however large the
 * table. The last two replace `(group_id, owner_id)` and `(owner_id)`, which they cover.
 */
export const name = '0004-page-walk-indexes';

const DATA_TABLES = [
  'project',
  'dataset',
  'image',
  'annotation',
  'projectdatasetlink',
  'datasetimagelink',
  'projectannotationlink',
  'datasetannotationlink',
  'imageannotationlink',
] as const;

export async function up(knex: Knex): Promise<void> {
  for (const table of DATA_TABLES) {
    await knex.raw(`create index ${table}_group_id on ${table} (group_id, id)`);
    await knex.raw(`create index ${table}_group_owner_id on ${table} (group_id, owner_id, id)`);
    await knex.raw(`drop index ${table}_group_owner`);
    await knex.raw(`create index ${table}_owner_id on ${table} (owner_id, id)`);
    await knex.raw(`drop index ${table}_owner`);
  }
}

export async function down(knex: Knex): Promise<void> {
  for (const table of DATA_TABLES) {
    await knex.raw(`create index ${table}_group_owner on ${table} (group_id, owner_id)`);
    await knex.raw(`create index ${table}_owner on ${table} (owner_id)`);
    await knex.raw(`drop index ${table}_group_id`);
    await knex.raw(`drop index ${table}_group_owner_id`);
    await knex.raw(`drop index ${table}_owner_id`);
  }
}
