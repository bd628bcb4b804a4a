import assert from 'node:assert/strict';
import { openCliEnvironment, type CliEnvironment, type CliResult } from '../../helpers/cli-runner.js';
import { ROOT_PASSWORD, type Engine } from '../../helpers/test-database.js';

/** What a run is expected to print and return (omitted fields are not checked). */
export interface Expected {
  readonly status?: number;
  readonly stdout?: string | RegExp;
  readonly stderr?: string | RegExp;
}

/**
 * A black-box environment for the user/group suites: a fresh database with root logged in, and
 * known passwords for the users a suite creates, so that any of them can run a command
 * (`-q -u <user>` at the top level, password through OMERO_PASSWORD, stored sessions reused).
 */
export class UserGroupEnv {
  readonly cli: CliEnvironment;
  readonly #passwords = new Map<string, string>([['root', ROOT_PASSWORD]]);

  constructor(cli: CliEnvironment) {
    this.cli = cli;
  }

  /** Opens an environment on `engine` (with `extraEnv` in every run) and logs root in. */
  static async open(engine: Engine, extraEnv: Readonly<Record<string, string>> = {}): Promise<UserGroupEnv> {
    const env = new UserGroupEnv(await openCliEnvironment(engine, extraEnv));
    const login = await env.cli.run(['login', '-s', 'localhost', '-u', 'root'], { env: { OMERO_PASSWORD: ROOT_PASSWORD } });
    assert.equal(login.status, 0, login.stderr);
    return env;
  }

  /** Remembers a user's password for later `as(user, …)` runs. */
  knows(user: string, password: string): void {
    this.#passwords.set(user, password);
  }

  /** `omero -q -u <user> …args` as `user` (quiet: no login banner on stderr). */
  as(user: string, args: readonly string[], options: { input?: string; env?: NodeJS.ProcessEnv } = {}): Promise<CliResult> {
    const password = this.#passwords.get(user);
    return this.cli.run(['-q', '-u', user, ...args], { input: options.input, env: { ...(password ? { OMERO_PASSWORD: password } : {}), ...options.env } });
  }

  /** `omero -q -u root …args`. */
  root(args: readonly string[], options: { input?: string; env?: NodeJS.ProcessEnv } = {}): Promise<CliResult> {
    return this.as('root', args, options);
  }

  close(): Promise<void> {
    return this.cli.close();
  }
}

/** Checks a run against what was expected, showing the run on failure. */
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

/** The usage error of an argparse-style refusal: rc 2, nothing on stdout, `<prog>: error: <message>`. */
export function expectUsageError(result: CliResult, prog: string, message: string): void {
  expectRun(result, { status: 2, stdout: '' });
  assert.match(result.stderr, /^usage: /, result.stderr);
  assert.ok(result.stderr.endsWith(`${prog}: error: ${message}\n`), result.stderr);
}

/** The rows of a `--style csv` table, header included (no quoted commas expected in tests). */
export function csvRows(stdout: string): string[][] {
  return stdout.trimEnd().split('\n').map((line) => parseCsvLine(line));
}

/** Parses one line written by Python's csv.writer (minimal quoting). */
function parseCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      cells.push(cell);
      cell = '';
    } else cell += ch;
  }
  cells.push(cell);
  return cells;
}
