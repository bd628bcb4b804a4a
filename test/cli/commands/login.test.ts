/**
 * `omero login` / `omero logout` through the real binary (reference cli §9.1, §9.2, §9.3): the
 * banner on stderr and nothing on stdout, the password sources, the refusals and their status
 * (rc % 256), reuse of stored sessions, joining by key, group conflicts, `-t`, and the session
 * store on disk (layout, modes).
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ENGINES, ROOT_PASSWORD } from '../../helpers/test-database.js';
import { assertNoKey, expectRun, ROOT_LOGIN, SessionsEnv, status, USER2, USER3 } from './sessions-fixture.js';

const ROOT_BANNER = (action: string, idle = '10 min.') => `${action} session for root@localhost:4064. Idle timeout: ${idle} Current group: system\n`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

for (const engine of ENGINES) {
  describe(`omero login and logout (${engine})`, () => {
    let env: SessionsEnv;

    before(async () => {
      env = await SessionsEnv.open(engine, { example: true });
    });
    after(() => env?.close());

    it('creates a session: banner on stderr, nothing on stdout, the store laid out as omero-py does', async () => {
      const r = await env.run(['login', ...ROOT_LOGIN]);
      expectRun(r, { status: 0, stdout: '', stderr: ROOT_BANNER('Created') });
      const key = env.currentKey();
      assert.match(key ?? '', UUID);
      assert.equal(env.read('._LASTHOST_'), 'localhost');
      assert.equal(env.read('._LASTPORT_'), '4064');
      assert.equal(env.read('localhost', '._LASTUSER_'), 'root');
      assert.equal(env.read('localhost', 'root', key!), `omero.host=localhost\nomero.user=root\nomero.sess=${key}\n`);
      for (const dir of [[], ['localhost'], ['localhost', 'root']]) assert.equal(env.mode(...dir), 0o700, dir.join('/'));
      for (const file of [['._LASTHOST_'], ['._LASTPORT_'], ['localhost', '._LASTUSER_'], ['localhost', 'root', '._LASTSESS_'], ['localhost', 'root', key!]]) {
        assert.equal(env.mode(...file), 0o600, file.join('/'));
      }
    });

    it('reuses the stored session: `Using`, no password needed', async () => {
      const key = env.currentKey();
      expectRun(await env.run(['login']), { status: 0, stdout: '', stderr: ROOT_BANNER('Using') });
      expectRun(await env.run(['login', '-s', 'localhost', '-u', 'root']), { status: 0, stdout: '', stderr: ROOT_BANNER('Using') });
      expectRun(await env.run(['login', 'root@localhost:4064']), { status: 0, stdout: '', stderr: ROOT_BANNER('Using') });
      expectRun(await env.run(['login', '-q']), { status: 0, stdout: '', stderr: '' });
      assert.equal(env.currentKey(), key);
    });

    it('-C creates a new session; passwords from OMERO_PASSWORD and --password-stdin; -p and -g are stored', async () => {
      const before = env.currentKey();
      expectRun(await env.run(['login', '-C', '-s', 'localhost', '-u', 'root'], { env: { OMERO_PASSWORD: ROOT_PASSWORD } }), {
        status: 0,
        stdout: '',
        stderr: ROOT_BANNER('Created'),
      });
      const fromEnv = env.currentKey();
      assert.notEqual(fromEnv, before);
      expectRun(await env.run(['login', '-C', '--password-stdin', '-p', '4064', '-g', 'system', 'root@localhost'], { input: `${ROOT_PASSWORD}\n` }), {
        status: 0,
        stdout: '',
        stderr: ROOT_BANNER('Created'),
      });
      const fromStdin = env.currentKey()!;
      assert.notEqual(fromStdin, fromEnv);
      assert.equal(env.read('localhost', 'root', fromStdin), `omero.group=system\nomero.host=localhost\nomero.user=root\nomero.port=4064\nomero.sess=${fromStdin}\n`);
    });

    // A wait for input would hang until the test's time limit: no speed threshold needed.
    it('refuses without a password and without a terminal, without waiting (rc 564)', { timeout: 120_000 }, async () => {
      const r = await env.run(['login', '-C', '-s', 'localhost', '-u', 'root']);
      expectRun(r, { status: status(564), stdout: '', stderr: 'stdin is not a terminal: cannot request password\n' });
    });

    it('refuses a wrong password (rc 524) and an unknown user the same way', async () => {
      const wrong = await env.run(['login', '-C', '-s', 'localhost', '-u', 'root', '-w', 'not-the-password']);
      expectRun(wrong, { status: status(524), stdout: '', stderr: /^Password check failed for 'root'\n$/ });
      const unknown = await env.run(['login', '-C', '-s', 'localhost', '-u', 'nobody', '-w', 'x']);
      expectRun(unknown, { status: status(524), stdout: '', stderr: /^Password check failed for 'nobody'\n$/ });
    });

    it('refuses a server, user or port given twice (rc 3, 4, 5); --sudo checks the sudoer’s password', async () => {
      expectRun(await env.run(['login', 'root@localhost', '-s', 'localhost']), { status: 3, stderr: 'Server specified twice: root@localhost and localhost\n' });
      expectRun(await env.run(['login', 'root@localhost', '-u', 'root']), { status: 4, stderr: 'Username specified twice: root and root\n' });
      expectRun(await env.run(['login', 'localhost:4064', '-p', '4064']), { status: 5, stderr: 'Port specified twice: 4064 and 4064\n' });
      expectRun(await env.run(['login', '-C', '--sudo', 'root', '-u', USER2.name, '-w', USER2.password]), { status: 524 % 256, stdout: '', stderr: "Password check failed for 'root'\n" });
    });

    it('-k joins a session by key without moving the current pointer; a bad key is rc 523 and not echoed', async () => {
      // A session made elsewhere (another session directory), joined here by its key.
      const otherDir = join(env.cli.userDir, 'other-sessions');
      expectRun(await env.run(['login', '-s', 'localhost', '-u', USER3.name, '-w', USER3.password], { env: { OMERO_SESSIONDIR: otherDir } }), { status: 0 });
      const foreign = (await env.run(['sessions', 'key'], { env: { OMERO_SESSIONDIR: otherDir } })).stdout.trim();
      assert.match(foreign, UUID);
      const current = env.currentKey();
      const joined = await env.run(['login', '-k', foreign, '-s', 'localhost']);
      expectRun(joined, { status: 0, stdout: '', stderr: 'Joined session for user-3@localhost:4064. Idle timeout: 10 min. Current group: read-only-1\n' });
      assert.equal(env.currentKey(), current, 'the current session is still the previous one');
      assert.equal(env.read('localhost', 'user-3', foreign), `omero.host=localhost\nomero.user=user-3\nomero.sess=${foreign}\n`);
      const warned = await env.run(['login', '-k', foreign, '-u', 'x', '-g', 'y', '-w', 'z']);
      expectRun(warned, {
        status: 0,
        stderr:
          'Overriding name since session key set\nIgnoring group since session key set\nIgnoring password since session key set\n' +
          'Joined session for user-3@localhost:4064. Idle timeout: 10 min. Current group: read-only-1\n',
      });
      const bad = await env.run(['login', '-k', '11111111-2222-4333-8444-555555555555', '-s', 'localhost']);
      expectRun(bad, { status: status(523), stdout: '', stderr: 'Bad session key. Cannot join the given session on localhost.\n' });
      const badPort = await env.run(['login', '-k', 'not-a-key', '-s', 'localhost', '-p', '4064']);
      expectRun(badPort, { status: status(523), stderr: 'Bad session key. Cannot join the given session on localhost:4064.\n' });
      assertNoKey(joined.stderr + bad.stderr);
    });

    it('-g: a conflicting stored group is not reused; the other stored session is skipped with a notice', async () => {
      const login2 = ['-s', 'localhost', '-u', USER2.name, '-w', USER2.password];
      expectRun(await env.run(['login', ...login2, '-g', 'read-only-1']), {
        status: 0,
        stderr: 'Created session for user-2@localhost:4064. Idle timeout: 10 min. Current group: read-only-1\n',
      });
      expectRun(await env.run(['login', '-g', 'read-only-1']), { status: 0, stderr: /^Using session for user-2@localhost:4064\. .* Current group: read-only-1\n$/ });
      const other = await env.run(['login', ...login2, '-g', 'private-1']);
      expectRun(other, {
        status: 0,
        stdout: 'Previously logged in to localhost:4064 as user-2\n',
        stderr:
          'Skipped a stored session due to property conflicts: omero.group: read-only-1!=private-1\n' +
          'Created session for user-2@localhost:4064. Idle timeout: 10 min. Current group: private-1\n',
      });
      // Back to the first group: its stored session is found again (the other one may be skipped first).
      expectRun(await env.run(['login', '-u', USER2.name, '-g', 'read-only-1']), {
        status: 0,
        stdout: 'Previously logged in to localhost:4064 as user-2\n',
        stderr:
          /^(Skipped a stored session due to property conflicts: omero\.group: private-1!=read-only-1\n)?Reconnected to session for user-2@localhost:4064\. Idle timeout: 10 min\. Current group: read-only-1\n$/,
      });
      const refused = await env.run(['login', '-C', ...login2, '-g', 'read-annotate-1']);
      expectRun(refused, { status: status(557), stderr: /^SecurityViolation: .*not a member of group/ });
    });

    it('-t sets the idle timeout of the new session and stores omero.timeout; non-admins may only lower it', async () => {
      const r = await env.run(['login', '-C', ...ROOT_LOGIN, '-t', '120']);
      expectRun(r, { status: 0, stdout: '', stderr: ROOT_BANNER('Created', '120 s.') });
      const key = env.currentKey()!;
      assert.equal(env.read('localhost', 'root', key), `omero.host=localhost\nomero.user=root\nomero.timeout=120\nomero.sess=${key}\n`);
      expectRun(await env.run(['-q', 'sessions', 'timeout']), { status: 0, stdout: '120.0\n', stderr: '' });
      const higher = await env.run(['login', '-C', '-s', 'localhost', '-u', USER3.name, '-w', USER3.password, '-t', '3600']);
      expectRun(higher, {
        status: 0,
        stderr: 'UserWarning: Invalid session timeout requested when creating session.\nCreated session for user-3@localhost:4064. Idle timeout: 10 min. Current group: read-only-1\n',
      });
      const lower = await env.run(['login', '-C', '-s', 'localhost', '-u', USER3.name, '-w', USER3.password, '-t', '60']);
      expectRun(lower, { status: 0, stderr: 'Created session for user-3@localhost:4064. Idle timeout: 60 s. Current group: read-only-1\n' });
    });

    it('logout closes the session and forgets it; the host and user stay for the next login', async () => {
      expectRun(await env.run(['sessions', 'clear']), { status: 0 });
      expectRun(await env.run(['login', '-q', ...ROOT_LOGIN]), { status: 0 });
      const key = env.currentKey()!;
      expectRun(await env.run(['logout']), { status: 0, stdout: '', stderr: '' });
      assert.equal(env.currentKey(), null);
      assert.ok(!existsSync(join(env.sessionDir, 'localhost', 'root', key)));
      assert.equal(env.read('._LASTHOST_'), 'localhost');
      assert.equal(env.read('localhost', '._LASTUSER_'), 'root');
      expectRun(await env.run(['login', '-k', key]), { status: status(523) });
      const next = await env.run(['login', '-C']);
      expectRun(next, { status: status(564), stdout: '', stderr: 'stdin is not a terminal: cannot request username\n' });
      const again = await env.run(['login', '-u', 'root']);
      expectRun(again, { status: status(564), stdout: 'Previously logged in to localhost:4064 as root\n', stderr: 'stdin is not a terminal: cannot request password\n' });
      expectRun(await env.run(['logout']), { status: 0, stdout: '', stderr: '' });
      expectRun(await env.run(['sessions', 'logout']), { status: 0, stdout: '', stderr: '' });
    });

    it('an expired stored session is reported and replaced', async () => {
      expectRun(await env.run(['sessions', 'clear']), { status: 0 });
      expectRun(await env.run(['login', '-q', ...ROOT_LOGIN]), { status: 0 });
      const key = env.currentKey()!;
      // Closed behind the CLI's back (another client with the key).
      const other = join(env.cli.userDir, 'closer');
      expectRun(await env.run(['-q', '-k', key, 'sessions', 'close', key], { env: { OMERO_SESSIONDIR: other } }), { status: 0, stdout: `Session ${key} closed.\n` });
      const r = await env.run(['login', '-u', 'root', '-w', ROOT_PASSWORD]);
      expectRun(r, { status: 0, stdout: 'Previous session expired for root on localhost:4064\n', stderr: ROOT_BANNER('Created') });
      assert.ok(!existsSync(join(env.sessionDir, 'localhost', 'root', key)));
    });
  });
}
