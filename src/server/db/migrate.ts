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

/**
 * `schemaStatus` in one statement for the common case, a server opening an initialised database
 * (issue 6: Knex's migrator costs several catalogue queries and its own modules at every start).
 * Anything unusual — no migrations table yet, or an applied name we do not know — goes through
 * `schemaStatus` itself, so the answers and side effects stay Knex's.
 */
export async function openingSchemaStatus(knex: Knex): Promise<SchemaStatus> {
  let rows: Array<{ name: string }>;
  try {
    rows = (await knex(TABLE).orderBy('id').select('name')) as Array<{ name: string }>;
  } catch {
    return schemaStatus(knex);
  }
  const known = new Set(MIGRATIONS.map((m) => m.name));
  const applied = rows.map((r) => r.name);
  if (!applied.every((n) => known.has(n))) return schemaStatus(knex);
  const done = new Set(applied);
  return { applied, pending: MIGRATIONS.map((m) => m.name).filter((n) => !done.has(n)), version: applied.at(-1) ?? null };
}
