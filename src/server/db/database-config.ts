import { omeroDirs } from '../../env/omero-dirs.js';

/** Which database the engine uses. */
export type DatabaseConfig =
  | {
      readonly kind: 'pg';
      /** A `postgres://` connection string (from `OMERO_DB_URL`). */
      readonly url: string;
      /** Largest connection pool size. Default 10. */
      readonly poolMax?: number;
    }
  | {
      readonly kind: 'pglite';
      /** Data directory; `undefined` keeps the database in memory (tests). */
      readonly dataDir?: string;
      /** A `dumpDataDir()` tarball to start from instead of running initdb (fast test setup). */
      readonly loadDataDir?: Blob;
      /**
       * Whether a missing `dataDir` may be created. `databaseConfigFromEnv` says false, so that a
       * command pointed at the wrong OMERO_USERDIR fails with a message instead of silently making
       * a second, empty database; `omero db init` and `omero demo` set it. Default true.
       */
      readonly create?: boolean;
    };

/**
 * The database selected by the environment: `OMERO_DB_URL=postgres://…` selects a PostgreSQL
 * server; otherwise the embedded PGlite database under `$OMERO_USERDIR/db` (DESIGN decision 4).
 */
export function databaseConfigFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  const url = env.OMERO_DB_URL;
  if (url) return { kind: 'pg', url };
  return { kind: 'pglite', dataDir: omeroDirs(env).dbDir, create: false };
}

/** A one-line description of a database for messages, without any password. */
export function describeDatabase(config: DatabaseConfig): string {
  if (config.kind === 'pglite') return config.dataDir ? `embedded PGlite at ${config.dataDir}` : 'embedded PGlite (in memory)';
  try {
    const u = new URL(config.url);
    u.password = '';
    return `PostgreSQL at ${u.toString().replace(/:@/, '@')}`;
  } catch {
    return 'PostgreSQL (unparseable URL)';
  }
}
