import { ApiUsageException } from '../../model/index.js';
import { existsSync } from 'node:fs';
import knexFactory, { type Knex } from 'knex';
import type { DatabaseConfig } from './database-config.js';
import { PgliteLock } from './pglite-lock.js';

/** An open database: the Knex instance and how to close it. */
export interface Database {
  readonly knex: Knex;
  readonly config: DatabaseConfig;
  /** Closes connections (and, for PGlite, the engine and its lock). */
  close(): Promise<void>;
}

/** How long a process waits for another one to release the embedded database. Default 15 s. */
const LOCK_WAIT_MS = Number(process.env.OMERO_DB_LOCK_WAIT_MS ?? 15000);

/**
 * Longest one statement may run before OMERO's OverUsageException (default 60 s), set once per
 * connection rather than per call, so a query costs no extra round trip.
 */
export const STATEMENT_TIMEOUT_MS = Math.max(1, Math.floor(Number(process.env.OMERO_QUERY_TIMEOUT_MS ?? 60_000)));

/** Opens the database a config names, loading only the driver it needs. */
export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  return config.kind === 'pg' ? openPostgres(config) : openPglite(config);
}

async function openPostgres(config: Extract<DatabaseConfig, { kind: 'pg' }>): Promise<Database> {
  const pg = (await import('pg')).default;
  // int8 ids and permissions fit in a double; OMERO's Python client sees plain ints too.
  pg.types.setTypeParser(20, (v: string) => Number(v));
  const knex = knexFactory({
    client: 'pg',
    connection: { connectionString: config.url, statement_timeout: STATEMENT_TIMEOUT_MS },
    pool: { min: 0, max: config.poolMax ?? 10 },
    acquireConnectionTimeout: 30000,
    log: { warn: warnUnlessConnectionError },
  });
  return { knex, config, close: () => knex.destroy() };
}

/**
 * Knex warns on the console when a connection breaks or cannot be opened, with a stack trace; the
 * call then fails with that error, which the server maps to DatabaseBusyException. The warning
 * would put a driver stack trace on the CLI's stderr next to OMERO's one-line message (faults
 * suite), so those two are dropped; other warnings still show.
 */
function warnUnlessConnectionError(message: unknown): void {
  if (typeof message === 'string' && /^(Connection Error|Acquire connection error): /.test(message)) return;
  console.warn(message);
}

async function openPglite(config: Extract<DatabaseConfig, { kind: 'pglite' }>): Promise<Database> {
  const [{ PGlite }, { PgliteKnexClient }] = await Promise.all([import('@electric-sql/pglite'), import('./pglite-client.js')]);
  if (config.dataDir && config.create === false && !existsSync(config.dataDir)) {
    // An OMERO exception, so that its message reaches the client as it is (not as an error id).
    throw new ApiUsageException(
      `there is no database at ${config.dataDir}: run \`omero db init\` (or \`npm start\` for the demo) to create it, ` +
        'or point OMERO_USERDIR at the directory that holds one (or OMERO_DB_URL at a PostgreSQL server)',
    );
  }
  const lock = config.dataDir ? await PgliteLock.acquire(config.dataDir, LOCK_WAIT_MS) : null;
  try {
    const pglite = new PGlite({ dataDir: config.dataDir, loadDataDir: config.loadDataDir });
    await pglite.waitReady;
    await pglite.exec(`set statement_timeout = ${STATEMENT_TIMEOUT_MS}`);
    const knex = knexFactory({
      client: PgliteKnexClient as unknown as typeof Knex.Client,
      dialect: 'postgres',
      connection: { pglite } as unknown as Knex.StaticConnectionConfig,
      // One connection only: a query outside the call's transaction would wait forever.
      acquireConnectionTimeout: 10000,
    });
    return {
      knex,
      config,
      close: async () => {
        try {
          await knex.destroy();
          if (!pglite.closed) await pglite.close();
        } finally {
          lock?.release();
        }
      },
    };
  } catch (e) {
    lock?.release();
    throw e;
  }
}
