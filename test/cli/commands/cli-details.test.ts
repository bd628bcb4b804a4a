/**
 * CLI details that follow OMERO (issue 13): `omero errors`, `user password` with `-w` (the login
 * password only: the caller's own password is still asked for, on a prompt that echoes nothing),
 * and no second embedded database made silently.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { exitStatus } from '../../../src/cli/cli-error.js';
import { OMERO_BIN, runOmero } from '../../helpers/cli-runner.js';
import { onPty, plainText } from '../../helpers/pty.js';
import { ENGINES, ROOT_PASSWORD } from '../../helpers/test-database.js';
import { expectRun, UserGroupEnv } from './usergroup-env.js';

describe('omero errors', () => {
  it("lists the return codes in omero-py's format, filtered by plugin, messages cut to --length", async () => {
    const env = { PATH: process.env.PATH, HOME: tmpdir(), NO_COLOR: '1' };
    const hql = await runOmero(['errors', 'hql'], env);
    const row = (rc: string, key: string, message: string) => [rc.padStart(5), 'hql'.padStart(10), key.padStart(10), `'${message}'`].join('\t');
    expectRun(hql, {
      status: 0,
      stdout: [
        row('52', 'BAD_QUERY', 'Bad query: %s'),
        row('53', 'NOT_ADMIN', 'SecurityViolation: Current user is not an admin an'),
        row('54', 'SECURITY_VIOLATION', 'SecurityViolation: %s'),
        row('67', 'NO_QUIET', "Can't ask for query with --quiet option"),
        '',
      ].join('\n'),
    });
    const all = await runOmero(['errors', '--length', '10'], env);
    assert.equal(all.status, 0);
    const codes = all.stdout.trim().split('\n').map((l) => Number(l.split('\t')[0]));
    assert.deepEqual(codes, [...codes].sort((a, b) => a - b), 'sorted by rc');
    for (const rc of [2, 52, 456, 501, 505, 564]) assert.ok(codes.includes(rc), `rc ${rc} listed`);
    assert.ok(all.stdout.split('\n').filter(Boolean).every((l) => l.split('\t')[3]!.length <= 12), 'messages cut to 10 characters');
    expectRun(await runOmero(['errors', '--length', 'x'], env), { status: 2, stderr: /argument --length: invalid int value: 'x'/ });
  });
});

describe('no second database made silently', () => {
  it('a command pointed at a user directory without a database says so and creates nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'omero-nodb-'));
    try {
      const r = await runOmero(['-q', 'user', 'list', '-s', 'localhost', '-u', 'root', '-w', 'x'], { PATH: process.env.PATH, HOME: dir, OMERO_USERDIR: dir, OMERO_KEYRING: '0', OMERO_SERVER: 'in-process' });
      assert.notEqual(r.status, 0);
      assert.match(r.stderr, /there is no database at .*: run `omero db init` \(or `npm start` for the demo\)/);
      assert.equal(existsSync(join(dir, 'db')), false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

for (const engine of ENGINES) {
  describe(`omero user password with -w (${engine})`, () => {
    let env: UserGroupEnv;
    before(async () => {
      env = await UserGroupEnv.open(engine);
      expectRun(await env.root(['group', 'add', 'pats']), { status: 0 });
      expectRun(await env.root(['user', 'add', 'pat', 'Pat', 'Doe', '--group-name', 'pats', '-P', 'pat-pw']), { status: 0 });
    });
    after(() => env.close());

    it('takes -w as the login password only and still asks for the own password, as OMERO does', async () => {
      // Without a terminal the question cannot be asked: nothing is verified or changed.
      expectRun(await env.cli.run(['-q', 'user', 'password', '-C', '-s', 'localhost', '-u', 'pat', '-w', 'pat-pw'], { env: { OMERO_USERPASSWORD: 'pat-new' } }), {
        status: exitStatus(564), stdout: '', stderr: 'stdin is not a terminal: cannot request password\n',
      });
      const pty = onPty(process.execPath, [OMERO_BIN, '-q', 'user', 'password', '-C', '-s', 'localhost', '-u', 'pat', '-w', 'pat-pw'], { ...env.cli.env, TERM: 'xterm' });
      await pty.answer(/Please enter password for your user \(pat\): /, 'pat-pw\r');
      await pty.answer(/Please enter password to be set: /, 'pat-new\r');
      await pty.answer(/Please re-enter password to be set: /, 'pat-new\r');
      assert.equal(await pty.exited, 0);
      const text = plainText(pty.output());
      assert.match(text, /Verified password\.[^]*Password changed/);
      assert.doesNotMatch(text, /pat-pw|pat-new|\*\*\*/, 'hidden prompts echo nothing, not even stars');
      expectRun(await env.cli.run(['-q', '-C', '-s', 'localhost', '-u', 'pat', 'user', 'info', '--style', 'plain'], { env: { OMERO_PASSWORD: 'pat-new' } }), { status: 0, stdout: /,pat,/ });
    });
  });
}
