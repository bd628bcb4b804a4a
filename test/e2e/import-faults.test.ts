/**
 * A cut connection in the middle of `omero user import` (issue 14): every row the import
 * reported is true, nothing of the cut chunk remains, and running the same command again resumes.
 * The cut is placed as in faults.test.ts: a helper thread locks the row of a group only the
 * second chunk uses, and kills the backend that queues on it. PostgreSQL only (PGlite has no
 * connection to lose).
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { openCliEnvironment, type CliEnvironment } from '../helpers/cli-runner.js';
import { ROOT_PASSWORD } from '../helpers/test-database.js';
import { POSTGRES_MISSING, skipUnless } from '../helpers/suite-skip.js';
import { csvRows } from '../cli/commands/usergroup-env.js';
import { cutDuring } from './faults/cut-during.js';

for (const engine of ['postgres'] as const) {
  describe(`faults: the connection lost mid-import (${engine})`, { skip: skipUnless('postgres', POSTGRES_MISSING) }, () => {
    let cli: CliEnvironment;
    let url: string;
    const run = (args: string[]) => cli.run(['-q', ...args], { env: { OMERO_PASSWORD: ROOT_PASSWORD } });
    const users = async () => csvRows((await run(['user', 'list', '--style', 'csv'])).stdout).slice(1).map((r) => r[1]).filter((l) => l!.startsWith('cut-'));

    before(async () => {
      cli = await openCliEnvironment(engine);
      url = cli.env.OMERO_DB_URL!;
      assert.equal((await cli.run(['login', '-u', 'root', '--password-stdin'], { input: `${ROOT_PASSWORD}\n` })).status, 0);
      writeFileSync(join(cli.userDir, 'groups.csv'), 'name\ncut-a\ncut-b\ncut-c\n');
      assert.equal((await run(['group', 'import', join(cli.userDir, 'groups.csv')])).status, 0);
    });
    after(() => cli?.close());

    it('reports only committed rows, and the same command resumes', async () => {
      const csv = join(cli.userDir, 'users.csv');
      writeFileSync(csv, ['login,first,last,groups', 'cut-1,C,One,cut-a', 'cut-2,C,Two,cut-a', 'cut-3,C,Three,cut-b', 'cut-4,C,Four,cut-b', 'cut-5,C,Five,cut-c'].join('\n'));
      const args = ['user', 'import', csv, '--chunk-size', '2', '--style', 'csv'];
      // The second chunk's memberships need a key-share lock on cut-b's row.
      const { result, cut } = await cutDuring(url, `select id from experimentergroup where name = 'cut-b' for update`, () => run(args));
      assert.ok(cut, 'the injector cut a backend');
      assert.notEqual(result.status, 0, result.stderr);
      assert.match(result.stderr, /DatabaseBusyException: The connection to the database was lost; try again/);
      assert.doesNotMatch(result.stderr, /^\s+at .+:\d+:\d+\)?$/m);
      const reported = csvRows(result.stdout).slice(1).map((r) => `${r[1]}:${r[2]}`);
      assert.deepEqual(reported, ['cut-1:created', 'cut-2:created']);
      assert.deepEqual((await users()).sort(), ['cut-1', 'cut-2']);

      const again = await run(args);
      assert.equal(again.status, 0, again.stderr);
      assert.deepEqual(csvRows(again.stdout).slice(1).map((r) => `${r[1]}:${r[2]}`), ['cut-1:unchanged', 'cut-2:unchanged', 'cut-3:created', 'cut-4:created', 'cut-5:created']);
      assert.deepEqual((await users()).sort(), ['cut-1', 'cut-2', 'cut-3', 'cut-4', 'cut-5']);
    });
  });
}
