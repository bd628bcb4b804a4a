import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { exitStatus } from '../../../src/cli/cli-error.js';
import { ENGINES } from '../../helpers/test-database.js';
import { csvRows, expectRun, expectUsageError, UserGroupEnv } from './usergroup-env.js';

// `omero user list | info | listgroups` (reference cli §1.3, §1.4, §2.2–2.4): the users and
// groups tables in every style, the sort and print flags with argparse's quirks, resolution errors.

const USERS_SQL = [
  ' id | login | first name | last name | email   | active | ldap  | admin | member of | owner of ',
  '----+-------+------------+-----------+---------+--------+-------+-------+-----------+----------',
  ' 0  | root  | root       | root      |         | Yes    | False | Yes   |           |          ',
  ' 1  | guest | Guest      | Account   |         |        | False |       | 2         |          ',
  ' 2  | carol | Carol      | Zeta      | c@x.org | Yes    | False |       | 3         |          ',
  ' 3  | alice | Alice      | Young     |         | Yes    | False |       | 4         | 3        ',
  ' 4  | bob   | Bob        | Xavier    | a@x.org | Yes    | False | Yes   | 3         |          ',
  '(5 rows)',
].join('\n');

const USERS_CSV = [
  'id,login,first name,last name,email,active,ldap,admin,member of,owner of',
  '0,root,root,root,,Yes,False,Yes,,',
  '1,guest,Guest,Account,,,False,,2,',
  '2,carol,Carol,Zeta,c@x.org,Yes,False,,3,',
  '3,alice,Alice,Young,,Yes,False,,4,3',
  '4,bob,Bob,Xavier,a@x.org,Yes,False,Yes,3,',
].join('\n');

const ALICE_GROUPS_SQL = [
  ' id | name | perms  | ldap  | # of owners | # of members ',
  '----+------+--------+-------+-------------+--------------',
  ' 1  | user | rwr-r- | False | 0           | 4            ',
  ' 3  | g1   | rw---- | False | 1           | 2            ',
  ' 4  | g2   | rw---- | False | 0           | 1            ',
  '(3 rows)',
].join('\n');

