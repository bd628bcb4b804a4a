import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { initialiseDatabase } from '../../src/server/db/bootstrap.js';
import type { DatabaseConfig } from '../../src/server/db/database-config.js';
import { openDatabase } from '../../src/server/db/open-database.js';

/** The repository root (scripts/bench/../..). */
export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The real `omero` command, over dist/. */
export const OMERO_BIN = join(REPO_ROOT, 'bin', 'omero.js');
/** Root's password in every bench database. */
export const ROOT_PASSWORD = 'bench-root-password';

/** The two storage engines of DESIGN decision 4. */
export type EngineName = 'postgres' | 'pglite';

/**
 * A private OMERO environment for one benchmark: an initialised database (its own PostgreSQL
 * database, or an embedded data directory under its own user dir) and the environment a CLI
 * process needs to use it (nothing inherited from the caller but PATH).
 */
export interface BenchEnvironment {
  readonly engine: EngineName;
  readonly config: DatabaseConfig;
  readonly userDir: string;
  readonly env: NodeJS.ProcessEnv;
  /** Drops the database and removes the user dir. */
  close(): Promise<void>;
}

/** Replaces the database name of a `postgres://` URL. */
export function withDatabase(url: string, db: string): string {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
}

/** Whether a PostgreSQL server answers at `url` (within a few seconds). */
export async function postgresAvailable(url: string): Promise<string | null> {
  try {
    const db = await openDatabase({ kind: 'pg', url, poolMax: 1 });
    try {
      const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no answer within 5 s')), 5000).unref());
      const r = await Promise.race([db.knex.raw('select version() as v'), timeout]);
      return String((r as { rows: Array<{ v: string }> }).rows[0]!.v);
    } finally {
      await db.close();
    }
  } catch {
    return null;
  }
}

/** Runs statements, in order, on a one-connection pool of `url` (`create`/`drop database` cannot run in a transaction). */
async function runOn(url: string, ...statements: string[]): Promise<void> {
  const admin = await openDatabase({ kind: 'pg', url, poolMax: 1 });
  try {
    for (const statement of statements) await admin.knex.raw(statement);
  } finally {
    await admin.close();
  }
}

/** Per-run templates: an initialised database is built once per engine, then copied per benchmark. */
const templates: { pglite?: Promise<string>; postgres?: Promise<{ name: string; pgUrl: string }> } = {};

/**
 * An initialised embedded data directory to copy (made once per run), by `omero db init` in a
 * child process: a bench process that had loaded PGlite itself measured every process it started
 * slower afterwards (`node -e 0` 40–53 ms instead of 24–28 in the start-up runs).
 */
function pgliteTemplate(): Promise<string> {
  templates.pglite ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), 'omero-bench-template-'));
    const env = { PATH: process.env.PATH, HOME: dir, OMERO_USERDIR: dir, OMERO_KEYRING: '0', OMERO_SERVER: 'in-process', OMERO_ROOT_PASSWORD: ROOT_PASSWORD };
    execFileSync(process.execPath, [OMERO_BIN, 'db', 'init'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
    return join(dir, 'db');
  })();
  return templates.pglite;
}

/** `random_page_cost` of the bench databases (README "Configuration"). */
export const RANDOM_PAGE_COST = 1.1;

/** An initialised PostgreSQL template database (made once per run). */
function postgresTemplate(pgUrl: string): Promise<{ name: string; pgUrl: string }> {
  templates.postgres ??= (async () => {
    const name = `omero_bench_template_${process.pid}_${randomBytes(3).toString('hex')}`;
    await runOn(pgUrl, `create database ${name}`);
    const db = await openDatabase({ kind: 'pg', url: withDatabase(pgUrl, name), poolMax: 1 });
    try {
      await initialiseDatabase(db.knex, ROOT_PASSWORD);
    } finally {
      await db.close();
    }
    return { name, pgUrl };
  })();
  return templates.postgres;
}

/** Removes the per-run templates. */
export async function dropTemplates(): Promise<void> {
  const pg = await templates.postgres?.catch(() => undefined);
  const dir = await templates.pglite?.catch(() => undefined);
  templates.postgres = undefined;
  templates.pglite = undefined;
  if (dir) rmSync(dirname(dir), { recursive: true, force: true });
  if (pg) await runOn(pg.pgUrl, `drop database if exists ${pg.name} with (force)`);
}

/** Creates a fresh initialised environment on `engine` (a copy of the run's template). `pgUrl` names the server (any database). */
export async function openBenchEnvironment(engine: EngineName, pgUrl: string, label: string): Promise<BenchEnvironment> {
  const userDir = mkdtempSync(join(tmpdir(), `omero-bench-${label}-`));
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: userDir,
    OMERO_USERDIR: userDir,
    OMERO_KEYRING: '0',
    NO_COLOR: '1',
    TERM: 'xterm',
    OMERO_DB_LOCK_WAIT_MS: '60000',
    // The user directory's server (started by the first command) on any free port; stopped by close().
    OMERO_SERVER_PORT: '0',
    OMERO_SERVER_IDLE_MINUTES: '5',
  };
  const stopServer = (): void => {
    spawnSync(process.execPath, [OMERO_BIN, 'admin', 'stop'], { env, stdio: 'ignore' });
  };
  if (engine === 'pglite') {
    cpSync(await pgliteTemplate(), join(userDir, 'db'), { recursive: true });
    const config: DatabaseConfig = { kind: 'pglite', dataDir: join(userDir, 'db') };
    return {
      engine,
      config,
      userDir,
      env,
      close: async () => {
        stopServer();
        rmSync(userDir, { recursive: true, force: true });
      },
    };
  }
  const template = await postgresTemplate(pgUrl);
  const name = `omero_bench_${label.replace(/\W/g, '_')}_${process.pid}_${randomBytes(3).toString('hex')}`;
  // The settings the README recommends (not inherited from a template): random_page_cost for a
  // database on SSD or in memory, as PostgreSQL's documentation advises, and no parallel workers
  // for a server of many short queries. With the defaults the planner prefers walking a hundred
  // thousand rows in id order, in parallel, to a few thousand random pages for the queries the
  // page walk does not cover.
  await runOn(
    pgUrl,
    `create database ${name} template ${template.name}`,
    `alter database ${name} set random_page_cost = ${RANDOM_PAGE_COST}`,
    `alter database ${name} set max_parallel_workers_per_gather = 0`,
  );
  const url = withDatabase(pgUrl, name);
  const config: DatabaseConfig = { kind: 'pg', url, poolMax: 4 };
  env.OMERO_DB_URL = url;
  return {
    engine,
    config,
    userDir,
    env,
    close: async () => {
      stopServer();
      rmSync(userDir, { recursive: true, force: true });
      await runOn(pgUrl, `drop database if exists ${name} with (force)`);
    },
  };
}

/**
 * Makes sure dist/ holds a build (the CLI benchmarks run bin/omero.js over it). Other people
 * rebuild dist/ (which deletes it first), so a missing build is waited for before building it.
 */
export async function ensureBuilt(log: (s: string) => void): Promise<void> {
  const needed = ['cli/main.js', 'server/worker/server-worker.js'].map((f) => join(REPO_ROOT, 'dist', f));
  const present = () => needed.every((f) => existsSync(f));
  for (let waited = 0; !present() && waited < 30_000; waited += 1000) await new Promise((r) => setTimeout(r, 1000));
  if (present()) return;
  log('dist/ is missing: building it (node scripts/build.mjs)');
  execFileSync(process.execPath, [join(REPO_ROOT, 'scripts', 'build.mjs')], { stdio: 'inherit', cwd: REPO_ROOT });
}
