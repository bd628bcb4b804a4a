import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { exitStatus } from '../../../src/cli/cli-error.js';
import { ENGINES } from '../../helpers/test-database.js';
import { csvRows, expectRun, expectUsageError, UserGroupEnv } from './usergroup-env.js';

// `omero user add` (reference cli §2.1) through the real binary: help, refusals that change
// nothing, the password sources, group resolution and the default group, admin-only.
for (const engine of ENGINES) {
  describe(`omero user add (${engine})`, () => {
    let env: UserGroupEnv;
    /** The users as `user list --style csv` shows them, without the header. */
    const users = async () => csvRows((await env.root(['user', 'list', '--style', 'csv'])).stdout).slice(1);

    before(async () => {
      env = await UserGroupEnv.open(engine);
      expectRun(await env.root(['group', 'add', 'lab-a']), { status: 0, stdout: 'Added group lab-a (id=3) with permissions rw----\n' });
      expectRun(await env.root(['group', 'add', 'lab-b']), { status: 0, stdout: 'Added group lab-b (id=4) with permissions rw----\n' });
    });
    after(() => env?.close());

    it('prints its help with OMERO descriptions', async () => {
      const r = await env.cli.run(['user', 'add', '-h']);
      expectRun(r, { status: 0, stderr: '' });
      for (const text of ['Add user', 'username', "User's login name", 'firstname', 'lastname', 'ID or name of the group(s) to join',
        '--group-id', '--group-name', '--ignore-existing', '--middlename', '--admin', '--userpassword',
        '--userpassword-stdin', '--no-password', 'Create user with empty password', '--server', '--key']) {
        assert.ok(r.stdout.includes(text), `help lacks ${text}:\n${r.stdout}`);
      }
      const top = await env.cli.run(['user', '-h']);
      expectRun(top, { status: 0, stdout: /Support for adding and managing users/ });
      for (const s of ['add', 'list', 'info', 'listgroups', 'password', 'email', 'joingroup', 'leavegroup']) assert.match(top.stdout, new RegExp(`\\b${s}\\b`));
    });

    it('refuses malformed command lines with argparse messages (rc 2) and changes nothing', async () => {
      expectUsageError(await env.root(['user', 'add', 'jsmith', 'John']), 'omero user add', 'too few arguments');
      expectUsageError(await env.root(['user', 'add', 'jsmith', 'John', 'Smith', 'lab-a', '-P', 'x', '--no-password']), 'omero user add',
        'argument --no-password: not allowed with argument -P/--userpassword');
      expectUsageError(await env.root(['user', 'add', 'jsmith', 'John', 'Smith', 'lab-a', '--userpassword-stdin', '-P', 'x']), 'omero user add',
        'argument -P/--userpassword: not allowed with argument --userpassword-stdin');
      expectUsageError(await env.root(['user', 'add', 'jsmith', 'John', 'Smith', 'lab-a', '--frob']), 'omero user add', 'unrecognized arguments: --frob');
      expectRun(await env.root(['user', 'add', 'jsmith', 'John', 'Smith', '--group-id']), { status: 2, stdout: '', stderr: /omero user add: error: argument --group-id: expected/ });
    });

    it('needs groups: none given → 501, none found → one line each then 504', async () => {
      expectRun(await env.root(['user', 'add', 'jsmith', 'John', 'Smith', '-P', 'pw']), {
        status: exitStatus(501), stdout: '', stderr: 'No input group is specified\n',
      });
      expectRun(await env.root(['user', 'add', 'jsmith', 'John', 'Smith', 'nope', '--group-id', '77', 'abc', '--group-name', 'missing', '-P', 'pw']), {
        status: exitStatus(504),
        stdout: '',
        stderr: 'Unknown group: nope\nUnknown group: 77\nNot a valid group ID: abc\nUnknown group: missing\nNo group found\n',
      });
    });

    it('refuses --no-password (rc 502) and a missing password without a terminal (rc 564)', async () => {
      expectRun(await env.root(['user', 'add', 'jsmith', 'John', 'Smith', 'lab-a', '--no-password']), {
        status: exitStatus(502), stdout: '', stderr: 'Server does not allow user creation with empty passwords\n',
      });
      expectRun(await env.root(['user', 'add', 'jsmith', 'John', 'Smith', 'lab-a']), {
        status: exitStatus(564), stdout: '', stderr: 'stdin is not a terminal: cannot request password\n',
      });
      expectRun(await env.root(['user', 'add', 'jsmith', 'John', 'Smith', 'lab-a', '--userpassword-stdin']), {
        status: exitStatus(564), stdout: '', stderr: 'stdin is empty: cannot read password (--userpassword-stdin)\n',
      });
      assert.deepEqual((await users()).map((u) => u[1]), ['root', 'guest']);
    });

    it('adds a user with the password from stdin; the first group resolved is the default group', async () => {
      const r = await env.root(
        ['user', 'add', 'jsmith', 'John', 'Smith', 'lab-b', '--group-id', '3', '-m', 'Q', '-e', 'j@x.org', '-i', 'Inst', '--userpassword-stdin'],
        { input: 'ążćę pw\nrest of input\n' },
      );
      expectRun(r, { status: 0, stdout: 'Added user jsmith (id=2) with password\n', stderr: '' });
      assert.ok(!r.stdout.includes('ążćę') && !r.stderr.includes('ążćę'), 'the password is never printed');
      env.knows('jsmith', 'ążćę pw');
      // Member of lab-b (default, first) then lab-a; active; not an admin.
      expectRun(await env.as('jsmith', ['user', 'info', '--style', 'csv']), {
        status: 0,
        stdout: 'id,login,first name,last name,email,active,ldap,admin,member of,owner of\n2,jsmith,John,Smith,j@x.org,Yes,False,,"4,3",\n',
      });
    });

    it('takes the password from OMERO_USERPASSWORD or -P; -a adds to the system group', async () => {
      expectRun(await env.root(['user', 'add', 'ann', 'Ann', 'Lee', '3'], { env: { OMERO_USERPASSWORD: 'ann-pw' } }), {
        status: 0, stdout: 'Added user ann (id=3) with password\n',
      });
      env.knows('ann', 'ann-pw');
      expectRun(await env.root(['user', 'add', 'bob', 'Bob', 'Brown', '--group-name', 'lab-a', '-P', 'bob-pw', '-a']), {
        status: 0, stdout: 'Added user bob (id=4) with password\n',
      });
      env.knows('bob', 'bob-pw');
      expectRun(await env.as('ann', ['user', 'info', '--style', 'plain']), { status: 0, stdout: '3,ann,Ann,Lee,,Yes,False,,3,\n' });
      expectRun(await env.as('bob', ['user', 'info', '--style', 'plain']), { status: 0, stdout: '4,bob,Bob,Brown,,Yes,False,Yes,3,\n' });
    });

    it('an existing login: rc 3, or rc 0 with --ignore-existing, and nothing changes', async () => {
      expectRun(await env.root(['user', 'add', 'jsmith', 'Other', 'Name', 'lab-a', '-P', 'x']), {
        status: 3, stdout: '', stderr: 'User exists: jsmith (id=2)\n',
      });
      expectRun(await env.root(['user', 'add', 'jsmith', 'Other', 'Name', 'nope', '--ignore-existing']), {
        status: 0, stdout: 'User exists: jsmith (id=2)\n', stderr: '',
      });
      const jsmith = (await users()).find((u) => u[1] === 'jsmith');
      assert.deepEqual(jsmith, ['2', 'jsmith', 'John', 'Smith', 'j@x.org', 'Yes', 'False', '', '4,3', '']);
    });

    it('is for administrators only, checked before anything else (rc 111)', async () => {
      for (const args of [
        ['user', 'add', 'zed', 'Zed', 'Z', 'lab-a', '-P', 'x'],
        ['user', 'add', 'zed', 'Zed', 'Z', 'nope', '--no-password'],
        ['user', 'add', 'jsmith', 'Zed', 'Z'],
      ]) {
        expectRun(await env.as('jsmith', args), { status: 111, stdout: '', stderr: 'SecurityViolation: Admins only!\n' });
      }
      assert.deepEqual((await users()).map((u) => u[1]), ['root', 'guest', 'jsmith', 'ann', 'bob']);
    });
  });
}
