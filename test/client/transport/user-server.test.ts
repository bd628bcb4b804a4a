import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { openCliEnvironment, type CliEnvironment } from '../../helpers/cli-runner.js';
import { ROOT_PASSWORD } from '../../helpers/test-database.js';
import { startServerProcess } from '../../helpers/server-process.js';
import { withDatabaseAt } from '../../helpers/db-dump.js';
import { down, name as SECURITY_EPOCH } from '../../../src/server/db/migrations/0003-security-epoch.js';

interface Record {
  readonly pid: number;
  readonly port: number;
  readonly auto: boolean;
}

/**
 * Zero setup: on the embedded database, the first command of a user directory starts its server
 * in the background; every later command, from any terminal, shares it.
 */
describe('the user directory server on the embedded database (pglite)', { skip: process.env.OMERO_TEST_IN_PROCESS === '1' ? 'OMERO_TEST_IN_PROCESS=1: commands run in-process' : false }, () => {
  let cli: CliEnvironment;
  const record = (): Record => JSON.parse(readFileSync(join(cli.userDir, 'server', 'server.json'), 'utf8')) as Record;
  before(async () => {
    cli = await openCliEnvironment('pglite');
  });
  after(async () => cli?.close());

  it('the first command starts one server; commands at the same time, as two users, share it', async () => {
    const root = ['-u', 'root', '-w', ROOT_PASSWORD];
    const first = await cli.run([...root, 'group', 'add', 'course', '--perms', 'rwr---']);
    assert.equal(first.status, 0, first.stderr);
    const started = record();
    assert.equal(started.auto, true);
    for (const u of ['ann', 'bob']) {
      const r = await cli.run([...root, 'user', 'add', u, 'A', 'B', '--group-name', 'course', '-P', `${u}-pw`]);
      assert.equal(r.status, 0, r.stderr);
    }
    // Two terminals at once, two users, one embedded database: no lock wait, no "in use".
    const [ann, bob] = await Promise.all([
      cli.run(['-C', '-u', 'ann', '-w', 'ann-pw', 'user', 'list']),
      cli.run(['-C', '-u', 'bob', '-w', 'bob-pw', 'group', 'list']),
    ]);
    assert.equal(ann.status, 0, ann.stderr);
    assert.equal(bob.status, 0, bob.stderr);
    assert.match(bob.stdout, /course/);
    assert.equal(record().pid, started.pid, 'the same server served them all');
  });

  it('an auto-started server of other settings is replaced; one started by hand is reported instead', async () => {
    const before = record();
    const other = await cli.run(['-u', 'root', '-w', ROOT_PASSWORD, 'group', 'list'], { env: { OMERO_LDAP_CONFIG: 'false' } });
    assert.equal(other.status, 0, other.stderr);
    const after = record();
    assert.notEqual(after.pid, before.pid, 'a new server for the new settings');
    // A server started with `omero admin start` is the administrator's: never replaced.
    assert.equal((await cli.run(['admin', 'stop'])).status, 0);
    const manual = await startServerProcess(cli.env, { args: [] });
    try {
      const r = await cli.run(['-u', 'root', '-w', ROOT_PASSWORD, 'group', 'list'], { env: { OMERO_LDAP_CONFIG: 'true' } });
      assert.notEqual(r.status, 0);
      assert.match(r.stderr, /started with other settings .* run `omero admin restart`/);
      const same = await cli.run(['-u', 'root', '-w', ROOT_PASSWORD, 'group', 'list']);
      assert.equal(same.status, 0, same.stderr);
      assert.equal(record().pid, manual.pid);
      // The stored session is not the problem: it is kept, and used once the settings agree.
      const joining = await cli.run(['group', 'list'], { env: { OMERO_LDAP_CONFIG: 'true' } });
      assert.notEqual(joining.status, 0);
      assert.match(joining.stderr, /started with other settings/);
      assert.doesNotMatch(joining.stdout + joining.stderr, /expired/);
      const kept = await cli.run(['group', 'list']);
      assert.equal(kept.status, 0, kept.stderr);
      assert.match(kept.stderr, /^Using session for root@localhost/m);
    } finally {
      await manual.stop();
    }
    // A command that names no settings of its own uses the administrator's server as it is.
    const withLdapOff = await startServerProcess({ ...cli.env, OMERO_LDAP_CONFIG: 'false' });
    try {
      const r = await cli.run(['-u', 'root', '-w', ROOT_PASSWORD, 'group', 'list']);
      assert.equal(r.status, 0, r.stderr);
      assert.equal(record().pid, withLdapOff.pid);
    } finally {
      await withLdapOff.stop();
    }
  });

  it('an upgrade that finds an old auto-started server running replaces it', async () => {
    const up = await cli.run(['-u', 'root', '-w', ROOT_PASSWORD, 'group', 'list']);
    assert.equal(up.status, 0, up.stderr);
    // What the record of a server of another release looks like to this one.
    const file = join(cli.userDir, 'server', 'server.json');
    const old = JSON.parse(readFileSync(file, 'utf8')) as Record & { version: string; fingerprint: string };
    writeFileSync(file, JSON.stringify({ ...old, version: '0.0.1-old', fingerprint: 'from-an-older-release' }));
    const r = await cli.run(['-u', 'root', '-w', ROOT_PASSWORD, 'group', 'list']);
    assert.equal(r.status, 0, r.stderr);
    assert.notEqual(record().pid, old.pid, 'the old server was replaced');
  });

  it('an auto-started server brings an embedded database of an older schema up to date', async () => {
    // The database as the previous release left it: without migration 0003.
    await withDatabaseAt(cli.database, async (knex) => {
      await down(knex);
      await knex('omero_migrations').where({ name: SECURITY_EPOCH }).delete();
    });
    const r = await cli.run(['-u', 'root', '-w', ROOT_PASSWORD, 'group', 'list']);
    assert.equal(r.status, 0, r.stderr);
    assert.match(readFileSync(join(cli.userDir, 'log', 'server.log'), 'utf8'), new RegExp(`upgraded the embedded database: applied ${SECURITY_EPOCH}`));
    const status = await cli.run(['db', 'status']);
    assert.match(status.stdout, new RegExp(`Schema version: ${SECURITY_EPOCH}\nPending migrations: none`));
  });

  it('omero db stops an auto-started server holding the embedded database; admin status says none runs', async () => {
    const up = await cli.run(['-u', 'root', '-w', ROOT_PASSWORD, 'group', 'list']);
    assert.equal(up.status, 0, up.stderr);
    const status = await cli.run(['admin', 'status']);
    assert.equal(status.status, 0, status.stderr);
    assert.match(status.stdout, /answers: +yes/);
    const db = await cli.run(['db', 'status']);
    assert.equal(db.status, 0, db.stderr);
    const none = await cli.run(['admin', 'status']);
    assert.equal(none.status, 1);
    assert.match(none.stderr, /No omero-shell server is running/);
  });

  it("a start lock left by a process that is gone does not hold up the next start", async () => {
    assert.equal((await cli.run(['admin', 'stop'])).status, 0);
    // A starter ended mid-start (its pid is gone) left its lock behind.
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const lock = join(cli.userDir, 'server', 'starting.lock');
    writeFileSync(lock, gone.stdout, { mode: 0o600 });
    const r = await cli.run(['-u', 'root', '-w', ROOT_PASSWORD, 'group', 'list']);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(existsSync(lock), false);
    assert.equal(record().auto, true);
  });
});
