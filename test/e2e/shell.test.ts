import assert from 'node:assert/strict';
import { readFileSync, statSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { OMERO_BIN, openCliEnvironment, type CliEnvironment } from '../helpers/cli-runner.js';
import { onPty, plainText } from '../helpers/pty.js';
import { ENGINES, ROOT_PASSWORD } from '../helpers/test-database.js';

const EXAMPLES = join(OMERO_BIN, '..', '..', 'scripts', 'examples');
const example = (name: string) => readFileSync(join(EXAMPLES, name), 'utf8');

/** Lines a snippet must print, as patterns (ids differ per database). */
const EXPECTED: Record<string, RegExp[]> = {
  '01-event-context.ts': [
    /^object #0 \(::omero::sys::EventContext\)$/m,
    /^ {4}userName = user-2$/m,
    /^ {4}groupName = private-1$/m,
    /^ {4}isAdmin = False$/m,
    /^ {4}memberOfGroups = \n {4}\{\n {8}\[0\] = \d+\n {8}\[1\] = \d+\n {8}\[2\] = 1\n {4}\}$/m,
    /^ {8}_perm1 = -120$/m,
    /^Group name: private-1\nGroup name: read-only-1\nGroup name: user$/m,
  ],
  '02-inserts-and-queries.ts': [
    /^Created Project:(\d+) in group private-1\nCreated Project:\d+ in group read-only-1\nFound 1 Project\(s\) with ID \1 in group private-1\nFound 0 Project\(s\) with ID \1 in group read-only-1\n$/,
  ],
  '03-querying-across-groups.ts': [/^Created Project:\d+ in group private-1\nCreated Project:\d+ in group read-only-1\nFound 2 Project\(s\)\n$/],
  '04-querying-across-users.ts': [
    /^Members of "read-only-1" \(experimenter_id, username\): \[\[\d+, 'user-[23]'\], \[\d+, 'user-[23]'\]\]$/m,
    /^All projects in "read-only-1" \(project_id, owner_id\): \[\[\d+, \d+\], \[\d+, \d+\]\]$/m,
    /^Projects owned by "user-2" in "read-only-1" \(project_id, owner_id\): \[\[\d+, (\d+)\]\]$/m,
    /^Projects owned by "user-3" in "read-only-1" \(project_id, owner_id\): \[\[\d+, \d+\]\]$/m,
  ],
};

for (const engine of ENGINES) {
  describe(`omero shell --login, the real binary (${engine})`, () => {
    let cli: CliEnvironment;
    const user2 = { OMERO_PASSWORD: 'user-2-password' };
    before(async () => {
      cli = await openCliEnvironment(engine);
      const prepared = await cli.run(['demo', '--no-shell'], { env: { OMERO_ROOT_PASSWORD: ROOT_PASSWORD } });
      assert.equal(prepared.status, 0, prepared.stderr);
    });
    after(async () => {
      await cli.close();
    });

    for (const [file, patterns] of Object.entries(EXPECTED)) {
      it(`runs ${file} through a pipe with the documented output`, async () => {
        const r = await cli.run(['shell', '--login', '-s', 'localhost', '-u', 'user-2'], { input: example(file), env: user2 });
        assert.equal(r.status, 0, r.stderr);
        for (const p of patterns) assert.match(r.stdout, p);
        assert.doesNotMatch(r.stdout, /omero-shell:|session for/, 'banners go to stderr');
        assert.match(r.stderr, /session for user-2@localhost/);
      });
    }

    it('runs a file argument and the OMERO form with login arguments before `shell`', async () => {
      const r = await cli.run(['-s', 'localhost', '-u', 'user-2', 'shell', '--login', join(EXAMPLES, '03-querying-across-groups.ts')], { env: user2 });
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stdout, /Found 2 Project\(s\)/);
    });

    it('reports each failing statement on stderr, goes on, and exits 1', async () => {
      const script = ["print('before')", "admin_service.lookupGroup('no-such-group')", 'undefinedName.x', 'const = 1'].join('\n');
      const bad = await cli.run(['shell', '--login', '-u', 'user-2'], { input: script, env: user2 });
      assert.equal(bad.status, 1);
      assert.match(bad.stderr, /SyntaxError/);
      const r = await cli.run(['shell', '--login', '-u', 'user-2'], { input: ["print('before')", "admin_service.lookupGroup('no-such-group')", 'undefinedName.x', "print('after')"].join('\n'), env: user2 });
      assert.equal(r.status, 1);
      assert.equal(r.stdout, 'before\nafter\n');
      assert.match(r.stderr, /\[line 2\] ApiUsageException: No such group: no-such-group/);
      assert.match(r.stderr, /\[line 3\] ReferenceError: undefinedName is not defined/);
      assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack traces');
    });

    it('never takes the password from the script, and fails fast without one', async () => {
      const r = await cli.run(['shell', '--login', '-u', 'user-2', '-C'], { input: 'user-2-password\nprint(1)\n' });
      assert.notEqual(r.status, 0);
      assert.match(r.stderr, /stdin is not a terminal: cannot request password/);
    });

    it('without --login has the namespace but no session', async () => {
      const r = await cli.run(['shell'], { input: "print(typeof client, typeof omero.model.ProjectI, rstring('x').val)" });
      assert.equal(r.status, 0, r.stderr);
      assert.equal(r.stdout, 'undefined function x\n');
    });

    it('works on a terminal: prompt, seed lines, continuation, completion, errors, history without secrets', async () => {
      const pty = onPty(process.execPath, [OMERO_BIN, 'shell', '--login', '-u', 'user-2'], { ...cli.env, ...user2, TERM: 'xterm' });
      // The prompt may be followed by cursor escapes.
      const prompt = /omero user-2@private-1> (\x1b\[[0-9;]*[A-Za-z])*$/;
      const more = /\.\.\. (\x1b\[[0-9;]*[A-Za-z])*$/;
      await pty.answer(prompt, 'session = client.getSession()\r');
      await pty.answer(prompt, 'admin_service = session.getAdminService()\r');
      await pty.answer(prompt, 'ec = admin_service.getEventContext()\r');
      await pty.answer(prompt, 'for (const g of ec.memberOfGroups) {\r');
      await pty.answer(more, "  print(`Group name: ${admin_service.getGroup(g).name.val}`)\r");
      await pty.answer(more, '}\r');
      await pty.waitFor(/Group name: user/);
      await pty.answer(prompt, "admin_service.lookupGroup('nope')\r");
      await pty.waitFor(/ApiUsageException: No such group: nope/);
      await pty.answer(prompt, 'admin_service.getEventCon\t');
      await pty.waitFor(/getEventContext/);
      await pty.answer(/getEventContext/, '().userName\r');
      await pty.waitFor(/'user-2'/);
      await pty.answer(prompt, "const secretPassword = 'hunter2'\r");
      await pty.answer(prompt, '.help\r');
      await pty.waitFor(/admin_service\s+IAdmin/);
      await pty.answer(prompt, 'this line is cancelled');
      pty.term.write('\x03');
      await pty.answer(prompt, '.exit\r');
      assert.equal(await pty.exited, 0);
      const text = plainText(pty.output());
      assert.match(text, /Group name: private-1\nGroup name: read-only-1\nGroup name: user/);
      const historyDir = join(cli.userDir, 'history');
      const [file] = readdirSync(historyDir);
      const path = join(historyDir, file!);
      assert.equal(statSync(path).mode & 0o777, 0o600);
      const history = readFileSync(path, 'utf8');
      assert.match(history, /ec = admin_service\.getEventContext\(\)/);
      assert.doesNotMatch(history, /hunter2|secretPassword/);
    });
  });
}
