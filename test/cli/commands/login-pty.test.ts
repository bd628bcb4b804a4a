/**
 * `omero login` on a real terminal (a pseudo-terminal): the hidden password prompt, OMERO's
 * `Server:` and `Username:` prompts with their defaults, three wrong passwords (rc 524), and
 * `sessions keepalive` ended by Enter.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { spawn, type IPty } from '@lydell/node-pty';
import { OMERO_BIN } from '../../helpers/cli-runner.js';
import { ROOT_PASSWORD } from '../../helpers/test-database.js';
import { SessionsEnv, status } from './sessions-fixture.js';

/** `omero …args` on a pty, with a way to wait for output and to answer prompts. */
function onPty(env: NodeJS.ProcessEnv, args: string[]) {
  const term: IPty = spawn(process.execPath, [OMERO_BIN, ...args], {
    cols: 200,
    rows: 30,
    env: env as Record<string, string>,
  });
  let seen = '';
  const waiters: { re: RegExp; since: number; resolve: (s: string) => void }[] = [];
  term.onData((d) => {
    seen += d;
    for (const w of [...waiters]) {
      if (w.re.test(seen.slice(w.since))) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(seen);
      }
    }
  });
  const exited = new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => {
      term.kill();
      reject(new Error(`omero still running: ${JSON.stringify(seen)}`));
    }, 60_000);
    term.onExit((e) => {
      clearTimeout(timer);
      resolve(e.exitCode);
    });
  });
  const waitFor = (re: RegExp, since = 0) =>
    new Promise<string>((resolve, reject) => {
      if (re.test(seen.slice(since))) return resolve(seen);
      const timer = setTimeout(() => {
        term.kill();
        reject(new Error(`timed out waiting for ${re} in ${JSON.stringify(seen)}`));
      }, 45_000);
      waiters.push({ re, since, resolve: (s) => (clearTimeout(timer), resolve(s)) });
    });
  let mark = 0;
  /** Waits for `prompt` in the output since the last answer, then types `text`. */
  const answer = async (prompt: RegExp, text: string) => {
    await waitFor(prompt, mark);
    await new Promise((r) => setTimeout(r, 100));
    mark = seen.length;
    term.write(text);
  };
  return { waitFor, answer, exited, output: () => seen };
}

describe('omero login on a terminal (pty, pglite)', () => {
  let env: SessionsEnv;

  before(async () => {
    env = await SessionsEnv.open('pglite');
  });
  after(() => env?.close());

  it('asks Server, Username and a hidden Password, then prints the banner', async () => {
    const { answer, waitFor, exited, output } = onPty(env.cli.env, ['login']);
    await answer(/Server: \[localhost:4064\]/, '\r');
    await answer(/Username: \[[^\]]+\]/, 'root\r');
    await answer(/Password:/, `${ROOT_PASSWORD}\r`);
    await waitFor(/Created session for root@localhost:4064\. Idle timeout: 10 min\. Current group: system/);
    assert.equal(await exited, 0);
    assert.ok(!output().includes(ROOT_PASSWORD), 'the password is not echoed');
    // The default of the Server prompt was accepted: its port is stored (omero-py does the same).
    assert.match(env.read('localhost', 'root', env.currentKey()!) ?? '', /^omero\.host=localhost\nomero\.user=root\nomero\.port=4064\nomero\.sess=/);
  });

  it('asks only for the password when server and user are given; Input required on an empty answer', async () => {
    const { answer, waitFor, exited } = onPty(env.cli.env, ['login', '-C', 'root@localhost']);
    await answer(/Password:/, '\r');
    await answer(/Input required[^]*Password:/, `${ROOT_PASSWORD}\r`);
    await waitFor(/Created session for root@localhost:4064\./);
    assert.equal(await exited, 0);
  });

  it('three wrong passwords: the reason each time, then rc 524', async () => {
    const { answer, waitFor, exited } = onPty(env.cli.env, ['login', '-C', '-s', 'localhost', '-u', 'root']);
    await answer(/Password:/, 'wrong-1\r');
    await answer(/Password check failed for 'root'[^]*Password:/, 'wrong-2\r');
    await answer(/Password check failed for 'root'[^]*Password:/, 'wrong-3\r');
    await waitFor(/3 incorrect password attempts/);
    assert.equal(await exited, status(524));
  });

  it('sessions keepalive waits for Enter', async () => {
    const { answer, waitFor, exited } = onPty(env.cli.env, ['-q', 'sessions', 'keepalive', '-f', '1']);
    await waitFor(/Running keep alive every 1 seconds/);
    await answer(/Press enter to cancel\./, '\r');
    assert.equal(await exited, 0);
  });
});
