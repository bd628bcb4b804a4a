/**
 * Secrets (issue "Reliability and security suite", item 7; DESIGN decision 6; advisory 2018-SV1):
 * after logging in through each documented way (OMERO_PASSWORD, --password-stdin, the prompt),
 *
 * - session files are 0600 and their directories 0700, on disk;
 * - no process we run shows the password in its argv while a command is in flight, and no child
 *   of ours (there should be none: the server is a thread) shows the password or a `-k` key;
 * - the REPL's history file keeps no line with the password or the session key;
 * - no file the tool writes under the user dir (logs, history, the embedded database's files)
 *   and no database row holds the password, and only the session store holds the key;
 * - refusals of a wrong password or key do not echo them.
 *
 * Each check is also run on a planted leak (its positive control: a planted 0644 file, a history
 * line, a database row, a refusal that quotes its input, the key on our own argv), so that a
 * check that could not see anything would fail.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { OMERO_BIN, openCliEnvironment, type CliEnvironment } from '../helpers/cli-runner.js';
import { dumpDatabase, dumpDatabaseAt, withDatabaseAt } from '../helpers/db-dump.js';
import { onPty } from '../helpers/pty.js';
import { ENGINES, ROOT_PASSWORD } from '../helpers/test-database.js';

const SECRET_PASSWORD = `Sec-${randomBytes(9).toString('base64url')}`;
const PROMPT = /Password:/;
const REPL_PROMPT = /omero \S+@\S+> /;

/** Every file under `dir` (recursively) with its mode; directories too. */
function walk(dir: string): { path: string; dir: boolean; mode: number }[] {
  const out: { path: string; dir: boolean; mode: number }[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const st = statSync(path);
    out.push({ path, dir: st.isDirectory(), mode: st.mode & 0o777 });
    if (st.isDirectory()) out.push(...walk(path));
  }
  return out;
}

/** Files (0600) and directories (0700) of `dir` whose mode lets anyone but the owner in. */
function looseModes(dir: string): string[] {
  return walk(dir)
    .filter((f) => (f.mode & 0o077) !== 0)
    .map((f) => `${f.path} ${f.mode.toString(8)}`);
}

/** Files under `dir` whose bytes contain `secret` (skipping `except`). */
function filesHolding(dir: string, secret: string, except: (path: string) => boolean = () => false): string[] {
  return walk(dir)
    .filter((f) => !f.dir && !except(f.path) && readFileSync(f.path).includes(Buffer.from(secret)))
    .map((f) => f.path);
}

/** The history files under `userDir`, joined. */
function historyText(userDir: string): string {
  return walk(join(userDir, 'history'))
    .filter((f) => !f.dir)
    .map((f) => readFileSync(f.path, 'utf8'))
    .join('\n');
}

/** Which of `secrets` the text holds (the check of the history, the dump and the messages). */
function leaked(text: string, secrets: Record<string, string>): string[] {
  return Object.entries(secrets)
    .filter(([, s]) => text.includes(s))
    .map(([name]) => name);
}

/** `pid` and all its descendants, from /proc (Linux). */
function processTree(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // The parent pid is field 4 of /proc/<pid>/stat; field 2 (comm) may contain spaces.
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
    } catch {
      /* gone meanwhile */
    }
  }
  const all = [pid];
  for (let i = 0; i < all.length; i++) all.push(...(children.get(all[i]!) ?? []));
  return all;
}

/** The argv (NUL-joined) of every process in the tree of `pid`, with its pid. */
function argvOfTree(pid: number): { pid: number; argv: string }[] {
  return processTree(pid).map((p) => {
    try {
      return { pid: p, argv: readFileSync(`/proc/${p}/cmdline`, 'utf8').replaceAll('\0', ' ') };
    } catch {
      return { pid: p, argv: '' };
    }
  });
}

