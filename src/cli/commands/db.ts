import { Command } from 'commander';
import { existsSync } from 'node:fs';
import { CliError } from '../cli-error.js';
import { out, type CliIO } from '../cli-io.js';

/**
 * `omero db init | upgrade | status`: prepares the database the engine uses (OMERO_DB_URL, else
 * the embedded database under $OMERO_USERDIR/db). Works on the database directly, not through a
 * session: it is the administrator's tool for an empty database.
 */
export function dbCommand(io: CliIO): Command {
  const db = new Command('db').description('Database administration: create, upgrade and inspect the schema');

  db.command('init')
    .description('Create the schema and the system users and groups (idempotent)')
    .option('--root-password <PASSWORD>', 'password for root (else OMERO_ROOT_PASSWORD, else a hidden prompt)')
    .option('--root-password-stdin', 'read the root password from the first line of standard input')
    .action(async (opts: { rootPassword?: string; rootPasswordStdin?: boolean }) => {
      const { openDatabase, initialiseDatabase, databaseConfigFromEnv, describeDatabase } = await import('../../server/db/index.js');
      const fromEnv = databaseConfigFromEnv(io.env);
      const config = fromEnv.kind === 'pglite' ? { ...fromEnv, create: true } : fromEnv;
      (await import('../admin/server-control.js')).releaseEmbeddedDatabase(io.env);
      const database = await openDatabase(config);
      try {
        const { schemaStatus } = await import('../../server/db/migrate.js');
        const before = await schemaStatus(database.knex);
        const already = before.version !== null && (await database.knex('experimenter').where({ id: 0 }).first());
        if (already) {
          out(io, `Database already initialised: ${describeDatabase(config)} (schema ${before.version})`);
          if (before.pending.length > 0) out(io, `Pending migrations: ${before.pending.join(', ')} (run \`omero db upgrade\`)`);
          return;
        }
        const password = await rootPassword(io, opts);
        const result = await initialiseDatabase(database.knex, password);
        out(io, `Initialised ${describeDatabase(config)}: schema ${result.migrations.at(-1) ?? before.version}, users root and guest, groups system, user and guest`);
      } finally {
        await database.close();
      }
    });

  db.command('upgrade')
    .description('Apply pending schema migrations')
    .action(async () => {
      const { openDatabase, migrateLatest, databaseConfigFromEnv, describeDatabase } = await import('../../server/db/index.js');
      const config = databaseConfigFromEnv(io.env);
      (await import('../admin/server-control.js')).releaseEmbeddedDatabase(io.env);
      // `omero db` is the tool that makes databases: upgrading a missing one creates it.
      const database = await openDatabase(config.kind === 'pglite' ? { ...config, create: true } : config);
      try {
        const applied = await migrateLatest(database.knex);
        out(io, applied.length === 0 ? `Schema of ${describeDatabase(config)} is up to date` : `Applied ${applied.join(', ')} to ${describeDatabase(config)}`);
      } finally {
        await database.close();
      }
    });

  db.command('status')
    .description('Show the database in use and its schema version')
    .action(async () => {
      const { openDatabase, schemaStatus, databaseConfigFromEnv, describeDatabase } = await import('../../server/db/index.js');
      const config = databaseConfigFromEnv(io.env);
      (await import('../admin/server-control.js')).releaseEmbeddedDatabase(io.env);
      // No embedded database yet: report an empty one without creating it on disk.
      const missing = config.kind === 'pglite' && config.dataDir !== undefined && !existsSync(config.dataDir);
      const database = await openDatabase(missing ? { kind: 'pglite' } : config);
      try {
        const s = await schemaStatus(database.knex);
        const initialised = s.version !== null && Boolean(await database.knex('experimenter').where({ id: 0 }).first());
        out(io, `Database: ${describeDatabase(config)}`);
        out(io, `Schema version: ${s.version ?? 'none'}`);
        out(io, `Pending migrations: ${s.pending.length === 0 ? 'none' : s.pending.join(', ')}`);
        out(io, `Initialised: ${initialised ? 'yes' : 'no (run `omero db init`)'}`);
      } finally {
        await database.close();
      }
    });
  return db;
}

async function rootPassword(io: CliIO, opts: { rootPassword?: string; rootPasswordStdin?: boolean }): Promise<string> {
  const { readPassword } = await import('../input/index.js');
  const pw = await readPassword({
    prompt: 'Please enter a password for root: ',
    passwordFlag: opts.rootPassword,
    env: { OMERO_PASSWORD: io.env.OMERO_ROOT_PASSWORD },
    passwordStdin: opts.rootPasswordStdin,
    stdin: io.stdin,
    stderr: io.stderr,
  });
  if (!pw) throw new CliError(1, 'The root password cannot be empty');
  return pw;
}
