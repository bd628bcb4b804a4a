import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { exitStatus } from '../../../src/cli/cli-error.js';
import { ENGINES } from '../../helpers/test-database.js';
import { csvRows, expectRun, expectUsageError, UserGroupEnv } from './usergroup-env.js';

// `omero group list | info | listusers` (reference cli §1.3, §1.4, §3.3): the groups table in
// every style, sorting, `--long`, resolution errors, and the users of one group.

const GROUPS_SQL = [
  ' id | name   | perms  | ldap  | # of owners | # of members ',
  '----+--------+--------+-------+-------------+--------------',
  ' 0  | system | rw---- | False | 1           | 0            ',
  ' 1  | user   | rwr-r- | False | 0           | 3            ',
  ' 2  | guest  | rw---- | False | 0           | 1            ',
  ' 3  | alpha  | rw---- | False | 0           | 1            ',
  ' 4  | beta   | rwr--- | False | 1           | 1            ',
  ' 5  | gamma  | rwra-- | False | 0           | 0            ',
  '(6 rows)',
].join('\n');

const GROUPS_CSV = [
  'id,name,perms,ldap,# of owners,# of members',
  '0,system,rw----,False,1,0',
  '1,user,rwr-r-,False,0,3',
  '2,guest,rw----,False,0,1',
  '3,alpha,rw----,False,0,1',
  '4,beta,rwr---,False,1,1',
  '5,gamma,rwra--,False,0,0',
].join('\n');

const BETA_USERS_SQL = [
  ' id | login | first name | last name | email | active | ldap  | admin | member of | owner of ',
  '----+-------+------------+-----------+-------+--------+-------+-------+-----------+----------',
  ' 2  | ua    | Uma        | A         |       | Yes    | False |       | 3         | 4        ',
  ' 3  | ub    | Ulf        | B         |       | Yes    | False |       | 4         |          ',
  '(2 rows)',
].join('\n');

