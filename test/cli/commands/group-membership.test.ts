import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { exitStatus } from '../../../src/cli/cli-error.js';
import { ENGINES } from '../../helpers/test-database.js';
import { csvRows, expectRun, expectUsageError, UserGroupEnv } from './usergroup-env.js';

// `omero group copyusers | adduser | removeuser` (reference cli §1.2, §3.4, §3.5).
for (const engine of ENGINES) {
  describe(`omero group copyusers, adduser, removeuser (${engine})`, () => {
    let env: UserGroupEnv;
    /** `<owner ids>|<member ids>` of a group, from `group info --long`. */
    const members = async (group: string) => {
      const [row] = csvRows((await env.root(['group', 'info', group, '--long', '--style', 'plain'])).stdout);
      return `${row![4]}|${row![5]}`;
    };

    before(async () => {
      env = await UserGroupEnv.open(engine);
      for (const args of [
        ['group', 'add', 'src'],
        ['group', 'add', 'dst'],
        ['group', 'add', 'empty'],
        ['user', 'add', 'u1', 'One', 'U', 'src', '-P', 'u1-pw'],
        ['user', 'add', 'u2', 'Two', 'U', 'src', '-P', 'u2-pw'],
        ['user', 'add', 'u3', 'Three', 'U', 'dst', '-P', 'u3-pw'],
        ['group', 'adduser', 'u1', '--name', 'src', '--as-owner'],
      ]) {
        expectRun(await env.root(args), { status: 0, stderr: '' });
      }
      env.knows('u1', 'u1-pw');
      env.knows('u2', 'u2-pw');
    });
    after(() => env?.close());

    it('copyusers copies every user as a member, then only owners with --as-owner', async () => {
      expectRun(await env.root(['group', 'copyusers', 'src', 'dst']), {
        status: 0, stdout: 'Added 2 to group 4\nAdded 3 to group 4\nUsers of src copied to dst\n', stderr: '',
      });
      expectRun(await env.root(['group', 'copyusers', 'src', 'dst']), {
        status: 0, stdout: '2 is already in group 4\n3 is already in group 4\nUsers of src copied to dst\n',
      });
      expectRun(await env.root(['group', 'copyusers', 'src', 'dst', '--as-owner']), {
        status: 0, stdout: 'Added 2 to the owner list of group 4\nOwners of src copied to dst\n',
      });
      expectRun(await env.root(['group', 'copyusers', '3', '4', '--as-owner']), { status: 0, stdout: '2 is already owner of group 4\nOwners of 3 copied to 4\n' });
      assert.equal(await members('dst'), '2|3,4');
    });

    it('copyusers refuses unknown groups and missing arguments, changing nothing', async () => {
      expectRun(await env.root(['group', 'copyusers', 'ghost', 'empty']), { status: exitStatus(503), stdout: '', stderr: 'Unknown group: ghost\n' });
      expectRun(await env.root(['group', 'copyusers', 'src', '99']), { status: exitStatus(503), stdout: '', stderr: 'Unknown group: 99\n' });
      expectUsageError(await env.root(['group', 'copyusers', 'src']), 'omero group copyusers', 'too few arguments');
      assert.equal(await members('empty'), '|');
    });

    it('adduser and removeuser need a group and users, and change nothing otherwise', async () => {
      expectRun(await env.root(['group', 'adduser', 'u1']), { status: exitStatus(501), stdout: '', stderr: 'No input group is specified\n' });
      expectRun(await env.root(['group', 'adduser', '--name', 'empty']), { status: exitStatus(511), stdout: '', stderr: 'No input user is specified\n' });
      expectRun(await env.root(['group', 'adduser', '--name', 'empty', 'ghost', '--user-id', 'x']), {
        status: exitStatus(514), stdout: '', stderr: 'Unknown user: ghost\nNot a valid user ID: x\nNo user found\n',
      });
      expectRun(await env.root(['group', 'removeuser', '--id', 'x', 'u1']), { status: exitStatus(502), stdout: '', stderr: 'Not a valid group ID: x\n' });
      expectRun(await env.root(['group', 'removeuser', '--name', 'ghost', 'u1']), { status: exitStatus(503), stdout: '', stderr: 'Unknown group: ghost\n' });
      expectUsageError(await env.root(['group', 'adduser', '--id', '5', '--name', 'empty', 'u1']), 'omero group adduser', 'argument --name: not allowed with argument --id');
      assert.equal(await members('empty'), '|');
    });

    it('adduser adds members or owners; removeuser removes them', async () => {
      expectRun(await env.root(['group', 'adduser', '--name', 'empty', 'u1', '--user-id', '3', '--user-name', 'u3']), {
        status: 0, stdout: 'Added 2 to group 5\nAdded 3 to group 5\nAdded 4 to group 5\n', stderr: '',
      });
      expectRun(await env.root(['group', 'adduser', '--name', 'empty', 'u1', 'ghost', '--as-owner']), {
        status: 0, stdout: 'Added 2 to the owner list of group 5\n', stderr: 'Unknown user: ghost\n',
      });
      assert.equal(await members('empty'), '2|3,4');
      expectRun(await env.root(['group', 'removeuser', '--name', 'empty', 'u1', 'u2', '--as-owner']), {
        status: 0, stdout: '3 is not owner of group 5\nRemoved 2 from the owner list of group 5\n',
      });
      expectRun(await env.root(['group', 'removeuser', '--id', '5', 'u2', 'u3']), { status: 0, stdout: 'Removed 3 from group 5\nRemoved 4 from group 5\n' });
      expectRun(await env.root(['group', 'removeuser', '--id=5', 'u2']), { status: 0, stdout: '3 is not in group 5\n' });
      assert.equal(await members('empty'), '|2');
    });

    it('a group owner may manage its members; other users are refused by the server', async () => {
      expectRun(await env.as('u1', ['group', 'adduser', 'u3', '--name', 'src']), { status: 0, stdout: 'Added 4 to group 3\n', stderr: '' });
      expectRun(await env.as('u1', ['group', 'removeuser', 'u3', '--name', 'src']), { status: 0, stdout: 'Removed 4 from group 3\n' });
      // u2 shares no readable group with u3, so u3's name matches nothing for u2 (2019-SV3/SV5,
      // as OMERO masks omeName in WHERE); by id the server itself refuses.
      expectRun(await env.as('u2', ['group', 'adduser', 'u3', '--name', 'src']), { status: 2, stdout: '', stderr: /^Unknown user: u3\n/ });
      expectRun(await env.as('u2', ['group', 'adduser', '--user-id', '4', '--name', 'src']), { status: 1, stdout: '', stderr: /^SecurityViolation: / });
      assert.equal(await members('src'), '2|3');
    });
  });
}
