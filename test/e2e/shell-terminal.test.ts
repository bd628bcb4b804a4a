import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { OMERO_BIN, openDemoEnvironment, type CliEnvironment } from '../helpers/cli-runner.js';
import { onPty, plainText, type PtySession } from '../helpers/pty.js';
import { ENGINES } from '../helpers/test-database.js';

const PROMPT = /omero user-2@private-1> (\x1b\[[0-9;]*[A-Za-z])*$/;

/** The shell as user-2 on a pseudo-terminal; `env` adds to (or, with undefined, removes from) the environment. */
function shell(cli: CliEnvironment, env: NodeJS.ProcessEnv = { OMERO_PASSWORD: 'user-2-password' }): PtySession {
  const all: NodeJS.ProcessEnv = { ...cli.env, TERM: 'xterm', ...env };
  for (const [k, v] of Object.entries(all)) if (v === undefined) delete all[k];
  return onPty(process.execPath, [OMERO_BIN, 'shell', '--login', '-s', 'localhost', '-u', 'user-2'], all);
}

/** Output since `mark`, without terminal escapes. */
const since = (pty: PtySession, mark: number) => plainText(pty.output().slice(mark));

for (const engine of ENGINES) {
  describe(`shell on a terminal: interrupt, introspect, history (${engine})`, () => {
    let cli: CliEnvironment;
    before(async () => {
      cli = await openDemoEnvironment(engine);
    });
    after(() => cli.close());

    it('Ctrl-C stops a busy loop and the shell goes on; Ctrl-C twice on an empty line leaves', async () => {
      const pty = shell(cli);
      await pty.answer(PROMPT, "let n = 0; while (true) { if (++n === 1000) print('looping') }\r");
      // Interrupt once the loop runs ('looping' shows from inside it, so n > 0 however soon the
      // interrupt lands). Under load it may land inside that write: interrupted-write.ts.
      await pty.waitFor(/^looping\r?$/m);
      pty.term.write('\x03');
      await pty.waitFor(/KeyboardInterrupt: the statement was stopped \(Ctrl-C\)/);
      await pty.answer(PROMPT, 'print(n > 0, 6 * 7)\r');
      await pty.waitFor(/True 42/);
      // TypeScript still compiles after the interrupt (esbuild's service was hit by the signal too).
      await pty.answer(PROMPT, 'const typed: number = 5; print(typed)\r');
      await pty.waitFor(/^5\r?$/m);
      await pty.answer(PROMPT, '\x03');
      await pty.waitFor(/To exit, press Ctrl\+C again/);
      pty.term.write('\x03');
      assert.equal(await pty.exited, 0);
    });

    it('Ctrl-C while the statement prints: the shell still writes (the interrupt may cut a write)', async () => {
      const pty = shell(cli);
      // Most of this loop's time is spent in the terminal stream's write, where the interrupt
      // lands and used to leave the stream stuck: no KeyboardInterrupt, no prompt, ever.
      await pty.answer(PROMPT, 'let i = 0; while (true) print(i++)\r');
      await pty.waitFor(/^1000\r?$/m);
      const mark = pty.output().length;
      pty.term.write('\x03');
      await pty.waitFor(/KeyboardInterrupt: the statement was stopped \(Ctrl-C\)\.\r?\n[^]*omero user-2@private-1> /, mark);
      await pty.answer(PROMPT, 'print(i > 1000, 6 * 7)\r');
      await pty.waitFor(/True 42/);
      await pty.answer(PROMPT, '.exit\r');
      assert.equal(await pty.exited, 0);
    });

    it('help(x), x?, dir(x), echo of services, Tab, and exit without parentheses', async () => {
      const pty = shell(cli);
      await pty.answer(PROMPT, 'admin_service.lookupGroup?\r');
      await pty.waitFor(/admin_service\.lookupGroup\(name, ctx\) — a method of AdminServicePrx\r?\n {2}a group by name/);
      await pty.answer(PROMPT, 'help(session)\r');
      await pty.waitFor(/ServiceFactoryPrx — the session[^]*submit +start a command/);
      await pty.answer(PROMPT, 'query_service\r');
      await pty.waitFor(/<QueryServicePrx: IQuery: [^]*methods: find, findAll, findAllByQuery/);
      await pty.answer(PROMPT, "dir(client).includes('createSession')\r");
      await pty.waitFor(/^true\r?$/m);
      await pty.answer(PROMPT, 'query_service.findAllByQ\t');
      await pty.answer(/findAllByQuery/, "('select g from ExperimenterGroup g where g.name = :n', new ParametersI().addString('n', 'user'))\r");
      await pty.waitFor(/\[0\] ExperimenterGroupI id=1 name='user'/);
      // Two Tabs list the candidates (typed one at a time: a pasted Tab is inserted as text).
      await pty.answer(PROMPT, 'query_service.findAllBy');
      await pty.answer(/findAllBy$/, '\t');
      await new Promise((r) => setTimeout(r, 200));
      pty.term.write('\t');
      await pty.answer(/findAllByString/, '\x15');
      await pty.answer(PROMPT, 'exit\r');
      assert.equal(await pty.exited, 0);
    });

    it('keeps 1,000 lines of history across restarts, written whole', async () => {
      const first = shell(cli);
      // A long line first, then shorter ones: an in-place rewrite would leave the long tail behind.
      await first.answer(PROMPT, `const longLine = '${'x'.repeat(300)}'\r`);
      for (let i = 0; i < 40; i++) await first.answer(PROMPT, `const h${i} = ${i}\r`);
      await first.answer(PROMPT, 'quit()\r');
      assert.equal(await first.exited, 0);
      const dir = join(cli.userDir, 'history');
      const file = join(dir, readdirSync(dir).find((f) => f.startsWith('shell-user-2'))!);
      const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
      assert.ok(lines.length >= 42, `${lines.length} lines kept (node's default would be 30)`);
      assert.equal(lines[0], 'quit()');
      assert.equal(lines.filter((l) => l.startsWith('const longLine')).length, 1);
      assert.ok(lines.every((l) => /^(const (h\d+ = \d+|longLine = 'x+')|quit\(\)|.*)$/.test(l)));
      const again = shell(cli);
      await again.waitFor(PROMPT);
      const mark = again.output().length;
      again.term.write('\x1b[A\x1b[A');
      await again.waitFor(/const h39 = 39/, mark);
      again.term.write('\x15.exit\r');
      assert.equal(await again.exited, 0);
    });

    if (engine === 'postgres') {
      it('Ctrl-C stops a call waiting on the server, which cancels it, and the shell goes on', async () => {
        const admin = new pg.Client({ connectionString: cli.env.OMERO_DB_URL });
        await admin.connect();
        const pty = shell(cli);
        try {
          await pty.waitFor(PROMPT);
          await admin.query('begin');
          await admin.query('lock table project in access exclusive mode');
          // A write: the server cancels its statement and rolls it back (reads are not cancelled yet).
          await pty.answer(PROMPT, "const p = new ProjectI(); p.name = rstring('interrupted'); update_service.saveAndReturnObject(p)\r");
          // Deterministic: interrupt once the call's statement queues on our lock.
          for (let waiting = 0; waiting === 0; ) {
            await admin.query('select pg_stat_clear_snapshot()');
            waiting = (await admin.query('select count(*)::int as n from pg_stat_activity where pg_backend_pid() = any(pg_blocking_pids(pid))')).rows[0].n;
            if (waiting === 0) await new Promise((r) => setTimeout(r, 20));
          }
          const mark = pty.output().length;
          pty.term.write('\x03');
          await pty.waitFor(/KeyboardInterrupt/, mark);
          await pty.answer(PROMPT, 'print(6 * 7)\r');
          await pty.waitFor(/^42\r?$/m);
          // The server cancelled the abandoned call: the next one is answered while the lock is still held.
          await pty.answer(PROMPT, "query_service.projection('select count(g) from ExperimenterGroup g', null)[0][0].val > 0\r");
          await pty.waitFor(/^true\r?$/m);
          // The server cancelled the interrupted statement (pg_cancel_backend): nothing waits on our lock.
          let blocked = 1;
          for (let tries = 0; blocked > 0 && tries < 100; tries++) {
            await admin.query('select pg_stat_clear_snapshot()');
            blocked = (await admin.query('select count(*)::int as n from pg_stat_activity where pg_backend_pid() = any(pg_blocking_pids(pid))')).rows[0].n;
            if (blocked > 0) await new Promise((r) => setTimeout(r, 50));
          }
          assert.equal(blocked, 0, 'the interrupted statement no longer waits on the server');
          await admin.query('rollback');
          const saved = await admin.query("select count(*)::int as n from project where name = 'interrupted'");
          assert.equal(saved.rows[0].n, 0, 'the interrupted write was rolled back');
          await pty.answer(PROMPT, '.exit\r');
          assert.equal(await pty.exited, 0);
        } finally {
          await admin.end();
        }
      });

      it('an idle session is said to have ended, and the shell logs in again in place', async () => {
        // A stored session, joined by the shell without a password: logging in again must ask.
        const login = await cli.run(['login', '-s', 'localhost', '-u', 'user-2'], { env: { OMERO_PASSWORD: 'user-2-password' } });
        assert.equal(login.status, 0, login.stderr);
        const pty = shell(cli, { OMERO_PASSWORD: undefined });
        const db = new pg.Client({ connectionString: cli.env.OMERO_DB_URL });
        await db.connect();
        try {
          await pty.answer(PROMPT, '.whoami\r');
          await pty.waitFor(/user-2@localhost, group private-1 \(session idle timeout 10 min\)/);
          // Idle for an hour, as far as the server can tell.
          await db.query("update session set last_access = now() - interval '1 hour' where closed is null and owner = (select id from experimenter where omename = 'user-2')");
          await pty.answer(PROMPT, 'admin_service.getEventContext().groupName\r');
          await pty.answer(/Log in again as user-2@localhost\? \[Y\/n\] (\x1b\[[0-9;]*[A-Za-z])*$/, '\r');
          await pty.answer(/Password: (\x1b\[[0-9;]*[A-Za-z])*$/, 'user-2-password\r');
          await pty.waitFor(/Logged in again as user-2@localhost \(group private-1\)\./);
          await pty.answer(PROMPT, 'admin_service.getEventContext().userName\r');
          await pty.waitFor(/'user-2'/);
          await pty.answer(PROMPT, '.whoami\r');
          await pty.waitFor(/user-2@localhost, group private-1 \(session idle timeout 10 min\)[^]*omero user-2@private-1> /);
          await pty.answer(PROMPT, '.exit\r');
          assert.equal(await pty.exited, 0);
          const text = plainText(pty.output());
          assert.match(text, /The session of user-2@localhost has ended: Session timed out \(idle\)\./);
          assert.doesNotMatch(text, /user-2-password|\*{4}/, 'the password is not echoed, not even as stars');
          const dir = join(cli.userDir, 'history');
          for (const f of readdirSync(dir)) assert.doesNotMatch(readFileSync(join(dir, f), 'utf8'), /user-2-password/);
        } finally {
          await db.end();
        }
      });
    }
  });
}