for (const engine of ENGINES) {
  describe(`omero group list, info, listusers (${engine})`, () => {
    let env: UserGroupEnv;
    const ids = (stdout: string) => csvRows(stdout).slice(1).map((r) => r[0]);

    before(async () => {
      env = await UserGroupEnv.open(engine);
      for (const args of [
        ['group', 'add', 'alpha'],
        ['group', 'add', 'beta', '--type', 'read-only'],
        ['group', 'add', 'gamma', '--perms', 'rwra--'],
        ['user', 'add', 'ua', 'Uma', 'A', 'alpha', 'beta', '-P', 'ua-pw'],
        ['user', 'add', 'ub', 'Ulf', 'B', 'beta', '-P', 'ub-pw'],
        ['group', 'adduser', 'ua', '--name', 'beta', '--as-owner'],
      ]) {
        expectRun(await env.root(args), { status: 0, stderr: '' });
      }
      env.knows('ua', 'ua-pw');
    });
    after(() => env?.close());

    it('group list prints the groups table in sql (default), csv, plain and json', async () => {
      expectRun(await env.root(['group', 'list']), { status: 0, stdout: `${GROUPS_SQL}\n`, stderr: '' });
      expectRun(await env.root(['group', 'list', '--style', 'csv']), { status: 0, stdout: `${GROUPS_CSV}\n` });
      expectRun(await env.root(['group', 'list', '--style', 'plain']), { status: 0, stdout: `${GROUPS_CSV.split('\n').slice(1).join('\n')}\n` });
      const json = await env.root(['group', 'list', '--style', 'json']);
      expectRun(json, { status: 0 });
      assert.ok(json.stdout.startsWith('[{"id": "0", "name": "system", "perms": "rw----", "ldap": "False", "# of owners": "1", "# of members": "0"},\n{"id": "1", '), json.stdout);
      const parsed = JSON.parse(json.stdout) as Record<string, string>[];
      assert.deepEqual(parsed.map((g) => g.name), ['system', 'user', 'guest', 'alpha', 'beta', 'gamma']);
      assert.deepEqual(parsed[4], { id: '4', name: 'beta', perms: 'rwr---', ldap: 'False', '# of owners': '1', '# of members': '1' });
    });

    it('--long lists owner and member ids sorted as strings; --sort-by-name sorts by name', async () => {
      expectRun(await env.root(['group', 'list', '--long', '--sort-by-name', '--style', 'csv']), {
        status: 0,
        stdout: [
          'id,name,perms,ldap,owner ids,member ids',
          '3,alpha,rw----,False,,2',
          '4,beta,rwr---,False,2,3',
          '5,gamma,rwra--,False,,',
          '2,guest,rw----,False,,1',
          '0,system,rw----,False,0,',
          '1,user,rwr-r-,False,,"0,2,3"',
          '',
        ].join('\n'),
      });
      // --count and --sort-by-id are defaults: argparse lets them through.
      const r = await env.root(['group', 'list', '--count', '--long', '--sort-by-id', '--sort-by-name', '--style', 'csv']);
      expectRun(r, { status: 0 });
      assert.deepEqual(ids(r.stdout), ['3', '4', '5', '2', '0', '1']);
      assert.equal(csvRows(r.stdout)[0]!.at(-1), 'member ids');
      expectUsageError(await env.root(['group', 'list', '--style', 'xml']), 'omero group list', "argument --style: invalid choice: 'xml'\n\nchoose from:\n\tcsv, json, plain, sql");
    });

    it('group info: the current group by default, else the groups resolved, errors per item', async () => {
      expectRun(await env.root(['group', 'info', '--style', 'plain']), { status: 0, stdout: '0,system,rw----,False,1,0\n' });
      expectRun(await env.as('ua', ['group', 'info', '--style', 'plain']), { status: 0, stdout: '3,alpha,rw----,False,0,1\n' });
      expectRun(await env.root(['group', 'info', 'beta', '3', '--group-id', 'x', '99', '--group-name', 'nope', '--style', 'plain']), {
        status: 0, stdout: '3,alpha,rw----,False,0,1\n4,beta,rwr---,False,1,1\n', stderr: 'Not a valid group ID: x\nUnknown group: 99\nUnknown group: nope\n',
      });
      expectRun(await env.root(['group', 'info', 'nope']), { status: exitStatus(504), stdout: '', stderr: 'Unknown group: nope\nNo group found\n' });
    });

    it('group listusers prints the users table of one group', async () => {
      expectRun(await env.root(['group', 'listusers', 'beta']), { status: 0, stdout: `${BETA_USERS_SQL}\n`, stderr: '' });
      expectRun(await env.root(['group', 'listusers', '--group-id', '4', '--count', '--sort-by-login', '--style', 'csv']), {
        status: 0,
        stdout: 'id,login,first name,last name,email,active,ldap,admin,# group memberships,# group ownerships\n2,ua,Uma,A,,Yes,False,,1,1\n3,ub,Ulf,B,,Yes,False,,1,\n',
      });
      expectRun(await env.root(['group', 'listusers', '--style', 'plain']), { status: 0, stdout: '0,root,root,root,,Yes,False,Yes,,\n' });
      expectRun(await env.root(['group', 'listusers', 'alpha', 'beta']), { status: exitStatus(516), stdout: '', stderr: 'Too many group arguments\n' });
      expectRun(await env.root(['group', 'listusers', 'ghost']), { status: exitStatus(504), stdout: '', stderr: 'Unknown group: ghost\nNo group found\n' });
    });

    it('a group name that is another group’s id is ambiguous (505)', async () => {
      expectRun(await env.root(['group', 'add', '3']), { status: 0, stdout: 'Added group 3 (id=6) with permissions rw----\n' });
      expectRun(await env.root(['group', 'info', '3']), { status: exitStatus(504), stdout: '', stderr: 'Ambiguous group identifier: 3\nNo group found\n' });
      expectRun(await env.root(['group', 'info', '--group-name', '3', '--group-id', '3', '--style', 'plain']), {
        status: 0, stdout: '3,alpha,rw----,False,0,1\n6,3,rw----,False,0,0\n',
      });
      // Where one group is required (copyusers), the ambiguity is fatal: rc 505.
      expectRun(await env.root(['group', 'copyusers', '3', 'gamma']), { status: exitStatus(505), stdout: '', stderr: 'Ambiguous group identifier: 3\n' });
    });
  });
}
