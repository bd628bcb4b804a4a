/**
 * `omero hql` on a real terminal (a pseudo-terminal): the pager after a result (row details,
 * next page, redisplay, invalid choices, quit) and the `Enter query:` loop.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { OMERO_BIN } from '../../helpers/cli-runner.js';
import { onPty, plainText } from '../../helpers/pty.js';
import { ENGINES } from '../../helpers/test-database.js';
import { openObjEnv, script } from './obj-hql-fixture.js';
import { expectRun, type UserGroupEnv } from './usergroup-env.js';

/** The last line of the pager's help. */
const PAGER = /To quit, enter 'q' or just enter\.\r?\n/;

for (const engine of ENGINES) {
  describe(`omero hql pager (${engine})`, () => {
    let env: UserGroupEnv;

    before(async () => {
      env = await openObjEnv(engine);
      const r = await env.root(['obj', '--file', script(env, 'projects.txt', 'new Project name=alpha description=first\nnew Project name=beta\nnew Project name=gamma\n')]);
      expectRun(r, { status: 0, stdout: 'Project:1\nProject:2\nProject:3\n' });
    });
    after(() => env?.close());

    it('pages through a result: details of a row, next page, redisplay, invalid choices, quit', async () => {
      const pty = onPty(process.execPath, [OMERO_BIN, 'hql', '--limit', '2', 'select p from Project p order by p.id'], { ...env.cli.env, TERM: 'xterm' }, 60_000);
      await pty.answer(PAGER, '0\r');
      await pty.answer(PAGER, 'p\r');
      await pty.answer(PAGER, 'r\r');
      await pty.answer(PAGER, '1\r');
      await pty.answer(PAGER, 'x\r');
      await pty.answer(PAGER, '-1\r');
      await pty.answer(PAGER, 'Q\r');
      assert.equal(await pty.exited, 0, plainText(pty.output()));
      const text = plainText(pty.output());
      assert.ok(text.includes(' 0 | ProjectI | 1  | owner=0;group=0 | 0       | alpha | first       \n 1 | ProjectI | 2  | owner=0;group=0 | 0       | beta  |             \n(2 rows)'), text);
      assert.ok(text.includes("\nTo see details for object, enter line number.\nTo move ahead one page, enter 'p'\nTo re-display list, enter 'r'.\nTo quit, enter 'q' or just enter.\n"), text);
      assert.ok(!text.includes('To run another query'), text);
      assert.ok(
        text.includes(
          "id = 1\nannotationLinksCountPerOwner = None\nannotationLinksLoaded = False\nannotationLinksSeq = None\ndatasetLinksCountPerOwner = None\ndatasetLinksLoaded = False\ndatasetLinksSeq = None\ndescription = 'first'\nloaded = True\nname = 'alpha'\nversion = 0\n",
        ),
        text,
      );
      // `p`: the next page (one row, numbered from 0); `r` shows it again.
      const page2 = ' # | Class    | Id | details         | version | name  \n---+----------+----+-----------------+---------+-------\n 0 | ProjectI | 3  | owner=0;group=0 | 0       | gamma \n(1 row)';
      assert.equal(text.split(page2).length - 1, 2, text);
      assert.ok(text.includes('Invalid choice: 1\n'), text);
      assert.ok(text.includes('Invalid choice: x\n'), text);
      assert.ok(text.includes('No details available: -1\n'), text);
    });

    it('runs queries typed at "Enter query:" until an empty one; projections have no details', async () => {
      const pty = onPty(process.execPath, [OMERO_BIN, 'hql'], { ...env.cli.env, TERM: 'xterm' }, 60_000);
      await pty.answer(/Enter query:/, 'select p.name from Project p where p.id = 2\r');
      await pty.answer(/To run another query, press enter\r?\n/, '0\r');
      await pty.answer(PAGER, '\r');
      await pty.answer(/Enter query:/, 'select p.nme from Project p\r');
      assert.equal(await pty.exited, 52, plainText(pty.output()));
      const text = plainText(pty.output());
      assert.ok(text.includes(' # | Col1 \n---+------\n 0 | beta \n(1 row)'), text);
      assert.ok(text.includes('No details available: 0\n'), text);
      assert.ok(text.includes('Bad query: Illegal query:select p.nme from Project p'), text);
    });

    it('ends the loop on an empty query, and without a pager when quiet', async () => {
      const quiet = onPty(process.execPath, [OMERO_BIN, '-q', 'hql', 'select p.name from Project p order by p.id'], { ...env.cli.env, TERM: 'xterm' }, 60_000);
      assert.equal(await quiet.exited, 0);
      const text = plainText(quiet.output());
      assert.ok(text.includes(' # | Col1  \n---+-------\n 0 | alpha \n 1 | beta  \n 2 | gamma \n(3 rows)'), text);
      assert.ok(!text.includes('To quit'), text);
      const loop = onPty(process.execPath, [OMERO_BIN, 'hql'], { ...env.cli.env, TERM: 'xterm' }, 60_000);
      await loop.answer(/Enter query:/, '\r');
      assert.equal(await loop.exited, 0, plainText(loop.output()));
    });
  });
}
