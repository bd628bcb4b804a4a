/**
 * `omero db init | status | upgrade` through the real binary: a fresh database is initialised
 * with a root password from standard input, again without effect, and never waits for a
 * password it cannot ask for.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runOmero, type CliResult } from '../../helpers/cli-runner.js';
import { ENGINES } from '../../helpers/test-database.js';
import { expectRun } from './sessions-fixture.js';

/** An empty PostgreSQL database (cluster URL from OMERO_TEST_DB_URL), dropped by `drop`. */
async function emptyPostgres(): Promise<{ url: string; drop: () => Promise<void> }> {
  const { openDatabase } = await import('../../../src/server/db/open-database.js');
  const base = process.env.OMERO_TEST_DB_URL!;
  const name = `omero_db_t_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = await openDatabase({ kind: 'pg', url: base, poolMax: 1 });
  await admin.knex.raw(`create database ${name}`);
  await admin.close();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const a = await openDatabase({ kind: 'pg', url: base, poolMax: 1 });
      await a.knex.raw(`drop database if exists ${name} with (force)`);
      await a.close();
    },
  };
}

for (const engine of ENGINES) {
  describe(`omero db (${engine}, empty database)`, () => {
    let userDir: string;
    let env: NodeJS.ProcessEnv;
    let drop: () => Promise<void> = async () => undefined;
    const run = (args: string[], input?: string, extra: NodeJS.ProcessEnv = {}): Promise<CliResult> => runOmero(args, { ...env, ...extra }, input);

    before(async () => {
      userDir = mkdtempSync(join(tmpdir(), 'omero-db-'));
      env = { PATH: process.env.PATH, HOME: userDir, OMERO_USERDIR: userDir, OMERO_KEYRING: '0', NO_COLOR: '1', OMERO_DB_LOCK_WAIT_MS: '30000', OMERO_SERVER_PORT: '0', OMERO_SERVER_IDLE_MINUTES: '1' };
      if (engine === 'postgres') {
        const db = await emptyPostgres();
        env.OMERO_DB_URL = db.url;
        drop = db.drop;
      }
    });
    after(async () => {
      await run(['admin', 'stop']);
      await drop();
      rmSync(userDir, { recursive: true, force: true });
    });

    it('status of an empty database: no schema, not initialised', async () => {
      const r = await run(['db', 'status']);
      expectRun(r, { status: 0, stderr: '' });
      assert.match(r.stdout, /^Database: (embedded PGlite at .*|PostgreSQL at .*)\nSchema version: none\nPending migrations: 0001-initial-schema, 0002-audit-and-throttle, 0003-security-epoch, 0004-page-walk-indexes, 0005-session-access-moved-back\nInitialised: no \(run `omero db init`\)\n$/);
    });

    // A wait for input would hang until the test's time limit: no speed threshold needed.
    it('init without a password and without a terminal fails without waiting, naming the problem', { timeout: 120_000 }, async () => {
      const r = await run(['db', 'init']);
      assert.notEqual(r.status, 0);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, /stdin is not a terminal: cannot request password/);
      const empty = await run(['db', 'init', '--root-password-stdin'], '');
      assert.notEqual(empty.status, 0);
      assert.match(empty.stderr, /stdin is empty: cannot read password/);
      expectRun(await run(['db', 'status']), { status: 0, stdout: /\nInitialised: no/ });
    });

    it('init with --root-password-stdin creates the schema and the system users; root can log in', async () => {
      const r = await run(['db', 'init', '--root-password-stdin'], 'first-root-pw\n');
      expectRun(r, { status: 0, stderr: '', stdout: /^Initialised .*: schema 0005-session-access-moved-back, users root and guest, groups system, user and guest\n$/ });
      expectRun(await run(['db', 'status']), { status: 0, stdout: /\nSchema version: 0005-session-access-moved-back\nPending migrations: none\nInitialised: yes\n$/ });
      expectRun(await run(['login', '-s', 'localhost', '-u', 'root', '--password-stdin'], 'first-root-pw\n'), {
        status: 0,
        stdout: '',
        stderr: 'Created session for root@localhost:4064. Idle timeout: 10 min. Current group: system\n',
      });
    });

    it('init and upgrade again change nothing and need no password', async () => {
      const again = await run(['db', 'init']);
      expectRun(again, { status: 0, stderr: '', stdout: /^Database already initialised: .* \(schema 0005-session-access-moved-back\)\n$/ });
      expectRun(await run(['db', 'init', '--root-password', 'another']), { status: 0, stdout: /^Database already initialised/ });
      expectRun(await run(['db', 'upgrade']), { status: 0, stderr: '', stdout: /^Schema of .* is up to date\n$/ });
      // The first password still holds.
      expectRun(await run(['login', '-C', '-q', '-s', 'localhost', '-u', 'root', '-w', 'first-root-pw']), { status: 0, stdout: '', stderr: '' });
      expectRun(await run(['login', '-C', '-q', '-s', 'localhost', '-u', 'root', '-w', 'another']), { status: 12 });
    });
  });
}

describe('omero db upgrade on an empty embedded database', () => {
  it('applies the migrations; init then only adds the users', async () => {
    const userDir = mkdtempSync(join(tmpdir(), 'omero-db-'));
    const env = { PATH: process.env.PATH, HOME: userDir, OMERO_USERDIR: userDir, OMERO_KEYRING: '0', OMERO_SERVER_PORT: '0', OMERO_SERVER_IDLE_MINUTES: '1' };
    try {
      expectRun(await runOmero(['db', 'upgrade'], env), { status: 0, stdout: /^Applied 0001-initial-schema, 0002-audit-and-throttle, 0003-security-epoch, 0004-page-walk-indexes, 0005-session-access-moved-back to embedded PGlite at / });
      expectRun(await runOmero(['db', 'status'], env), { status: 0, stdout: /\nPending migrations: none\nInitialised: no/ });
      expectRun(await runOmero(['db', 'init', '--root-password-stdin'], env, 'pw\n'), { status: 0, stdout: /^Initialised / });
      expectRun(await runOmero(['db', 'upgrade'], env), { status: 0, stdout: /is up to date\n$/ });
    } finally {
      rmSync(userDir, { recursive: true, force: true });
    }
  });
});
