import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { exitStatus } from '../../../src/cli/cli-error.js';
import { ENGINES } from '../../helpers/test-database.js';
import { csvRows, expectRun, expectUsageError, UserGroupEnv } from './usergroup-env.js';

// `omero group add` and `omero group perms` (reference cli §3.1, §3.2, §12).
for (const engine of ENGINES) {
  describe(`omero group add, perms (${engine})`, () => {
    let env: UserGroupEnv;
    /** id → [name, perms] of every group, from `group list --style csv`. */
    const groups = async () => new Map(csvRows((await env.root(['group', 'list', '--style', 'csv'])).stdout).slice(1).map((r) => [r[0]!, `${r[1]} ${r[2]}`]));

    before(async () => {
      env = await UserGroupEnv.open(engine);
    });
    after(() => env?.close());

    it('prints its help with OMERO descriptions and the permission levels', async () => {
      const add = await env.cli.run(['group', 'add', '-h']);
      expectRun(add, { status: 0, stderr: '' });
      for (const text of ['Add a new group with given permissions', 'private       (rw----)   [DEFAULT]', "read-annotate (rwra--)   [Previously known as 'collaborative']",
        'will\nfail if different users', '--perms', "Group permissions set as string, e.g. 'rw----'", '--type', 'Group permissions set symbolically', '--ignore-existing', 'Name of the group']) {
        assert.ok(add.stdout.includes(text), `help lacks ${JSON.stringify(text)}:\n${add.stdout}`);
      }
      expectRun(await env.cli.run(['group', 'perms', '-h']), { status: 0, stdout: /Modify a group's permissions[\s\S]*--id[\s\S]*--name/ });
      const top = await env.cli.run(['group', '-h']);
      expectRun(top, { status: 0, stdout: /Group administration methods/ });
      for (const s of ['add', 'perms', 'list', 'info', 'listusers', 'copyusers', 'adduser', 'removeuser']) assert.match(top.stdout, new RegExp(`\\b${s}\\b`));
    });

    it('refuses malformed command lines (rc 2)', async () => {
      expectUsageError(await env.root(['group', 'add']), 'omero group add', 'too few arguments');
      expectUsageError(await env.root(['group', 'add', 'g', '--type', 'bogus']), 'omero group add',
        "argument --type: invalid choice: 'bogus'\n\nchoose from:\n\tprivate, read-annotate, read-only, read-write");
      expectUsageError(await env.root(['group', 'add', 'g', '--perms', 'rw----', '--type', 'private']), 'omero group add', 'argument --type: not allowed with argument --perms');
      expectUsageError(await env.root(['group', 'add', 'g', '--type', 'private', '--perms', 'rw----']), 'omero group add', 'argument --perms: not allowed with argument --type');
      assert.deepEqual([...(await groups()).keys()], ['0', '1', '2']);
    });

    it('adds groups: private by default, --perms strings (canonical form), --type presets', async () => {
      const cases: [string[], string][] = [
        [['private-1'], 'Added group private-1 (id=3) with permissions rw----'],
        [['read-only-1', '--perms=rwr---'], 'Added group read-only-1 (id=4) with permissions rwr---'],
        [['read-annotate-1', '--type=read-annotate'], 'Added group read-annotate-1 (id=5) with permissions rwra--'],
        [['read-write-1', '--type', 'read-write'], 'Added group read-write-1 (id=6) with permissions rwrw--'],
        [['upper-1', '--perms', 'RWRA--'], 'Added group upper-1 (id=7) with permissions rwra--'],
      ];
      for (const [args, line] of cases) expectRun(await env.root(['group', 'add', ...args]), { status: 0, stdout: `${line}\n`, stderr: '' });
    });

    it('refuses invalid permissions (505, or the server’s refusal as rc 4) and existing names (3)', async () => {
      expectRun(await env.root(['group', 'add', 'bad', '--perms', 'xyz']), { status: exitStatus(505), stdout: '', stderr: 'Invalid permission string: xyz\n' });
      expectRun(await env.root(['group', 'add', 'bad', '--perms', '------']), {
        status: 4, stdout: '', stderr: "<class 'omero.ApiUsageException'>: Cannot remove user read\n",
      });
      expectRun(await env.root(['group', 'add', 'private-1', '--type', 'read-only']), { status: 3, stdout: '', stderr: 'Group exists: private-1 (id=3)\n' });
      expectRun(await env.root(['group', 'add', 'private-1', '--ignore-existing']), { status: 0, stdout: 'Group exists: private-1 (id=3)\n', stderr: '' });
      const now = await groups();
      assert.equal(now.size, 8);
      assert.equal(now.get('3'), 'private-1 rw----');
    });

    it('is for administrators only, checked before the permissions (rc 111)', async () => {
      expectRun(await env.root(['user', 'add', 'pi', 'Pat', 'Ives', 'private-1', '-P', 'pi-pw']), { status: 0, stdout: 'Added user pi (id=2) with password\n' });
      expectRun(await env.root(['group', 'adduser', 'pi', '--name', 'read-only-1', '--as-owner']), { status: 0, stdout: 'Added 2 to the owner list of group 4\n' });
      env.knows('pi', 'pi-pw');
      for (const args of [['group', 'add', 'x'], ['group', 'add', 'x', '--perms', 'xyz'], ['group', 'add', 'private-1']]) {
        expectRun(await env.as('pi', args), { status: 111, stdout: '', stderr: 'SecurityViolation: Admins only!\n' });
      }
      assert.equal((await groups()).size, 8);
    });

    it('group perms needs a group, and changes nothing on a refusal', async () => {
      expectRun(await env.root(['group', 'perms', '--type', 'read-only']), { status: exitStatus(501), stdout: '', stderr: 'No input group is specified\n' });
      expectRun(await env.root(['group', 'perms', '--name', 'ghost', '--type', 'private']), { status: exitStatus(503), stdout: '', stderr: 'Unknown group: ghost\n' });
      expectRun(await env.root(['group', 'perms', '--id', 'abc', '--type', 'private']), { status: exitStatus(502), stdout: '', stderr: 'Not a valid group ID: abc\n' });
      expectRun(await env.root(['group', 'perms', '--id', '99', '--type', 'private']), { status: exitStatus(503), stdout: '', stderr: 'Unknown group: 99\n' });
      expectRun(await env.root(['group', 'perms', '--name', 'read-only-1', '--perms', 'xyz']), { status: exitStatus(505), stdout: '', stderr: 'Invalid permission string: xyz\n' });
      expectUsageError(await env.root(['group', 'perms', '--id', '4', '--name', 'read-only-1', '--type', 'private']), 'omero group perms', 'argument --name: not allowed with argument --id');
      assert.equal((await groups()).get('4'), 'read-only-1 rwr---');
    });

    it('group perms changes the level through Chmod2, or says it is already set', async () => {
      expectRun(await env.root(['group', 'perms', '--name', 'private-1', '--perms', 'rw----']), {
        status: 0, stdout: 'Permissions for group private-1 (id=3) already rw----\n', stderr: '',
      });
      expectRun(await env.root(['group', 'perms', '--name', 'private-1', '--type', 'read-only']), {
        status: 0, stdout: 'Changed permissions for group private-1 (id=3) to rwr---\n', stderr: '',
      });
      expectRun(await env.root(['group', 'info', 'private-1', '--style', 'plain']), { status: 0, stdout: '3,private-1,rwr---,False,0,1\n' });
    });

    it('group perms by a group owner is allowed, by others refused with rc 504', async () => {
      expectRun(await env.as('pi', ['group', 'perms', '--id', '4', '--perms', 'rwra--']), {
        status: 0, stdout: 'Changed permissions for group read-only-1 (id=4) to rwra--\n',
      });
      expectRun(await env.as('pi', ['group', 'perms', '--name', 'private-1', '--type', 'read-write']), {
        status: exitStatus(504), stdout: '', stderr: /^Cannot change permissions for group private-1 \(id=3\) to rwrw--: [^\n]+\n$/, // one line, not the ERR's Ice dump
      });
      const now = await groups();
      assert.equal(now.get('3'), 'private-1 rwr---');
      assert.equal(now.get('4'), 'read-only-1 rwra--');
    });

    it('group perms with neither --perms nor --type resets the group to private, as OMERO does', async () => {
      expectRun(await env.root(['group', 'perms', '--name', 'read-only-1']), {
        status: 0, stdout: 'Changed permissions for group read-only-1 (id=4) to rw----\n', stderr: '',
      });
      assert.equal((await groups()).get('4'), 'read-only-1 rw----');
      expectRun(await env.root(['group', 'perms', '--id', '4']), { status: 0, stdout: 'Permissions for group read-only-1 (id=4) already rw----\n' });
    });
  });
}
