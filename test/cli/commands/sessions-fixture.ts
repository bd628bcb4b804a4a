import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { openCliEnvironment, type CliEnvironment, type CliResult } from '../../helpers/cli-runner.js';
import { ROOT_PASSWORD, type Engine } from '../../helpers/test-database.js';

/** Seed 002's example users (created by `omero demo --no-shell`) and their passwords. */
export const USER2 = { name: 'user-2', password: 'user-2-password' } as const;
export const USER3 = { name: 'user-3', password: 'user-3-password' } as const;

/** `-s localhost -u root -w <root password>`. */
export const ROOT_LOGIN = ['-s', 'localhost', '-u', 'root', '-w', ROOT_PASSWORD] as const;

/** The process status OMERO's logical rc becomes. */
export const status = (rc: number): number => rc % 256;

/**
 * A black-box environment for the login and sessions suites: a private user dir (sessions under
 * `<userDir>/sessions`) on a fresh database, optionally with seed 002's example users.
 */
export class SessionsEnv {
  readonly cli: CliEnvironment;

  private constructor(cli: CliEnvironment) {
    this.cli = cli;
  }

  static async open(engine: Engine, options: { example?: boolean } = {}): Promise<SessionsEnv> {
    const env = new SessionsEnv(await openCliEnvironment(engine));
    if (options.example) {
      const demo = await env.run(['demo', '--no-shell'], { env: { OMERO_ROOT_PASSWORD: ROOT_PASSWORD, OMERO_SESSIONDIR: env.sessionDir } });
      assert.equal(demo.status, 0, demo.stderr);
    }
    return env;
  }

  /** `$OMERO_USERDIR/sessions`. */
  get sessionDir(): string {
    return join(this.cli.userDir, 'sessions');
  }

  run(args: readonly string[], options: { input?: string; env?: NodeJS.ProcessEnv } = {}): Promise<CliResult> {
    return this.cli.run(args, options);
  }

  /** A bookkeeping or session file of the store, or null when missing. */
  read(...path: string[]): string | null {
    try {
      return readFileSync(join(this.sessionDir, ...path), 'utf8');
    } catch {
      return null;
    }
  }

  /** The permission bits of a path under the store. */
  mode(...path: string[]): number {
    return statSync(join(this.sessionDir, ...path)).mode & 0o777;
  }

  /** The current session key (`<host>/<user>/._LASTSESS_`). */
  currentKey(user = 'root', host = 'localhost'): string | null {
    return this.read(host, user, '._LASTSESS_');
  }

  close(): Promise<void> {
    return this.cli.close();
  }
}

/** What a run is expected to print and return (omitted fields are not checked). */
export interface Expected {
  readonly status?: number;
  readonly stdout?: string | RegExp;
  readonly stderr?: string | RegExp;
}

/** Checks a run, showing it on failure. */
export function expectRun(result: CliResult, expected: Expected): void {
  const shown = `status ${result.status}\n--- stdout\n${result.stdout}--- stderr\n${result.stderr}`;
  if (expected.status !== undefined) assert.equal(result.status, expected.status, shown);
  for (const stream of ['stdout', 'stderr'] as const) {
    const want = expected[stream];
    if (want === undefined) continue;
    if (typeof want === 'string') assert.equal(result[stream], want, shown);
    else assert.match(result[stream], want, shown);
  }
}

/** Asserts that no session key (a UUID) appears in `text`. */
export function assertNoKey(text: string): void {
  assert.doesNotMatch(text, /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/, text);
}
