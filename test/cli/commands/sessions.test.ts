/**
 * `omero sessions …` through the real binary (reference cli §9.3, §10): key, file, timeout,
 * group, who, list, keepalive, clear, open, close; their output streams, refusals and status
 * (rc % 256), and that no session key appears in a banner or an error.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Knex } from 'knex';
import { hashSessionKey } from '../../../src/server/call/session-row.js';
import { withDatabaseAt } from '../../helpers/db-dump.js';
import { ENGINES } from '../../helpers/test-database.js';
import { assertNoKey, expectRun, ROOT_LOGIN, SessionsEnv, status, USER2, USER3 } from './sessions-fixture.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

for (const engine of ENGINES) {
  describe(`omero sessions (${engine})`, () => {
    let env: SessionsEnv;
    /** `omero -q -u <user> …` with the user's password at hand (stored sessions are reused). */
    const as = (user: { name: string; password: string }, args: string[], options: { input?: string; env?: NodeJS.ProcessEnv } = {}) =>
      env.run(['-q', '-u', user.name, ...args], { input: options.input, env: { OMERO_PASSWORD: user.password, ...options.env } });

    before(async () => {
      env = await SessionsEnv.open(engine, { example: true });
      expectRun(await env.run(['login', '-q', ...ROOT_LOGIN]), { status: 0, stdout: '', stderr: '' });
    });
    after(() => env?.close());

    it('key and file print the current session; nothing when there is none', async () => {
      const key = env.currentKey()!;
      expectRun(await env.run(['sessions', 'key']), { status: 0, stdout: `${key}\n`, stderr: '' });
      expectRun(await env.run(['sessions', 'file']), { status: 0, stdout: `${join(env.sessionDir, 'localhost', 'root', key)}\n`, stderr: '' });
      const empty = join(env.cli.userDir, 'empty-sessions');
      expectRun(await env.run(['sessions', 'key'], { env: { OMERO_SESSIONDIR: empty } }), { status: 0, stdout: '', stderr: '' });
      expectRun(await env.run(['sessions', 'file'], { env: { OMERO_SESSIONDIR: empty } }), { status: 0, stdout: '', stderr: '' });
      // The hidden, deprecated --session-dir: DIR/omero/sessions.
      const legacy = join(env.cli.userDir, 'legacy');
      expectRun(await env.run(['sessions', 'key', '--session-dir', legacy]), { status: 0, stdout: '' });
      assert.ok(existsSync(join(legacy, 'omero', 'sessions')));
    });

    it('timeout: query (seconds as a float), set (silent), and the refusals', async () => {
      expectRun(await env.run(['sessions', 'timeout']), {
        status: 0,
        stdout: '600.0\n',
        stderr: 'Using session for root@localhost:4064. Idle timeout: 10 min. Current group: system\n',
      });
      expectRun(await env.run(['-q', 'sessions', 'timeout', '300']), { status: 0, stdout: '', stderr: '' });
      expectRun(await env.run(['-q', 'sessions', 'timeout']), { status: 0, stdout: '300.0\n', stderr: '' });
      expectRun(await env.run(['-q', 'sessions', 'timeout', '900']), { status: 0, stdout: '' });
      expectRun(await env.run(['-q', 'sessions', 'timeout', '1000000']), { status: status(558), stdout: '', stderr: 'CmdError: maximum-exceeded\n' });
      expectRun(await env.run(['-q', 'sessions', 'timeout', '0']), { status: status(558), stderr: 'CmdError: invalid-timeout\n' });
      const bad = await env.run(['-q', 'sessions', 'timeout', '--session', '11111111-2222-4333-8444-555555555555']);
      expectRun(bad, { status: status(557), stdout: '', stderr: 'cannot get session: the session given with --session\n' });
      expectRun(await env.run(['-q', 'sessions', 'timeout', '60', '--session', 'nope']), { status: status(557) });
      // Non-admins may lower their timeout, not raise it (OMERO's non-admin-increase).
      expectRun(await as(USER2, ['sessions', 'timeout', '120']), { status: 0, stdout: '', stderr: '' });
      expectRun(await as(USER2, ['sessions', 'timeout']), { status: 0, stdout: '120.0\n' });
      expectRun(await as(USER2, ['sessions', 'timeout', '1000000']), { status: status(558), stdout: '', stderr: 'CmdError: non-admin-increase\n' });
      // Another session, named by its key.
      const user2Key = env.currentKey(USER2.name)!;
      expectRun(await env.run(['-q', '-u', 'root', 'sessions', 'timeout', '--session', user2Key]), { status: 0, stdout: '120.0\n' });
      expectRun(await env.run(['-q', '-u', 'root', 'sessions', 'timeout', '240', '--session', user2Key]), { status: 0, stdout: '' });
      expectRun(await as(USER2, ['sessions', 'timeout']), { status: 0, stdout: '240.0\n' });
      assertNoKey(bad.stderr);
    });

    it('group: show, switch by name and by id, already active, refused (rc 564), unknown', async () => {
      expectRun(await as(USER2, ['sessions', 'group']), { status: 0, stdout: 'ExperimenterGroup:3\n', stderr: '' });
      expectRun(await as(USER2, ['sessions', 'group', 'read-only-1']), { status: 0, stdout: "Group 'private-1' (id=3) switched to 'read-only-1' (id=4)\n", stderr: '' });
      // The switch is kept by the server session.
      expectRun(await as(USER2, ['sessions', 'group']), { status: 0, stdout: 'ExperimenterGroup:4\n' });
      expectRun(await env.run(['-u', USER2.name, 'sessions', 'group', '4']), {
        status: 0,
        stdout: '',
        stderr: "Using session for user-2@localhost:4064. Idle timeout: 240 s. Current group: read-only-1\nGroup 'read-only-1' (id=4) is already active\n",
      });
      expectRun(await as(USER2, ['sessions', 'group', '3']), { status: 0, stdout: "Group 'read-only-1' (id=4) switched to 'private-1' (id=3)\n" });
      const refused = await as(USER3, ['sessions', 'group', 'private-1']);
      expectRun(refused, { status: status(564), stdout: '', stderr: /^SecurityViolation: User \d+ is not a member of group 3\n$/ });
      const unknown = await as(USER3, ['sessions', 'group', 'no-such-group']);
      expectRun(unknown, { status: 1, stdout: '', stderr: /^ApiUsageException: .*no-such-group/ });
      expectRun(await as(USER3, ['sessions', 'group']), { status: 0, stdout: 'ExperimenterGroup:4\n' });
    });

    it('who: every live session; details of others only for admins; --show-uuid shows only your own key', async () => {
      const root = await env.run(['-q', '-u', 'root', 'sessions', 'who']);
      expectRun(root, { status: 0, stderr: '' });
      const lines = root.stdout.split('\n');
      assert.match(lines[0]!, /^ name +\| group +\| logged in +\| agent +\| timeout +\| lastAccessTime +$/);
      assert.match(root.stdout, /\n root +\| system +\| \d{4}-\d\d-\d\d \d\d:\d\d:\d\d \(\*\) \| omero-shell \| 15 min\. +\| \d{4}-\d\d-\d\d \d\d:\d\d:\d\d +\n/);
      assert.match(root.stdout, /\n user-2 +\| private-1 +\| \d{4}-\d\d-\d\d \d\d:\d\d:\d\d +\| omero-shell \| 240 s\. +\|/);
      assert.match(root.stdout, /\(\d+ rows\)\n$/);
      assert.equal((root.stdout.match(/\(\*\)/g) ?? []).length, 1);
      const user2 = await as(USER2, ['sessions', 'who', '--show-uuid']);
      expectRun(user2, { status: 0, stderr: '' });
      const key2 = env.currentKey(USER2.name)!;
      assert.match(user2.stdout, /^ name +\| group +\| logged in +\| agent +\| timeout +\| uuid +\n/);
      assert.match(user2.stdout, new RegExp(`\\n user-2 +\\| private-1 +\\| [-0-9: ]+ \\(\\*\\) \\| omero-shell \\| 240 s\\. +\\| ${key2} \\n`));
      assert.match(user2.stdout, /\n root +\| system +\| --- +\| --- +\| --- +\| --- +\n/);
      const rootKey = env.currentKey()!;
      assert.ok(!user2.stdout.includes(rootKey), 'no other session key is shown');
    });

    it('list: stored sessions with their state; unattachable ones purged unless --no-purge', async () => {
      expectRun(await env.run(['-q', 'login', '-u', 'root']), { status: 0 });
      const key = env.currentKey()!;
      const r = await env.run(['sessions', 'list']);
      expectRun(r, { status: 0, stderr: '' });
      assert.match(r.stdout, /^ Server +\| User +\| Group +\| Session +\| Active +\| Started +\n-+\+/);
      assert.match(r.stdout, new RegExp(`\\n localhost \\| root +\\| system +\\| ${key} \\| Logged in \\| \\w{3} \\w{3} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d \\d{4} \\n`));
      assert.match(r.stdout, /\n localhost \| user-2 +\| private-1 +\| [-0-9a-f]{36} \| True +\|/);
      // A stored session closed on the server.
      const extra = await env.run(['login', '-C', '-q', '-s', 'localhost:4064', '-u', USER3.name, '-w', USER3.password]);
      expectRun(extra, { status: 0 });
      const dead = env.currentKey(USER3.name)!;
      expectRun(await env.run(['-q', '-u', 'root', 'sessions', 'close', dead]), { status: 0, stdout: `Session ${dead} closed.\n` });
      const kept = await env.run(['sessions', 'list', '--no-purge']);
      assert.match(kept.stdout, new RegExp(`\\n localhost:4064 \\| user-3 +\\| Unknown +\\| ${dead} \\| Session has been closed \\| Unknown +\\n`));
      const purged = await env.run(['sessions', 'list']);
      assert.ok(!purged.stdout.includes(dead), purged.stdout);
      assert.ok(!existsSync(join(env.sessionDir, 'localhost', 'user-3', dead)));
    });

    it('keepalive: prints its line, asks on stderr, ends at a newline or at the end of input', async () => {
      const eof = await env.run(['-q', 'sessions', 'keepalive', '-f', '1']);
      expectRun(eof, { status: 0, stdout: 'Running keep alive every 1 seconds\n', stderr: 'Press enter to cancel.\n' });
      const enter = await env.run(['-q', 'sessions', 'keepalive'], { input: '\n' });
      expectRun(enter, { status: 0, stdout: 'Running keep alive every 60 seconds\n' });
    });

    it('keepalive pings the current session: it outlives an idle timeout that ends an unpinged twin', async () => {
      const login = ['-q', 'login', '-C', '-s', 'localhost', '-u', USER3.name, '-w', USER3.password];
      expectRun(await env.run(login), { status: 0 });
      const unpinged = env.currentKey(USER3.name)!;
      expectRun(await env.run(login), { status: 0 });
      const pinged = env.currentKey(USER3.name)!;
      assert.notEqual(pinged, unpinged);
      // The session times are set in the database, not waited out: both last used 10 minutes ago,
      // within an idle timeout of an hour.
      const both = (knex: Knex) => knex('session').whereIn('uuid_hash', [hashSessionKey(pinged), hashSessionKey(unpinged)]);
      await withDatabaseAt(env.cli.database, (knex) => both(knex).update({ last_access: new Date(Date.now() - 600_000), time_to_idle: 3_600_000 }));
      // keepalive pings at once, then every second until the end of its input.
      expectRun(await env.run(['-q', 'sessions', 'keepalive', '-f', '1']), { status: 0, stdout: 'Running keep alive every 1 seconds\n' });
      // Now a five-minute idle timeout: only a session used since then lives.
      await withDatabaseAt(env.cli.database, (knex) => both(knex).update({ time_to_idle: 300_000 }));
      expectRun(await env.run(['-q', 'login', '-k', unpinged]), { status: status(523) });
      expectRun(await env.run(['-q', 'login', '-k', pinged]), { status: 0 });
    });

    it('open: admins with Sudo only (rc 111); opens a session for the user, whose key joins it', async () => {
      expectRun(await as(USER2, ['sessions', 'open', '--user-name', USER3.name]), { status: 111, stdout: '', stderr: 'SecurityViolation: Admins only!\n' });
      const r = await env.run(['-q', '-u', 'root', 'sessions', 'open', '--user-name', USER3.name]);
      expectRun(r, { status: 0, stdout: /^[0-9a-f-]{36}\n$/, stderr: new RegExp(`^Session created for user ${USER3.name} in group \\S+ \\(timeToIdle: 600 sec, timeToLive: 0 sec\\)\n$`) });
      expectRun(await env.run(['-q', '-u', 'root', 'sessions', 'open', '--user-name', 'no-such-user']), { status: 156, stderr: 'No user found\n' });
      expectRun(await env.run(['-q', '-u', 'root', 'sessions', 'open', '--user-id', '0']), { status: 557 % 256, stderr: /^SecurityViolation: (Sudo as oneself|Nobody may sudo as root)/ });
    });

    it('close: unknown ids are reported on stderr with status 0; known ones are closed', async () => {
      expectRun(await env.run(['-q', '-u', 'root', 'sessions', 'close', 'no-such-session']), { status: 0, stdout: '', stderr: 'No session with the given ID found.\n' });
      expectRun(await env.run(['-q', '-u', 'root', 'sessions', 'close']), { status: 0, stdout: '', stderr: 'No session with the given ID found.\n' });
      const key = env.currentKey(USER2.name)!;
      expectRun(await env.run(['-q', '-u', 'root', 'sessions', 'close', key]), { status: 0, stdout: `Session ${key} closed.\n`, stderr: '' });
      expectRun(await env.run(['login', '-k', key]), { status: status(523) });
    });

    it('clear: closes and removes every stored session, keeps the bookkeeping', async () => {
      const keys = (['root', USER3.name] as const)
        .map((user) => ({ user, key: env.currentKey(user) }))
        .filter((k): k is { user: 'root' | 'user-3'; key: string } => k.key !== null);
      const r = await env.run(['sessions', 'clear', '--all']);
      expectRun(r, { status: 0, stdout: /^\d+ session\(s\) cleared\n$/, stderr: '' });
      assert.ok(Number.parseInt(r.stdout, 10) >= 2);
      assert.equal(env.read('._LASTHOST_'), 'localhost');
      assert.ok(keys.length > 0);
      for (const { user, key } of keys) {
        assert.ok(!existsSync(join(env.sessionDir, 'localhost', user, key)));
        expectRun(await env.run(['login', '-k', key]), { status: status(523), stderr: 'Bad session key. Cannot join the given session on localhost.\n' });
      }
      const list = await env.run(['sessions', 'list']);
      expectRun(list, { status: 0, stdout: ' Server | User | Group | Session | Active | Started \n--------+------+-------+---------+--------+---------\n(0 rows)\n' });
      expectRun(await env.run(['sessions', 'clear']), { status: 0, stdout: '0 session(s) cleared\n' });
    });
  });
}
