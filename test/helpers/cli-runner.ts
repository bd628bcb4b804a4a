import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DatabaseConfig } from '../../src/server/db/database-config.js';
import { createTestDatabase, ROOT_PASSWORD, type Engine, type TestDatabase } from './test-database.js';

/** The real `omero` binary (bin/omero.js over dist/, built by scripts/test.sh). */
export const OMERO_BIN = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bin', 'omero.js');

/** What one run of the binary did. */
export interface CliResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Options of one run: standard input, extra environment, working directory, and a time limit (the run is killed past it). */
export interface RunOptions {
  readonly input?: string;
  readonly env?: NodeJS.ProcessEnv;
  readonly cwd?: string;
  readonly timeoutMs?: number;
}

/** A private OMERO environment for black-box runs: its own user dir, session dir and database. */
export interface CliEnvironment {
  readonly engine: Engine;
  readonly userDir: string;
  readonly env: NodeJS.ProcessEnv;
  /** The environment's database (the embedded one under the user dir, or its PostgreSQL clone). */
  readonly database: DatabaseConfig;
  /** Runs `omero ...args`; `input` is written to standard input (which is then closed). */
  run(args: readonly string[], options?: RunOptions): Promise<CliResult>;
  close(): Promise<void>;
}

/**
 * A fresh environment on `engine`: PostgreSQL databases are cloned from the run's template; the
 * embedded database is created by `omero db init` in a temporary user dir. Root's password is
 * ROOT_PASSWORD; the first command may log in with `-u root -w …` or OMERO_PASSWORD. `extraEnv`
 * goes into every run (e.g. a test slapd's `OMERO_LDAP_*` settings).
 */
export async function openCliEnvironment(engine: Engine, extraEnv: Readonly<Record<string, string>> = {}): Promise<CliEnvironment> {
  const userDir = mkdtempSync(join(tmpdir(), 'omero-cli-'));
  let db: TestDatabase | null = null;
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: userDir,
    OMERO_USERDIR: userDir,
    OMERO_KEYRING: '0',
    NO_COLOR: '1',
    OMERO_DB_LOCK_WAIT_MS: '30000',
    // The user directory's server, started by the first command, stops by itself if a test
    // run dies before close() stops it.
    OMERO_SERVER_IDLE_MINUTES: '3',
    // Any free port: test files run side by side, each with its own user directory and server.
    OMERO_SERVER_PORT: '0',
    // OMERO_TEST_IN_PROCESS=1 runs the black-box suites with the engine in each command's own
    // process instead (the in-process mode; README "Servers").
    ...(process.env.OMERO_TEST_IN_PROCESS === '1' ? { OMERO_SERVER: 'in-process' } : {}),
    ...extraEnv,
  };
  if (engine === 'postgres') {
    db = await createTestDatabase('postgres');
    if (db.config.kind === 'pg') env.OMERO_DB_URL = db.config.url;
  }
  const run = (args: readonly string[], options: RunOptions = {}) => runOmero(args, { ...env, ...options.env }, options.input, options);
  if (engine === 'pglite') {
    const init = await run(['db', 'init', '--root-password-stdin'], { input: `${ROOT_PASSWORD}\n` });
    if (init.status !== 0) throw new Error(`omero db init failed: ${init.stderr}`);
  }
  return {
    engine,
    userDir,
    env,
    database: env.OMERO_DB_URL ? { kind: 'pg', url: env.OMERO_DB_URL } : { kind: 'pglite', dataDir: join(userDir, 'db') },
    run,
    async close() {
      await run(['admin', 'stop']);
      await db?.drop();
      rmSync(userDir, { recursive: true, force: true });
    },
  };
}

/**
 * Runs the binary once with exactly `env` (nothing inherited) and optional standard input;
 * `options.bin` is another copy of bin/omero.js (the start-up bundle tests).
 */
export function runOmero(
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  input?: string,
  options: Pick<RunOptions, 'cwd' | 'timeoutMs'> & { readonly bin?: string } = {},
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [options.bin ?? OMERO_BIN, ...args], { env, cwd: options.cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    // A hung run is killed and shows as status null with signal SIGKILL.
    const timer = options.timeoutMs ? setTimeout(() => child.kill('SIGKILL'), options.timeoutMs) : undefined;
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
    // A command that exits without reading its input (a refusal, a fast failure) closes the pipe
    // first: the write then fails with EPIPE, which only the exit status and output judge.
    child.stdin.on('error', () => undefined);
    child.stdin.end(input ?? '');
  });
}

/** An environment on `engine` holding seed 002's example users and groups (`omero demo --no-shell`). */
export async function openDemoEnvironment(engine: Engine): Promise<CliEnvironment> {
  const cli = await openCliEnvironment(engine);
  const prepared = await cli.run(['demo', '--no-shell'], { env: { OMERO_ROOT_PASSWORD: ROOT_PASSWORD } });
  if (prepared.status !== 0) throw new Error(`omero demo --no-shell failed: ${prepared.stderr}`);
  return cli;
}
