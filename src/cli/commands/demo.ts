import { Command } from 'commander';
import { existsSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CliError } from '../cli-error.js';
import { err, withEnv, type CliIO } from '../cli-io.js';
import { EXAMPLE_USERS } from '../../demo/example-environment.js';
import { applyCheckoutDefaults } from '../../env/checkout-dirs.js';
import { omeroDirs } from '../../env/omero-dirs.js';

/** The repository's root (bin/, dist/, sessions/ live there). */
const REPO = resolve(fileURLToPath(import.meta.url), '..', '..', '..', '..');
/** Root's password of the demo database unless OMERO_ROOT_PASSWORD says otherwise (it is local). */
export const DEMO_ROOT_PASSWORD = 'omero-demo-root';

/**
 * `omero demo [--reset]` (what `npm start` runs): prepares the embedded database with seed 002's
 * example environment (users user-2 and user-3, groups private-1, read-only-1, read-write-1,
 * read-annotate-1) and opens the shell as user-2 in a new session, so always in the user's
 * default group. Uses the checkout's `.omero/` and `sessions/` unless OMERO_USERDIR says
 * otherwise: the same database as the shell's own new clients and the checkout's `omero`
 * commands (the checkout rule, env/checkout-dirs.ts). `--reset` recreates the embedded database
 * with only the example environment; the shell history is kept.
 */
export function demoCommand(io: CliIO): Command {
  return new Command('demo')
    .description("Open the shell as user-2 on a database holding seed 002's example users and groups")
    .option('--user <NAME>', 'which example user to log in as (user-2 or user-3)', 'user-2')
    .option('--reset', 'recreate the example environment from scratch (the embedded database only; history is kept)')
    .option('--no-shell', 'prepare the database only')
    .option('--python', 'open the Python shell (omero shell --login --python)')
    .action(async (opts: { user: string; shell: boolean; reset?: boolean; python?: boolean }) => {
      const env: NodeJS.ProcessEnv = { ...io.env };
      applyCheckoutDefaults(env, REPO);
      const dio = withEnv(io, env);
      const user = EXAMPLE_USERS.find((u) => u.omeName === opts.user);
      if (!user) throw new CliError(2, `argument --user: invalid choice: '${opts.user}' (choose from user-2, user-3)`);
      const rootPassword = env.OMERO_ROOT_PASSWORD ?? DEMO_ROOT_PASSWORD;
      if (opts.reset) await reset(dio);
      await prepare(dio, rootPassword);
      if (!opts.shell) return;
      const { main } = await import('../main.js');
      // -C: a new session, in the user's default group, whatever `.group` chose last time.
      const shell = ['shell', '--login', ...(opts.python ? ['--python'] : []), '-C', '-s', 'localhost', '-u', user.omeName];
      const status = await main(shell, { ...dio, env: { ...env, OMERO_PASSWORD: user.password } });
      if (status !== 0) throw new CliError(status, '');
    });
}

/**
 * Removes the embedded demo database (and the sessions stored for it), after making sure no
 * shell or command has it open. A PostgreSQL database (OMERO_DB_URL) is never dropped by us.
 */
async function reset(io: CliIO): Promise<void> {
  if (io.env.OMERO_DB_URL) {
    throw new CliError(2, 'argument --reset: only the embedded demo database can be reset; with OMERO_DB_URL set, reset that database with PostgreSQL tools and run `omero demo` again');
  }
  const { openDatabase, databaseConfigFromEnv, describeDatabase } = await import('../../server/db/index.js');
  const config = databaseConfigFromEnv(io.env);
  const dirs = omeroDirs(io.env);
  // The user directory's server (started by the last command) holds the database: stop it first.
  (await import('../admin/server-control.js')).releaseEmbeddedDatabase(io.env);
  if (existsSync(dirs.dbDir)) {
    // Opening takes the database's lock: a shell still using it makes this fail, with its pid.
    await (await openDatabase(config)).close();
    rmSync(dirs.dbDir, { recursive: true, force: true });
  }
  rmSync(resolve(dirs.sessionDir, 'localhost'), { recursive: true, force: true });
  err(io, `Reset: removed ${describeDatabase(config)}; creating the example environment again`);
}

async function prepare(io: CliIO, rootPassword: string): Promise<void> {
  const { readServerState } = await import('../../env/server-record.js');
  // A running server of this user directory has the database open (and initialised): a second
  // terminal's `npm start` goes through it rather than taking the database away from the first.
  if (!readServerState(io.env)) {
    const { openDatabase, initialiseDatabase, databaseConfigFromEnv, describeDatabase } = await import('../../server/db/index.js');
    const config = databaseConfigFromEnv(io.env);
    const database = await openDatabase(config.kind === 'pglite' ? { ...config, create: true } : config);
    try {
      const { created } = await initialiseDatabase(database.knex, rootPassword);
      if (created) err(io, `Initialised ${describeDatabase(config)} (root password: ${rootPassword === DEMO_ROOT_PASSWORD ? 'the demo default, see README' : 'from OMERO_ROOT_PASSWORD'})`);
    } finally {
      await database.close();
    }
  }
  const { OmeroClient } = await import('../../client/omero-client.js');
  const { transportFor, closeSharedTransport } = await import('../../client/transport/shared-transport.js');
  const { ensureExampleEnvironment, ensureExampleProjects } = await import('../../demo/example-environment.js');
  const transport = transportFor({ host: 'localhost', env: io.env });
  const client = new OmeroClient('localhost', transport);
  try {
    client.createSession('root', rootPassword);
  } catch (e) {
    throw new CliError(1, `Cannot log in as root to prepare the demo: ${(e as Error).message} (set OMERO_ROOT_PASSWORD)`);
  }
  try {
    const report = ensureExampleEnvironment(client.getSession().getAdminService());
    const projects = ensureExampleProjects((user, password) => {
      const c = new OmeroClient('localhost', transport);
      c.createSession(user, password);
      return c;
    });
    if (report.createdGroups.length + report.createdUsers.length + projects.length > 0) {
      err(
        io,
        `Created the example environment: groups ${report.createdGroups.join(', ') || '-'}; users ${report.createdUsers.join(', ') || '-'}; projects ${projects.join(', ') || '-'}`,
      );
    }
  } finally {
    client.closeSession();
    closeSharedTransport();
  }
}