for (const engine of ENGINES) {
  describe(`secrets stay secret (${engine})`, () => {
    let cli: CliEnvironment;
    let sessionKey = '';

    before(async () => {
      cli = await openCliEnvironment(engine);
      const login = await cli.run(['login', '-u', 'root', '--password-stdin'], { input: `${ROOT_PASSWORD}\n` });
      assert.equal(login.status, 0, login.stderr);
      const add = await cli.run(['user', 'add', 'secret-user', 'Se', 'Cret', 'system', '--userpassword-stdin'], { input: `${SECRET_PASSWORD}\n` });
      assert.equal(add.status, 0, add.stderr);
    });
    after(async () => {
      await cli.close();
    });

    it('logs in through OMERO_PASSWORD and --password-stdin; session files are 0600 in 0700 directories', async () => {
      const viaEnv = await cli.run(['login', '-u', 'secret-user'], { env: { OMERO_PASSWORD: SECRET_PASSWORD } });
      assert.equal(viaEnv.status, 0, viaEnv.stderr);
      const viaStdin = await cli.run(['login', '-u', 'secret-user', '--password-stdin'], { input: `${SECRET_PASSWORD}\n` });
      assert.equal(viaStdin.status, 0, viaStdin.stderr);
      const key = await cli.run(['sessions', 'key']);
      assert.equal(key.status, 0, key.stderr);
      sessionKey = key.stdout.trim();
      assert.ok(sessionKey.length >= 32, `session key ${sessionKey}`);
      const sessions = join(cli.userDir, 'sessions');
      assert.ok(walk(sessions).some((f) => !f.dir && readFileSync(f.path, 'utf8').includes(sessionKey)), 'the session file was not found');
      assert.deepEqual(looseModes(sessions), []);
      // Positive control: a planted 0644 file and 0755 directory are reported.
      const plant = join(cli.userDir, 'plant');
      mkdirSync(plant, { mode: 0o755 });
      chmodSync(plant, 0o755);
      writeFileSync(join(plant, 'f'), 'x', { mode: 0o644 });
      assert.equal(looseModes(plant).length, 1);
      assert.equal(looseModes(cli.userDir).filter((l) => l.includes('plant')).length, 2);
    });

    it('the prompt, the REPL and `-k`: no secret in the argv of our processes while they run, none in the history', async () => {
      assert.ok(sessionKey, 'needs the session of the first test');
      // A REPL stays in flight: log in at the prompt, then look at the process tree.
      const shell = onPty(process.execPath, [OMERO_BIN, 'shell', '--login', '-C', '-s', 'localhost', '-u', 'secret-user'], cli.env, 60_000);
      await shell.answer(PROMPT, `${SECRET_PASSWORD}\r`);
      await shell.waitFor(REPL_PROMPT);
      const tree = argvOfTree(shell.term.pid);
      assert.ok(tree.some((p) => p.argv.includes('shell --login')), `the shell is not in ${JSON.stringify(tree)}`);
      for (const p of tree) assert.ok(!p.argv.includes(SECRET_PASSWORD), `process ${p.pid} shows the password: ${p.argv}`);
      // The shell's own session key, from the session store (the shell holds the embedded database).
      const keyNow = await cli.run(['sessions', 'key']);
      const shellKey = keyNow.stdout.trim();
      assert.ok(shellKey.length >= 32 && shellKey !== sessionKey, `shell session key ${shellKey}`);
      // Lines that carry the secrets in several forms (a key without its dashes escapes the UUID
      // pattern; a bare assignment names no password), and one that does not (the control).
      const lines = [
        `key = '${sessionKey}'`,
        `c2 = client.createSession('secret-user', '${SECRET_PASSWORD}')`,
        `pw = '${SECRET_PASSWORD}'`,
        `half = '${SECRET_PASSWORD.slice(0, 6)}' + '${SECRET_PASSWORD.slice(6)}'`,
        `k = '${shellKey.replaceAll('-', '')}'`,
        `ec = admin_service.getEventContext()`,
      ];
      for (const line of lines) {
        const since = shell.output().length;
        shell.term.write(`${line}\r`);
        await shell.waitFor(REPL_PROMPT, since);
      }
      shell.term.write('.exit\r');
      assert.equal(await shell.exited, 0);
      const history = join(cli.userDir, 'history');
      const secrets = { password: SECRET_PASSWORD, key: sessionKey, 'shell key': shellKey, 'shell key without dashes': shellKey.replaceAll('-', '') };
      const text = historyText(cli.userDir);
      assert.match(text, /ec = admin_service\.getEventContext\(\)/, 'the history file kept nothing: the check would see nothing');
      assert.deepEqual(leaked(text, secrets), [], 'a secret is in the history');
      // Planted-leak control: the same check over a history that kept the assignment finds it.
      const planted = join(history, 'planted');
      writeFileSync(planted, `pw = '${SECRET_PASSWORD}'\n`, { mode: 0o600 });
      assert.deepEqual(leaked(historyText(cli.userDir), secrets), ['password']);
      rmSync(planted);
      assert.deepEqual(looseModes(history), []);

      // `-k KEY` on our own argv is the caller's choice; it must not travel to any child.
      const withKey = onPty(process.execPath, [OMERO_BIN, 'shell', '--login', '-k', sessionKey], cli.env, 60_000);
      await withKey.waitFor(REPL_PROMPT);
      const keyTree = argvOfTree(withKey.term.pid);
      const ours = keyTree.filter((p) => p.argv.includes(OMERO_BIN));
      assert.equal(ours.length, 1, `expected only the omero process itself, got ${JSON.stringify(keyTree)}`);
      for (const p of keyTree.filter((q) => q.pid !== ours[0]!.pid && q.pid !== withKey.term.pid)) {
        assert.ok(!p.argv.includes(sessionKey), `child ${p.pid} shows the session key: ${p.argv}`);
      }
      withKey.term.write('.exit\r');
      assert.equal(await withKey.exited, 0);
      // Positive control of the argv reader: it does see the key on the command line that has it.
      assert.ok(ours[0]!.argv.includes(sessionKey));
    });

    it('refusals of a wrong password or key do not echo them', async () => {
      const wrongPassword = `Wrong-${randomBytes(6).toString('hex')}`;
      const wrongKey = `${sessionKey.slice(0, -4)}ffff`;
      const badPassword = await cli.run(['login', '-C', '-u', 'secret-user', '--password-stdin'], { input: `${wrongPassword}\n` });
      const badKey = await cli.run(['login', '-k', wrongKey]);
      for (const [r, secret] of [
        [badPassword, wrongPassword],
        [badKey, wrongKey],
      ] as const) {
        assert.notEqual(r.status, 0);
        assert.ok(r.stderr.trim() !== '', 'no message');
        assert.deepEqual(leaked(r.stdout + r.stderr, { secret }), [], `the refusal echoes the secret: ${r.stderr}`);
      }
      // Planted-leak control: a refusal that does quote its input (the user name) is caught.
      const echoed = await cli.run(['login', '-C', '-u', wrongPassword, '--password-stdin'], { input: 'x\n' });
      assert.notEqual(echoed.status, 0);
      assert.deepEqual(leaked(echoed.stdout + echoed.stderr, { secret: wrongPassword }), ['secret'], echoed.stderr);
    });

    it('no file under the user dir and no database row holds the password; only the session store holds the key', async () => {
      const inSessions = (p: string) => p.startsWith(join(cli.userDir, 'sessions'));
      assert.deepEqual(filesHolding(cli.userDir, SECRET_PASSWORD), []);
      assert.deepEqual(filesHolding(cli.userDir, sessionKey, inSessions), []);
      const dump = JSON.stringify(await dumpDatabaseAt(cli.database));
      assert.ok(dump.includes('secret-user'), 'the dump misses the user: the check would see nothing');
      assert.deepEqual(leaked(dump, { password: SECRET_PASSWORD, key: sessionKey }), [], 'a table holds a secret');
      // Positive control: a planted file with the password is found.
      writeFileSync(join(cli.userDir, 'plant', 'leak.log'), `password=${SECRET_PASSWORD}\n`, { mode: 0o600 });
      assert.equal(filesHolding(cli.userDir, SECRET_PASSWORD).length, 1);
      // Planted-leak control of the dump: the password written into a row is found. Last, since
      // the embedded database's files keep the bytes of the old row.
      await withDatabaseAt(cli.database, async (knex) => {
        await knex('experimenter').where({ omename: 'secret-user' }).update({ institution: `pw ${SECRET_PASSWORD}` });
        assert.deepEqual(leaked(JSON.stringify(await dumpDatabase(knex)), { password: SECRET_PASSWORD, key: sessionKey }), ['password']);
        await knex('experimenter').where({ omename: 'secret-user' }).update({ institution: null });
      });
    });
  });
}
