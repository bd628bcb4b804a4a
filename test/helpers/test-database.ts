import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import type { DatabaseConfig } from '../../src/server/db/database-config.js';

/** The root password of every test database. */
export const ROOT_PASSWORD = 'root-test-password';

/** Which engines the suites run on: PGlite always, PostgreSQL when OMERO_TEST_DB_URL is set. */
export type Engine = 'pglite' | 'postgres';
export const ENGINES: readonly Engine[] = process.env.OMERO_TEST_DB_URL ? ['pglite', 'postgres'] : ['pglite'];

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const TEMPLATE_FILE = join(ROOT, '.tmp', 'pglite-template.tar.gz');
/** The PostgreSQL template database; scripts/test.sh names one per run so concurrent runs never collide. */
const PG_TEMPLATE = /^[a-z0-9_]+$/.test(process.env.OMERO_TEST_TEMPLATE ?? '') ? process.env.OMERO_TEST_TEMPLATE! : 'omero_test_template';

/** A fresh, initialised database for one test file. */
export interface TestDatabase {
  readonly engine: Engine;
  readonly config: DatabaseConfig;
  /** Drops the database (PostgreSQL); PGlite memory goes with the process. */
  drop(): Promise<void>;
}

/**
 * Builds the templates once per test run (`scripts/test.sh` calls this before the suites):
 * a PGlite dump, and a PostgreSQL template database when OMERO_TEST_DB_URL is set.
 */
export async function prepareTemplates(): Promise<void> {
  const { openDatabase } = await import('../../src/server/db/open-database.js');
  const { initialiseDatabase } = await import('../../src/server/db/bootstrap.js');
  const { PGlite } = await import('@electric-sql/pglite');
  const pglite = new PGlite();
  const knexFactory = (await import('knex')).default;
  const { PgliteKnexClient } = await import('../../src/server/db/pglite-client.js');
  const knex = knexFactory({ client: PgliteKnexClient as never, dialect: 'postgres', connection: { pglite } as never });
  await initialiseDatabase(knex, ROOT_PASSWORD);
  // Dump before destroying knex: knex-pglite closes the PGlite instance it was given.
  const dump = await pglite.dumpDataDir('gzip');
  await knex.destroy();
  if (!pglite.closed) await pglite.close();
  mkdirSync(dirname(TEMPLATE_FILE), { recursive: true });
  const tmp = `${TEMPLATE_FILE}.${process.pid}`;
  writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
  renameSync(tmp, TEMPLATE_FILE);
  const url = process.env.OMERO_TEST_DB_URL;
  if (url) {
    const admin = await openDatabase({ kind: 'pg', url, poolMax: 1 });
    await admin.knex.raw(`drop database if exists ${PG_TEMPLATE} with (force)`);
    await admin.knex.raw(`create database ${PG_TEMPLATE}`);
    await admin.close();
    const tpl = await openDatabase({ kind: 'pg', url: withDatabase(url, PG_TEMPLATE), poolMax: 1 });
    await initialiseDatabase(tpl.knex, ROOT_PASSWORD);
    await tpl.close();
  }
}

/** A fresh initialised database on `engine`, cloned from the run's template. */
export async function createTestDatabase(engine: Engine): Promise<TestDatabase> {
  if (engine === 'pglite') {
    if (!existsSync(TEMPLATE_FILE)) await prepareTemplates();
    const blob = new Blob([readFileSync(TEMPLATE_FILE)]);
    return { engine, config: { kind: 'pglite', loadDataDir: blob }, drop: async () => undefined };
  }
  const url = process.env.OMERO_TEST_DB_URL;
  if (!url) throw new Error('OMERO_TEST_DB_URL is not set');
  const { openDatabase } = await import('../../src/server/db/open-database.js');
  const name = `omero_t_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = await openDatabase({ kind: 'pg', url, poolMax: 1 });
  try {
    await admin.knex.raw(`create database ${name} template ${PG_TEMPLATE}`);
  } finally {
    await admin.close();
  }
  return {
    engine,
    config: { kind: 'pg', url: withDatabase(url, name), poolMax: 4 },
    drop: async () => {
      const a = await openDatabase({ kind: 'pg', url, poolMax: 1 });
      try {
        await a.knex.raw(`drop database if exists ${name} with (force)`);
      } finally {
        await a.close();
      }
    },
  };
}

function withDatabase(url: string, db: string): string {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
}

/** Drops this run's PostgreSQL template database (scripts/test.sh, at the end of a run). */
export async function dropTemplates(): Promise<void> {
  const url = process.env.OMERO_TEST_DB_URL;
  if (!url) return;
  const { openDatabase } = await import('../../src/server/db/open-database.js');
  const admin = await openDatabase({ kind: 'pg', url, poolMax: 1 });
  try {
    await admin.knex.raw(`drop database if exists ${PG_TEMPLATE} with (force)`);
  } finally {
    await admin.close();
  }
}
