import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CliResult } from '../../helpers/cli-runner.js';
import { ROOT_PASSWORD, type Engine } from '../../helpers/test-database.js';
import { csvRows, UserGroupEnv } from './usergroup-env.js';

/**
 * The environment of the `obj` and `hql` suites: a fresh database with root logged in and, with
 * `demo`, seed 002's example environment made by `omero demo --no-shell` (groups private-1 = 3,
 * read-only-1 = 4, read-write-1 = 5, read-annotate-1 = 6; user-2 = 2 in private-1 and
 * read-only-1, user-3 = 3 in read-only-1 and read-annotate-1; "user-2 project" = 1 and
 * "user-3 project" = 2 in read-only-1).
 */
export async function openObjEnv(engine: Engine, options: { demo?: boolean } = {}): Promise<UserGroupEnv> {
  const env = await UserGroupEnv.open(engine);
  if (options.demo) {
    const r = await env.cli.run(['demo', '--no-shell'], { env: { OMERO_ROOT_PASSWORD: ROOT_PASSWORD } });
    assert.equal(r.status, 0, r.stderr);
    env.knows('user-2', 'user-2-password');
    env.knows('user-3', 'user-3-password');
  }
  return env;
}

/** Writes a `--file` script into the environment's directory and returns its path. */
export function script(env: UserGroupEnv, name: string, text: string): string {
  const path = join(env.cli.userDir, name);
  writeFileSync(path, text);
  return path;
}

/** The id in a `Type:id` result line. */
export function idOf(result: CliResult, type: string): number {
  const m = new RegExp(`^${type}:(\\d+)\\n$`).exec(result.stdout);
  assert.ok(m, `expected ${type}:<id>, got status ${result.status} ${JSON.stringify(result.stdout)} ${JSON.stringify(result.stderr)}`);
  return Number(m[1]);
}

/** The data rows of an `hql --style csv` run, without the header and the `#` column. */
export function hqlRows(result: CliResult): string[][] {
  assert.equal(result.status, 0, result.stderr);
  return csvRows(result.stdout)
    .slice(1)
    .map((row) => row.slice(1));
}
