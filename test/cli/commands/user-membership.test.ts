import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { exitStatus } from '../../../src/cli/cli-error.js';
import { ENGINES } from '../../helpers/test-database.js';
import { expectRun, expectUsageError, UserGroupEnv } from './usergroup-env.js';

// `omero user joingroup | leavegroup | email | password` (reference cli §1.2, §2.5–2.8).
for (const engine of ENGINES) {
  describe(`omero user joingroup, leavegroup, email, password (${engine})`, () => {
    let env: UserGroupEnv;
    /** jsmith's row of the users table, as plain csv. */
    const jsmith = async () => (await env.root(['user', 'info', 'jsmith', '--style', 'plain'])).stdout;

    before(async () => {
      env = await UserGroupEnv.open(engine);
      for (const args of [
        ['group', 'add', 'lab'],
        ['group', 'add', 'other'],
        ['group', 'add', 'third'],
        ['user', 'add', 'jsmith', 'John', 'Smith', 'lab', '-e', 'j@x.org', '-m', 'Q', '-P', 'js-pw'],
        ['user', 'add', 'kim', 'Kim', 'Lee', 'lab', '-P', 'kim-pw'],
      ]) {
        expectRun(await env.root(args), { status: 0, stderr: '' });
      }
      env.knows('jsmith', 'js-pw');
      env.knows('kim', 'kim-pw');
    });
    after(() => env?.close());

    it('joingroup refuses missing, unknown and conflicting arguments, changing nothing', async () => {
      expectRun(await env.root(['user', 'joingroup', '--name', 'jsmith']), { status: exitStatus(501), stdout: '', stderr: 'No input group is specified\n' });
      expectRun(await env.root(['user', 'joingroup', 'nope', '--name', 'jsmith']), { status: exitStatus(504), stdout: '', stderr: 'Unknown group: nope\nNo group found\n' });
      expectRun(await env.root(['user', 'joingroup', 'other', '--id', 'abc']), { status: exitStatus(512), stdout: '', stderr: 'Not a valid user ID: abc\n' });
      expectRun(await env.root(['user', 'joingroup', 'other', '--id', '99']), { status: exitStatus(513), stdout: '', stderr: 'Unknown user: 99\n' });
      expectRun(await env.root(['user', 'joingroup', 'other', '--name', 'ghost']), { status: exitStatus(513), stdout: '', stderr: 'Unknown user: ghost\n' });
      expectUsageError(await env.root(['user', 'joingroup', 'other', '--id', '2', '--name', 'jsmith']), 'omero user joingroup', 'argument --name: not allowed with argument --id');
      assert.equal(await jsmith(), '2,jsmith,John,Smith,j@x.org,Yes,False,,3,\n');
    });

    it('joingroup joins the groups not joined yet; --as-owner joins the owner list', async () => {
      expectRun(await env.root(['user', 'joingroup', 'other', 'third', 'lab', '--name', 'jsmith']), {
        status: 0, stdout: '2 is already in group 3\nAdded 2 to group 4\nAdded 2 to group 5\n', stderr: '',
      });
      expectRun(await env.root(['user', 'joingroup', '--group-name', 'other', '--id', '2', '--as-owner']), {
        status: 0, stdout: 'Added 2 to the owner list of group 4\n',
      });
      expectRun(await env.root(['user', 'joingroup', '--group-id', '4', '--name=jsmith', '--as-owner']), { status: 0, stdout: '2 is already owner of group 4\n' });
      assert.equal(await jsmith(), '2,jsmith,John,Smith,j@x.org,Yes,False,,"3,5",4\n');
    });

    it('leavegroup leaves the owner list with --as-owner, else the group', async () => {
      expectRun(await env.root(['user', 'leavegroup', 'other', 'lab', '--name', 'jsmith', '--as-owner']), {
        status: 0, stdout: '2 is not owner of group 3\nRemoved 2 from the owner list of group 4\n',
      });
      expectRun(await env.root(['user', 'leavegroup', 'third', '--name', 'jsmith']), { status: 0, stdout: 'Removed 2 from group 5\n' });
      expectRun(await env.root(['user', 'leavegroup', 'third', '--name', 'jsmith']), { status: 0, stdout: '2 is not in group 5\n' });
      assert.equal(await jsmith(), '2,jsmith,John,Smith,j@x.org,Yes,False,,"3,4",\n');
    });

    it('joingroup --as-default: one group only, then it becomes the default group', async () => {
      expectRun(await env.root(['user', 'joingroup', 'other', 'third', '--name', 'jsmith', '--as-default']), {
        status: 0, stdout: '--as-default requires a single group ID to be supplied.\n',
      });
      expectRun(await env.root(['user', 'joingroup', 'user', '--name', 'jsmith', '--as-default']), {
        status: 1, stdout: '', stderr: 'ApiUsageException: Cannot set default group to: user\n',
      });
      assert.equal(await jsmith(), '2,jsmith,John,Smith,j@x.org,Yes,False,,"3,4",\n');
      expectRun(await env.root(['user', 'joingroup', 'third', '--name', 'jsmith', '--as-default']), {
        status: 0, stdout: 'Added 2 to group 5\nSet the default group of user 2 to group 5\n',
      });
      assert.match(await jsmith(), /^2,jsmith,John,Smith,j@x\.org,Yes,False,,"5,[34],[34]",\n$/);
    });

    it('leavegroup user deactivates an account and joingroup user reactivates it', async () => {
      expectRun(await env.root(['user', 'leavegroup', 'user', '--name=jsmith']), { status: 0, stdout: 'Removed 2 from group 1\n' });
      assert.match(await jsmith(), /^2,jsmith,John,Smith,j@x\.org,,False,,/);
      const refused = await env.as('jsmith', ['user', 'info']);
      assert.notEqual(refused.status, 0, 'a deactivated user cannot log in');
      assert.equal(refused.stdout, '');
      expectRun(await env.root(['user', 'joingroup', 'user', '--name=jsmith']), { status: 0, stdout: 'Added 2 to group 1\n' });
      expectRun(await env.as('jsmith', ['user', 'info', '--style', 'plain']), { status: 0, stdout: /^2,jsmith,John,Smith,j@x\.org,Yes,False,,/ });
    });

    it('a user manages their own memberships only as the server allows', async () => {
      expectRun(await env.as('jsmith', ['user', 'joingroup', 'other']), { status: 0, stdout: '2 is already in group 4\n', stderr: '' });
      const refused = await env.as('kim', ['user', 'joingroup', 'other']);
      expectRun(refused, { status: 1, stdout: '', stderr: /^SecurityViolation: / });
      expectRun(await env.root(['user', 'info', 'kim', '--style', 'plain']), { status: 0, stdout: '3,kim,Kim,Lee,,Yes,False,,3,\n' });
    });

    it('email lists active users’ addresses and reports those without one', async () => {
      expectRun(await env.root(['user', 'add', 'dee', 'Dee', 'Doe', 'lab', '-e', 'd@x.org', '-P', 'dee-pw']), { status: 0 });
      expectRun(await env.root(['user', 'leavegroup', 'user', '--name', 'dee']), { status: 0, stdout: 'Removed 4 from group 1\n' });
      expectRun(await env.root(['user', 'email']), { status: 0, stdout: 'j@x.org\n', stderr: 'Missing email addresses:\nroot root\nGuest Account\nKim Lee\n' });
      expectRun(await env.root(['user', 'email', '--all', '-n']), {
        status: 0, stdout: '"John Q Smith" <j@x.org>, "Dee Doe" <d@x.org>\n', stderr: /^Missing email addresses:\n/,
      });
      expectRun(await env.root(['user', 'email', '-1', '-i', '--all']), { status: 0, stdout: 'j@x.org\nd@x.org\n', stderr: '' });
      expectRun(await env.root(['user', 'email', '-1i']), { status: 0, stdout: 'j@x.org\n', stderr: '' });
      expectRun(await env.root(['user', 'email', 'x']), { status: 2, stdout: '', stderr: /omero user email: error: unrecognized arguments/ });
    });

    it('password verifies the caller’s password first, then sets the new one', async () => {
      const changed = await env.as('jsmith', ['user', 'password', '--userpassword-stdin'], { input: 'js-new\n' });
      expectRun(changed, { status: 0, stdout: 'Verified password.\n\nChanging password for jsmith\nPassword changed\n', stderr: '' });
      assert.ok(!changed.stdout.includes('js-new') && !changed.stderr.includes('js-new'));
      const fresh = (password: string) => env.cli.run(['-q', '-C', '-u', 'jsmith', 'user', 'info', '--style', 'plain'], { env: { OMERO_PASSWORD: password } });
      expectRun(await fresh('js-new'), { status: 0, stdout: /^2,jsmith,/ });
      assert.notEqual((await fresh('js-pw')).status, 0, 'the old password no longer works');
      env.knows('jsmith', 'js-new');
      // A stored session is reused; the wrong password then fails verification, changing nothing.
      expectRun(await env.as('jsmith', ['user', 'password', '--userpassword-stdin'], { input: 'other\n', env: { OMERO_PASSWORD: 'wrong' } }), {
        status: exitStatus(456), stdout: '', stderr: 'SecurityViolation: Bad credentials\n',
      });
      expectRun(await fresh('js-new'), { status: 0 });
    });

    it('password for another user (admins), from OMERO_USERPASSWORD; unknown user 457; no terminal 564', async () => {
      expectRun(await env.root(['user', 'password', 'kim'], { env: { OMERO_USERPASSWORD: 'kim-new' } }), {
        status: 0, stdout: 'Verified password.\n\nChanging password for kim (id:3)\nPassword changed\n',
      });
      expectRun(await env.cli.run(['-q', '-C', '-u', 'kim', 'user', 'info', '--style', 'plain'], { env: { OMERO_PASSWORD: 'kim-new' } }), { status: 0, stdout: /^3,kim,/ });
      expectRun(await env.root(['user', 'password', 'ghost']), {
        status: exitStatus(457), stdout: 'Verified password.\n\n', stderr: 'Unknown user: ghost\n',
      });
      expectRun(await env.root(['user', 'password', 'kim']), {
        status: exitStatus(564), stdout: 'Verified password.\n\nChanging password for kim (id:3)\n', stderr: 'stdin is not a terminal: cannot request password\n',
      });
      expectRun(await env.root(['user', 'password', 'kim', 'extra']), { status: 2, stdout: '', stderr: /omero user password: error: unrecognized arguments/ });
    });
  });
}