for (const engine of ENGINES) {
  describe(`omero user list, info, listgroups (${engine})`, () => {
    let env: UserGroupEnv;
    const ids = (stdout: string) => csvRows(stdout).slice(1).map((r) => r[0]);

    before(async () => {
      env = await UserGroupEnv.open(engine);
      for (const args of [
        ['group', 'add', 'g1'],
        ['group', 'add', 'g2'],
        ['user', 'add', 'carol', 'Carol', 'Zeta', 'g1', '-e', 'c@x.org', '-P', 'carol-pw'],
        ['user', 'add', 'alice', 'Alice', 'Young', 'g2', 'g1', '-P', 'alice-pw'],
        ['user', 'add', 'bob', 'Bob', 'Xavier', 'g1', '-e', 'a@x.org', '-P', 'bob-pw', '-a'],
        ['group', 'adduser', 'alice', '--name', 'g1', '--as-owner'],
      ]) {
        expectRun(await env.root(args), { status: 0, stderr: '' });
      }
      env.knows('carol', 'carol-pw');
    });
    after(() => env?.close());

    it('user list prints the users table in sql (default), csv, plain and json', async () => {
      expectRun(await env.root(['user', 'list']), { status: 0, stdout: `${USERS_SQL}\n`, stderr: '' });
      expectRun(await env.root(['user', 'list', '--style', 'csv']), { status: 0, stdout: `${USERS_CSV}\n` });
      expectRun(await env.root(['user', 'list', '--style', 'plain']), { status: 0, stdout: `${USERS_CSV.split('\n').slice(1).join('\n')}\n` });
      const json = await env.root(['user', 'list', '--style', 'json']);
      expectRun(json, { status: 0 });
      assert.ok(json.stdout.startsWith('[{"id": "0", "login": "root", "first name": "root", "last name": "root", "email": "", "active": "Yes", '
        + '"ldap": "False", "admin": "Yes", "member of": "", "owner of": ""},\n{"id": "1", '), json.stdout);
      const parsed = JSON.parse(json.stdout) as Record<string, string>[];
      assert.equal(parsed.length, 5);
      assert.deepEqual(parsed[3], {
        id: '3', login: 'alice', 'first name': 'Alice', 'last name': 'Young', email: '', active: 'Yes', ldap: 'False', admin: '', 'member of': '4', 'owner of': '3',
      });
    });

    it('--count shows the numbers of groups (empty, not 0, when none)', async () => {
      expectRun(await env.root(['user', 'list', '--count', '--style', 'csv']), {
        status: 0,
        stdout: [
          'id,login,first name,last name,email,active,ldap,admin,# group memberships,# group ownerships',
          '0,root,root,root,,Yes,False,Yes,,',
          '1,guest,Guest,Account,,,False,,1,',
          '2,carol,Carol,Zeta,c@x.org,Yes,False,,1,',
          '3,alice,Alice,Young,,Yes,False,,1,1',
          '4,bob,Bob,Xavier,a@x.org,Yes,False,Yes,1,',
          '',
        ].join('\n'),
      });
    });

    it('sorts by login, first name, last name, email (missing first) or id', async () => {
      const order = async (flag: string) => ids((await env.root(['user', 'list', flag, '--style', 'csv'])).stdout);
      assert.deepEqual(await order('--sort-by-login'), ['3', '4', '2', '1', '0']);
      assert.deepEqual(await order('--sort-by-first-name'), ['3', '4', '2', '1', '0']);
      assert.deepEqual(await order('--sort-by-last-name'), ['1', '4', '3', '2', '0']);
      assert.deepEqual(await order('--sort-by-email'), ['0', '1', '3', '4', '2']);
      assert.deepEqual(await order('--sort-by-id'), ['0', '1', '2', '3', '4']);
    });

    it('keeps argparse quirks: --sort-by-id never conflicts; two real sort flags do, and --count with --long', async () => {
      // --sort-by-id is the default, so argparse lets it through; the other flag wins.
      const r = await env.root(['user', 'list', '--sort-by-id', '--sort-by-login', '--count', '--style', 'csv']);
      expectRun(r, { status: 0 });
      assert.deepEqual(ids(r.stdout), ['3', '4', '2', '1', '0']);
      assert.equal(csvRows(r.stdout)[0]!.at(-1), '# group ownerships');
      expectUsageError(await env.root(['user', 'list', '--count', '--long']), 'omero user list', 'argument --long: not allowed with argument --count');
      expectUsageError(await env.root(['user', 'list', '--long', '--count']), 'omero user list', 'argument --count: not allowed with argument --long');
      expectUsageError(await env.root(['user', 'list', '--sort-by-login', '--sort-by-email']), 'omero user list',
        'argument --sort-by-email: not allowed with argument --sort-by-login');
      expectUsageError(await env.root(['user', 'list', '--style', 'yaml']), 'omero user list',
        "argument --style: invalid choice: 'yaml'\n\nchoose from:\n\tcsv, json, plain, sql");
      expectRun(await env.root(['user', 'list', 'extra']), { status: 2, stdout: '', stderr: /omero user list: error: unrecognized arguments/ });
    });

    it('user info: the caller by default; positional, ids and names merged, duplicates kept', async () => {
      expectRun(await env.root(['user', 'info', '--style', 'plain']), { status: 0, stdout: '0,root,root,root,,Yes,False,Yes,,\n' });
      expectRun(await env.as('carol', ['user', 'info', '--style', 'plain']), { status: 0, stdout: '2,carol,Carol,Zeta,c@x.org,Yes,False,,3,\n' });
      const r = await env.root(['user', 'info', 'alice', '4', '--user-id', '2', '--user-name', 'carol', '--style', 'csv']);
      expectRun(r, { status: 0, stderr: '' });
      assert.deepEqual(ids(r.stdout), ['2', '2', '3', '4']);
    });

    it('user info reports each unresolvable user, then rc 514 when none is left', async () => {
      expectRun(await env.root(['user', 'info', 'nope', '--user-id', 'x', '99', '--user-name', 'ghost']), {
        status: exitStatus(514),
        stdout: '',
        stderr: 'Unknown user: nope\nNot a valid user ID: x\nUnknown user: 99\nUnknown user: ghost\nNo user found\n',
      });
      const partial = await env.root(['user', 'info', 'nope', 'bob', '--style', 'plain']);
      expectRun(partial, { status: 0, stdout: '4,bob,Bob,Xavier,a@x.org,Yes,False,Yes,3,\n', stderr: 'Unknown user: nope\n' });
      // info takes no login arguments of its own (they go on the `user` or top level).
      expectRun(await env.root(['user', 'info', '-s', 'localhost']), { status: 2, stdout: '', stderr: /omero user info: error: unrecognized arguments: -s/ });
    });

    it('user listgroups prints the groups table of one user', async () => {
      expectRun(await env.root(['user', 'listgroups', 'alice']), { status: 0, stdout: `${ALICE_GROUPS_SQL}\n`, stderr: '' });
      expectRun(await env.root(['user', 'listgroups', '--user-name', 'alice', '--long', '--sort-by-name', '--style', 'csv']), {
        status: 0,
        stdout: 'id,name,perms,ldap,owner ids,member ids\n3,g1,rw----,False,3,"2,4"\n4,g2,rw----,False,,3\n1,user,rwr-r-,False,,"0,2,3,4"\n',
      });
      expectRun(await env.as('carol', ['user', 'listgroups', '--style', 'plain']), { status: 0, stdout: '1,user,rwr-r-,False,0,4\n3,g1,rw----,False,1,2\n' });
      expectRun(await env.root(['user', 'listgroups', 'alice', 'carol']), { status: exitStatus(516), stdout: '', stderr: 'Too many user arguments\n' });
      expectRun(await env.root(['user', 'listgroups', 'ghost']), { status: exitStatus(514), stdout: '', stderr: 'Unknown user: ghost\nNo user found\n' });
    });

    it('an argument that is one user’s login and another user’s id is ambiguous (515)', async () => {
      expectRun(await env.root(['user', 'add', '2', 'Num', 'Ber', 'g2', '-P', 'pw']), { status: 0, stdout: 'Added user 2 (id=5) with password\n' });
      expectRun(await env.root(['user', 'info', '2']), { status: exitStatus(514), stdout: '', stderr: 'Ambiguous user identifier: 2\nNo user found\n' });
      expectRun(await env.root(['user', 'info', '5', '--user-id', '2', '--style', 'plain']), {
        status: 0, stdout: '2,carol,Carol,Zeta,c@x.org,Yes,False,,3,\n5,2,Num,Ber,,Yes,False,,4,\n',
      });
    });
  });
}
