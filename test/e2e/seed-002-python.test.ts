import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { OMERO_BIN, openCliEnvironment, type CliEnvironment } from '../helpers/cli-runner.js';
import { onPty, plainText } from '../helpers/pty.js';
import { waitForOutput } from '../helpers/pty-wait.js';
import { ENGINES, ROOT_PASSWORD } from '../helpers/test-database.js';

// Seed 002's Python snippets, copied verbatim into scripts/examples/*.py, run as written in
// `omero shell --login --python` as user-2, through a pipe and pasted on a terminal. Their output
// must be the seed's documented example output (seed-002-python/*.out, copied verbatim), ids aside
// and with Python 3's `10` for Python 2's `10L`.
const EXAMPLES = join(OMERO_BIN, '..', '..', 'scripts', 'examples');
const DOCUMENTED = join(import.meta.dirname, 'seed-002-python');
const SNIPPETS = ['01-event-context', '02-inserts-and-queries', '03-querying-across-groups', '04-querying-across-users'];
const snippet = (name: string) => readFileSync(join(EXAMPLES, `${name}.py`), 'utf8');
const documented = (name: string) => readFileSync(join(DOCUMENTED, `${name}.out`), 'utf8');

/**
 * Output with what differs per database replaced by `N` (ids, the session's uuid), Python 2's
 * long suffix dropped and trailing blanks trimmed. Counts (`Found 1 Project(s)`), `_perm1` and the
 * `user` group's id 1 are kept: they are the point of the examples.
 */
function withoutIds(text: string): string {
  return text
    .split('\n')
    .map((l) =>
      l
        .trimEnd()
        .replace(/\b(\d+)L\b/g, '$1')
        .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, 'UUID')
        .replace(/\b(sessionId|userId|groupId) = \d+/, '$1 = N')
        .replace(/^( {8}\[[01]\]) = \d+$/, '$1 = N')
        .replace(/Project:\d+/g, 'Project:N')
        .replace(/with ID \d+/g, 'with ID N')
        .replace(/\(\d+, /g, '(N, ')
        .replace(/, \d+\)/g, ', N)'),
    )
    .join('\n');
}

for (const engine of ENGINES) {
  describe(`seed 002's Python in omero shell --login --python (${engine})`, () => {
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

    it('runs every snippet through a pipe and prints exactly the documented output', async () => {
      // One interpreter for the four snippets, in the seed's order (each run costs Python's start-up).
      const r = await cli.run(['shell', '--login', '--python', '-s', 'localhost', '-u', 'user-2'], { input: SNIPPETS.map(snippet).join(''), env: user2 });
      assert.equal(r.stderr.match(/Traceback/g), null, r.stderr);
      assert.equal(r.status, 0, r.stderr);
      assert.equal(withoutIds(r.stdout), withoutIds(SNIPPETS.map(documented).join('')));
      // The ids that differ are consistent: the query finds the project just created.
      const created = /Created Project:(\d+) in group private-1\nCreated Project:\d+ in group read-only-1\nFound 1 Project\(s\) with ID (\d+)/.exec(r.stdout);
      assert.ok(created && created[1] === created[2], r.stdout);
      assert.match(r.stderr, /^starting Python…$/m);
      assert.doesNotMatch(r.stdout, /starting Python|omero-shell|session for/, 'banners go to stderr');
    });

    it('reproduces the documented output when each snippet is pasted at the prompt', async () => {
      const pty = onPty(process.execPath, [OMERO_BIN, 'shell', '--login', '--python', '-s', 'localhost', '-u', 'user-2'], { ...cli.env, ...user2, TERM: 'xterm' }, 300_000);
      const prompt = />>> (\x1b\[[0-9;]*[A-Za-z])*$/;
      for (const name of SNIPPETS) {
        const expected = withoutIds(documented(name)).trimEnd().split('\n');
        await waitForOutput(pty, prompt, Math.max(0, pty.output().length - 8));
        const from = pty.output().length;
        // A terminal sends a paste with carriage returns; the blank line ends the last block.
        pty.term.write(snippet(name).replace(/\n/g, '\r') + '\r');
        const last = expected.at(-1)!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/N/g, '\\d+');
        await waitForOutput(pty, new RegExp(last), from);
        await waitForOutput(pty, prompt, from);
        const lines = withoutIds(plainText(pty.output().slice(from))).split('\n');
        let at = 0;
        for (const want of expected) {
          const found = lines.indexOf(want, at);
          assert.ok(found >= 0, `${name}: missing or out of order: ${JSON.stringify(want)} in\n${lines.join('\n')}`);
          at = found + 1;
        }
        assert.doesNotMatch(lines.join('\n'), /Traceback|Error/, name);
      }
      pty.term.write('exit()\r');
      assert.equal(await pty.exited, 0);
    });
  });
}
