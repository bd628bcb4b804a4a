import type { Knex } from 'knex';
import { MIGRATIONS, type Migration } from './migrations/index.js';

const TABLE = 'omero_migrations';

/** Knex's migration source over our static list. */
const SOURCE: Knex.MigrationSource<Migration> = {
  getMigrations: async () => [...MIGRATIONS],
  getMigrationName: (m) => m.name,
  getMigration: async (m) => m,
};

const OPTIONS: Knex.MigratorConfig = { migrationSource: SOURCE, tableName: TABLE };

/** The schema state: applied and pending migration names. */
export interface SchemaStatus {
  readonly applied: readonly string[];
  readonly pending: readonly string[];
  /** The newest applied migration, or null for an empty database. */
  readonly version: string | null;
}

/** Applies every pending migration; returns the names applied. */
export async function migrateLatest(knex: Knex): Promise<string[]> {
  const [, applied] = (await knex.migrate.latest(OPTIONS)) as [number, string[]];
  return applied;
}

/** Reads which migrations are applied and which are pending. */
export async function schemaStatus(knex: Knex): Promise<SchemaStatus> {
  const [done, pending] = (await knex.migrate.list(OPTIONS)) as [Array<{ name: string }>, Migration[]];
  const applied = done.map((m) => m.name);
  return { applied, pending: pending.map((m) => m.name), version: applied.at(-1) ?? null };
}
