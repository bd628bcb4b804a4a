/**
 * The real prompter: @inquirer/password and node:readline on given streams, and end to end on a
 * pseudo-terminal (masking, Ctrl-C, the double prompt).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { spawn, type IPty } from '@lydell/node-pty';
import { InputCancelledError } from '../../../src/cli/input/input-error.js';
import { terminalPrompter } from '../../../src/cli/input/prompter.js';
import { tty } from './helpers.js';

const CHILD = fileURLToPath(new URL('./fixtures/prompt-child.ts', import.meta.url));

describe('terminalPrompter on streams', () => {
  it('hidden: reads the answer and writes the prompt to the given output only', async () => {
    const io = tty();
    const answer = terminalPrompter(io.stdin, io.stderr).hidden('Password: ');
    await io.waitFor(/Password:/);
    io.stdin.write('s3cret\n');
    assert.equal(await answer, 's3cret');
    assert.match(io.text(), /Password:/);
    assert.ok(!io.text().includes('s3cret'), io.text());
  });

  it('hidden: end of input is InputCancelledError', async () => {
    const io = tty();
    const answer = terminalPrompter(io.stdin, io.stderr).hidden('Password:');
    await io.waitFor(/Password:/);
    io.stdin.end();
    await assert.rejects(answer, InputCancelledError);
  });

  it('line: returns the typed line; end of input cancels', async () => {
    const io = tty();
    const answer = terminalPrompter(io.stdin, io.stderr).line('Username: [root] ');
    await io.waitFor(/Username/);
    io.stdin.write('jsmith\n');
    assert.equal(await answer, 'jsmith');
    assert.match(io.text(), /Username: \[root\] /);

    const io2 = tty();
    const cancelled = terminalPrompter(io2.stdin, io2.stderr).line('Server: ');
    io2.stdin.end();
    await assert.rejects(cancelled, InputCancelledError);
  });
});

/** A child on a pty, with a way to wait for its output. */
function onPty(args: string[]): {
  term: IPty;
  waitFor: (re: RegExp, since?: number) => Promise<string>;
  answer: (prompt: RegExp, text: string) => Promise<void>;
  exited: Promise<number>;
} {
  const term = spawn(process.execPath, ['--import', 'tsx', CHILD, ...args], {
    cols: 200,
    rows: 30,
    env: { ...process.env, NO_COLOR: '1' } as Record<string, string>,
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
      reject(new Error(`child still running: ${JSON.stringify(seen)}`));
    }, 20_000);
    term.onExit((e) => {
      clearTimeout(timer);
      resolve(e.exitCode);
    });
  });
  /** Resolves with all output once the output after `since` matches `re`. */
  const waitFor = (re: RegExp, since = 0) =>
    new Promise<string>((resolve, reject) => {
      if (re.test(seen.slice(since))) return resolve(seen);
      const timer = setTimeout(() => {
        term.kill();
        reject(new Error(`timed out waiting for ${re} in ${JSON.stringify(seen)}`));
      }, 10_000);
      waiters.push({ re, since, resolve: (s) => (clearTimeout(timer), resolve(s)) });
    });
  // Prompts are re-rendered on every key, so each answer waits for its prompt in the output
  // written since the previous answer, then gives the prompt a moment to listen for keys.
  let mark = 0;
  const answer = async (prompt: RegExp, text: string) => {
    await waitFor(prompt, mark);
    await new Promise((r) => setTimeout(r, 50));
    mark = seen.length;
    term.write(text);
  };
  return { term, waitFor, answer, exited };
}

describe('prompts on a real terminal (pty)', () => {
  it('readPassword echoes nothing, not even the length, and returns the password', async () => {
    const { answer, waitFor, exited } = onPty(['password']);
    await answer(/Password:/, 's3cret\r');
    const out = await waitFor(/RESULT [^\r\n]*\r?\n/);
    assert.doesNotMatch(out, /\*/);
    assert.match(out, /RESULT \{"password":"s3cret"\}/);
    assert.equal(out.split('s3cret').length - 1, 1, 'the password appears only in RESULT');
    assert.equal(await exited, 0);
  });

  it('Ctrl-C at the prompt is "Cancelled" with rc 1', async () => {
    const { answer, waitFor, exited } = onPty(['password']);
    await answer(/Password:/, '\x03');
    const out = await waitFor(/RESULT [^\r\n]*\r?\n/);
    assert.match(out, /RESULT \{"error":"Cancelled","name":"InputCancelledError","rc":1\}/);
    await exited;
  });

  for (const [mode, prompt] of [['password', /Password:/], ['line', /Server: /]] as const) {
    it(`Ctrl-D at the ${mode} prompt is "Cancelled" too`, async () => {
      const { answer, waitFor, exited } = onPty([mode]);
      await answer(prompt, '\x04');
      const out = await waitFor(/RESULT [^\r\n]*\r?\n/);
      assert.match(out, /RESULT \{"error":"Cancelled","name":"InputCancelledError","rc":1\}/);
      await exited;
    });
  }

  it('confirmNewPassword loops until both answers agree', async () => {
    const { answer, waitFor, exited } = onPty(['confirm']);
    const enter = /\? Please enter password for your new user \(jsmith\):/;
    const again = /\? Please re-enter password for your new user \(jsmith\):/;
    await answer(enter, '\r');
    await answer(/Password cannot be empty[^]*\? Please enter password/, 'one\r');
    await answer(again, 'two\r');
    await answer(/Passwords don't match[^]*\? Please enter password/, 'ok\r');
    await answer(again, 'ok\r');
    const out = await waitFor(/RESULT [^\r\n]*\r?\n/);
    assert.match(out, /RESULT \{"password":"ok"\}/);
    await exited;
  });

  it('promptLine echoes and returns the line', async () => {
    const { answer, waitFor, exited } = onPty(['line']);
    await answer(/Server: \[localhost:4064\] /, 'omero.example.org\r');
    const out = await waitFor(/RESULT [^\r\n]*\r?\n/);
    assert.match(out, /omero\.example\.org/);
    assert.match(out, /RESULT \{"answer":"omero.example.org"\}/);
    await exited;
  });
});
