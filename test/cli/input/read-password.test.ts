/**
 * Password and line input: source order, --password-stdin reading exactly one line (in process
 * and through a real pipe), the terminal rule (fast refusal on /dev/null), and the prompts with
 * an injected prompter.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { InputError, NotATerminalError } from '../../../src/cli/input/input-error.js';
import { promptLine, promptPassword } from '../../../src/cli/input/prompter.js';
import { readLine } from '../../../src/cli/input/read-line.js';
import { readPassword } from '../../../src/cli/input/read-password.js';
import { scripted, tty } from './helpers.js';

const CHILD = fileURLToPath(new URL('./fixtures/prompt-child.ts', import.meta.url));

/** Runs the child fixture with `input` on a pipe (or /dev/null), returns its RESULT and time. */
async function runChild(
  args: string[],
  input: string[] | null,
): Promise<{ result: Record<string, unknown>; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, ...args], {
    stdio: [input === null ? 'ignore' : 'pipe', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  if (input !== null && child.stdin) {
    for (const chunk of input) {
      child.stdin.write(chunk);
      await new Promise((r) => setTimeout(r, 50)); // separate chunks on the pipe
    }
    child.stdin.end();
  }
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  assert.equal(code, 0, err);
  const line = out.split('\n').find((l) => l.startsWith('RESULT '));
  assert.ok(line, `no RESULT in ${JSON.stringify(out)} / ${err}`);
  return { result: JSON.parse(line.slice(7)) as Record<string, unknown>, stderr: err };
}

describe('readPassword: sources in order', () => {
  it('-w wins over OMERO_PASSWORD and stdin', async () => {
    const io = tty(false, false);
    io.stdin.end('from-stdin\n');
    const pw = await readPassword({ ...io, passwordFlag: 'flag', env: { OMERO_PASSWORD: 'env' }, passwordStdin: true });
    assert.equal(pw, 'flag');
  });

  it('OMERO_PASSWORD comes next and leaves stdin unread', async () => {
    const io = tty(false, false);
    io.stdin.end('from-stdin\n');
    assert.equal(await readPassword({ ...io, env: { OMERO_PASSWORD: 'env' }, passwordStdin: true }), 'env');
    assert.equal(String(io.stdin.read()), 'from-stdin\n');
  });

  it('an empty -w or OMERO_PASSWORD counts as absent (Python truthiness)', async () => {
    const io = tty(false, false);
    io.stdin.end('from-stdin\n');
    assert.equal(await readPassword({ ...io, passwordFlag: '', env: { OMERO_PASSWORD: '' }, passwordStdin: true }), 'from-stdin');
  });

  it('prompts last, with the given prompt, re-asking on empty input', async () => {
    const io = tty();
    const prompter = scripted(['', 's3cret']);
    assert.equal(await readPassword({ ...io, prompter, env: {}, prompt: 'Password for root:' }), 's3cret');
    assert.deepEqual(prompter.asked, ['Password for root:', 'Password for root:']);
    assert.equal(io.text(), 'Input required\n');
  });

  it('defaults the prompt to "Password:"', async () => {
    const prompter = scripted(['x']);
    await readPassword({ ...tty(), prompter, env: {} });
    assert.deepEqual(prompter.asked, ['Password:']);
  });
});

describe('readPassword: the terminal rule', () => {
  it('refuses without a terminal on stdin, naming rc 564, and never prompts', async () => {
    const prompter = scripted([]);
    await assert.rejects(readPassword({ ...tty(false, true), prompter, env: {} }), (err: unknown) => {
      assert.ok(err instanceof NotATerminalError);
      assert.equal(err.message, 'stdin is not a terminal: cannot request password');
      assert.equal(err.rc, 564);
      return true;
    });
    assert.deepEqual(prompter.asked, []);
  });

  it('refuses when stderr (where prompts go) is not a terminal', async () => {
    await assert.rejects(readPassword({ ...tty(true, false), prompter: scripted([]), env: {} }), {
      message: 'stderr is not a terminal: cannot request password',
    });
  });

  // A wait for input would hang until the test's time limit: no speed threshold needed.
  it('fails with stdin from /dev/null in a real process, without waiting for input', { timeout: 120_000 }, async () => {
    const { result } = await runChild(['password'], null);
    assert.deepEqual(result, { error: 'stdin is not a terminal: cannot request password', name: 'NotATerminalError', rc: 564 });
  });

  it('promptLine and promptPassword follow the same rule', async () => {
    await assert.rejects(promptLine('Server: ', { ...tty(false), what: 'server' }), {
      message: 'stdin is not a terminal: cannot request server',
    });
    await assert.rejects(promptLine('Username: ', tty(false)), { message: 'stdin is not a terminal: cannot request input' });
    await assert.rejects(promptPassword('Please enter password for your user (root): ', tty(false)), NotATerminalError);
  });

  it('promptLine asks the question as given; promptPassword may return empty', async () => {
    const prompter = scripted(['omero.example.org', '']);
    assert.equal(await promptLine('Server: [localhost:4064] ', { ...tty(), prompter, what: 'server' }), 'omero.example.org');
    assert.equal(await promptPassword('Please enter password for your user (root): ', { ...tty(), prompter }), '');
    assert.deepEqual(prompter.asked, ['Server: [localhost:4064] ', 'Please enter password for your user (root): ']);
  });
});

describe('readPassword --password-stdin (in process)', () => {
  const stdin = (isTTY = false) => Object.assign(new PassThrough(), { isTTY });

  it('reads one line and leaves the rest in the stream', async () => {
    const s = stdin();
    s.end('s3cret\nconst x = 1\n');
    assert.equal(await readPassword({ stdin: s, env: {}, passwordStdin: true }), 's3cret');
    assert.equal(String(s.read()), 'const x = 1\n');
  });

  it('strips \\r\\n, keeps spaces, and joins a line split across chunks (even inside a UTF-8 character)', async () => {
    const s = stdin();
    const bytes = Buffer.from(' pä ss\r\nnext', 'utf8');
    const p = readPassword({ stdin: s, env: {}, passwordStdin: true });
    s.write(bytes.subarray(0, 3)); // ' p' + the first byte of 'ä'
    await new Promise((r) => setImmediate(r));
    s.write(bytes.subarray(3));
    assert.equal(await p, ' pä ss');
    assert.equal(String(s.read()), 'next');
  });

  it('works on a stream decoding to strings', async () => {
    const s = stdin();
    s.setEncoding('utf8');
    s.end('pw\nrest');
    assert.equal(await readLine(s), 'pw');
    assert.equal(s.read(), 'rest');
  });

  it('takes an unterminated last line, and an empty line as an empty password', async () => {
    const a = stdin();
    a.end('no-newline');
    assert.equal(await readPassword({ stdin: a, env: {}, passwordStdin: true }), 'no-newline');
    const b = stdin();
    b.end('\nsecond\n');
    assert.equal(await readPassword({ stdin: b, env: {}, passwordStdin: true }), '');
  });

  it('fails when stdin ends with nothing, even on a terminal', async () => {
    const s = stdin(true);
    s.end();
    await assert.rejects(readPassword({ stdin: s, env: {}, passwordStdin: true }), (err: unknown) => {
      assert.ok(err instanceof InputError);
      assert.equal(err.rc, 564);
      assert.match(err.message, /stdin is empty/);
      return true;
    });
  });

  it('hands the rest to a later readline', async () => {
    const s = stdin();
    s.end('pw\nline 1\nline 2\n');
    assert.equal(await readPassword({ stdin: s, env: {}, passwordStdin: true }), 'pw');
    const lines: string[] = [];
    for await (const line of createInterface({ input: s })) lines.push(line);
    assert.deepEqual(lines, ['line 1', 'line 2']);
  });
});

describe('readPassword --password-stdin (through a pipe)', () => {
  it('reads exactly one line; the rest of stdin is still there for the next reader', async () => {
    const { result } = await runChild(['stdin'], ['s3cret\nprint(1)\n', 'print(2)\n']);
    assert.deepEqual(result, { password: 's3cret', rest: 'print(1)\nprint(2)\n' });
  });

  it('works when the password arrives in pieces, and with readline reading the rest', async () => {
    const { result } = await runChild(['stdin', 'readline'], ['s3', 'cret', '\nline 1\n', 'line 2\n']);
    assert.deepEqual(result, { password: 's3cret', rest: ['line 1', 'line 2'] });
  });

  it('fails on an empty pipe', async () => {
    const { result } = await runChild(['stdin'], []);
    assert.equal(result.rc, 564);
    assert.match(String(result.error), /stdin is empty/);
  });
});
