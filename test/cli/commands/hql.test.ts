import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { exitStatus } from '../../../src/cli/cli-error.js';
import { ENGINES } from '../../helpers/test-database.js';
import { hqlRows, openObjEnv } from './obj-hql-fixture.js';
import { expectRun, expectUsageError, type UserGroupEnv } from './usergroup-env.js';

const PROJECTS = 'select p from Project p order by p.id';

// `omero hql` (reference cli §6) through the real binary on seed 002's example environment plus
// two private projects: "user-2 project" (1, owner 2) and "user-3 project" (2, owner 3) in
// read-only-1 (4); "user-2 secret" (3) in private-1 (3); "user-3 secret" (4) in private-3 (7),
// a private group of user-3 only.
for (const engine of ENGINES) {
  describe(`omero hql (${engine})`, () => {
    let env: UserGroupEnv;
    /** The project names a user sees, by id. */
    const names = async (user: string, ...flags: string[]) =>
      hqlRows(await env.as(user, ['hql', ...flags, '--style', 'csv', 'select p.name from Project p order by p.id'])).map((r) => r[0]);

    before(async () => {
      env = await openObjEnv(engine, { demo: true });
      expectRun(await env.as('user-2', ['obj', 'new', 'Project', 'name=user-2 secret']), { status: 0, stdout: 'Project:3\n' });
      expectRun(await env.root(['group', 'add', 'private-3']), { status: 0 });
      expectRun(await env.root(['group', 'adduser', 'user-3', '--name', 'private-3']), { status: 0 });
      expectRun(await env.as('user-3', ['-g', 'private-3', 'obj', 'new', 'Project', 'name=user-3 secret']), { status: 0, stdout: 'Project:4\n' });
    });
    after(() => env?.close());

    it('prints one object per row in each style: #, Class, Id and the non-empty scalar fields', async () => {
      expectRun(await env.root(['hql', '--all', PROJECTS]), {
        status: 0,
        stderr: '',
        stdout: ` # | Class    | Id | details         | version | name           
---+----------+----+-----------------+---------+----------------
 0 | ProjectI | 1  | owner=2;group=4 | 0       | user-2 project 
 1 | ProjectI | 2  | owner=3;group=4 | 0       | user-3 project 
 2 | ProjectI | 3  | owner=2;group=3 | 0       | user-2 secret  
 3 | ProjectI | 4  | owner=3;group=7 | 0       | user-3 secret  
(4 rows)
`,
      });
      expectRun(await env.root(['hql', '--all', '--style', 'csv', '--limit', '2', PROJECTS]), {
        status: 0,
        stdout: '#,Class,Id,details,version,name\n0,ProjectI,1,owner=2;group=4,0,user-2 project\n1,ProjectI,2,owner=3;group=4,0,user-3 project\n',
      });
      expectRun(await env.root(['hql', '--all', '--style', 'plain', '--limit', '2', '--offset', '2', PROJECTS]), {
        status: 0,
        stdout: '0,ProjectI,3,owner=2;group=3,0,user-2 secret\n1,ProjectI,4,owner=3;group=7,0,user-3 secret\n',
      });
      expectRun(await env.root(['hql', '--all', '--style', 'json', '--limit', '2', PROJECTS]), {
        status: 0,
        stdout:
          '[{"#": "0", "Class": "ProjectI", "Id": "1", "details": "owner=2;group=4", "version": "0", "name": "user-2 project"},\n' +
          '{"#": "1", "Class": "ProjectI", "Id": "2", "details": "owner=3;group=4", "version": "0", "name": "user-3 project"}]\n',
      });
      // Users have no owner or group: no details column; False is shown, empty fields are not.
      expectRun(await env.root(['hql', '--style', 'csv', 'select e from Experimenter e where e.id < 2 order by e.id']), {
        status: 0,
        stdout: '#,Class,Id,version,omeName,firstName,lastName,ldap\n0,ExperimenterI,0,0,root,root,root,False\n1,ExperimenterI,1,0,guest,Guest,Account,False\n',
      });
      expectRun(await env.root(['hql', 'select p from Project p where p.id < 0']), { status: 0, stdout: ' # \n---\n(0 rows)\n' });
    });

    it('prints projections as Col1…ColN: objects as ClassI:id, null as None, times as ctime', async () => {
      expectRun(await env.root(['hql', '--all', '--style', 'csv', 'select p.id, p.name, p.description, p.details.owner, p from Project p where p.id < 3 order by p.id']), {
        status: 0,
        stdout: '#,Col1,Col2,Col3,Col4,Col5\n0,1,user-2 project,None,ExperimenterI:2,ProjectI:1\n1,2,user-3 project,None,ExperimenterI:3,ProjectI:2\n',
      });
      expectRun(await env.root(['hql', '--all', '--ids-only', PROJECTS]), {
        status: 0,
        stdout: ' # | Col1       \n---+------------\n 0 | ProjectI:1 \n 1 | ProjectI:2 \n 2 | ProjectI:3 \n 3 | ProjectI:4 \n(4 rows)\n',
      });
      expectRun(await env.root(['hql', '--all', '--style', 'plain', 'select count(p), max(p.id) from Project p']), { status: 0, stdout: '0,4,4\n' });
      const t = await env.root(['hql', '--all', '--style', 'plain', 'select p.details.creationEvent.time from Project p where p.id = 1'], { env: { TZ: 'UTC' } });
      expectRun(t, { status: 0, stdout: /^0,(Mon|Tue|Wed|Thu|Fri|Sat|Sun) [A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d \d{4}\n$/ });
    });

    it("filters by permissions: the session's group, or every group of the user with --all", async () => {
      assert.deepEqual(await names('user-2'), ['user-2 secret']);
      assert.deepEqual(await names('user-2', '--all'), ['user-2 project', 'user-3 project', 'user-2 secret']);
      assert.deepEqual(await names('user-2', '--admin'), ['user-2 project', 'user-3 project', 'user-2 secret']);
      assert.deepEqual(await names('user-3', '--all'), ['user-2 project', 'user-3 project', 'user-3 secret']);
      assert.deepEqual(await names('root', '--all'), ['user-2 project', 'user-3 project', 'user-2 secret', 'user-3 secret']);
      assert.deepEqual(await names('root'), []);
    });

    it('refuses bad queries (rc 52) and bad options (rc 2)', async () => {
      expectRun(await env.root(['hql', 'select p frm Project p']), {
        status: 52, stdout: '', stderr: "Bad query: Illegal query:select p frm Project p\nline 1:10: expected 'from' but found 'frm'\n",
      });
      expectRun(await env.root(['hql', 'select x from Frob x']), { status: 52, stdout: '', stderr: /^Bad query: Illegal query:select x from Frob x\n/ });
      expectUsageError(await env.root(['hql', '--limit', 'x', PROJECTS]), 'omero hql', "argument --limit: invalid int value: 'x'");
      const style = await env.root(['hql', '--style', 'frob', PROJECTS]);
      expectRun(style, { status: 2, stdout: '', stderr: /omero hql: error: argument --style: invalid choice: 'frob'\n\nchoose from:\n\tcsv, json, plain, sql\n$/ });
    });

    it('asks for a query only on a terminal: rc 67 with -q, rc 564 without a terminal', async () => {
      expectRun(await env.root(['hql']), { status: 67, stdout: '', stderr: "Can't ask for query with --quiet option\n" });
      expectRun(await env.cli.run(['hql'], { input: 'select p from Project p\n' }), { status: exitStatus(564), stdout: '', stderr: 'stdin is not a terminal: cannot request query\n' });
      const help = await env.cli.run(['hql', '-h']);
      expectRun(help, { status: 0, stderr: '' });
      for (const text of ['Executes an HQL statement with the given parameters', 'Single query to run', '--all', 'Perform query on all groups',
        "Run an admin query (deprecated; use 'all')", '--ids-only', 'maximum number of return values (default=25)', 'number of entries to skip (default=0)',
        'use alternative output style (default=sql)', '--server']) {
        assert.ok(help.stdout.includes(text), `help lacks ${text}:\n${help.stdout}`);
      }
    });

    it('an empty result says on stderr where the caller could read rows, counting only readable ones', async () => {
      // user-3's projects: "user-3 project" in read-only-1 (user-2 reads it), "user-3 secret" in
      // private-3 (user-2 is no member): only the first is counted.
      expectRun(await env.as('user-2', ['hql', '--style', 'csv', "select p from Project p where p.name like 'user-3%'"]), {
        status: 0,
        stdout: '#\n',
        stderr: 'Nothing found in group private-1; 1 row you may read is in read-only-1 (1): add --all to search all your groups\n',
      });
      expectRun(await env.as('user-2', ['hql', '--all', '--style', 'csv', "select p.name from Project p where p.name like 'user-3%'"]), { status: 0, stderr: '' });
      expectRun(await env.as('user-2', ['hql', '--style', 'csv', "select p from Project p where p.name = 'nowhere'"]), { status: 0, stderr: '' });
      // Projections name no group: the hint still says where to look.
      expectRun(await env.as('user-2', ['hql', '--style', 'csv', "select p.id from Project p where p.name like 'user-3%'"]), {
        status: 0,
        stderr: 'Nothing found in group private-1; 1 row you may read is in your other groups: add --all to search all your groups\n',
      });
    });
  });
}
