import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { exitStatus } from '../../../src/cli/cli-error.js';
import { ENGINES } from '../../helpers/test-database.js';
import { hqlRows, idOf, openObjEnv, script } from './obj-hql-fixture.js';
import { expectRun, type UserGroupEnv } from './usergroup-env.js';

/** `Failed to update …` of a non-admin (or an admin without the privilege) changing a user or group. */
function systemType(kls: 'Experimenter' | 'ExperimenterGroup', id: number): string {
  const privilege = kls === 'Experimenter' ? 'ModifyUser' : 'ModifyGroup';
  return `Failed to update ${kls}:${id} - ome.model.meta.${kls} is a System-type, and may be changed only by an administrator with the ${privilege} privilege: cannot update ome.model.meta.${kls}:Id_${id}\n`;
}

// `omero obj` on users, groups and other users' data (reference cli §5, seed 000's user and
// group editing), on seed 002's example environment: user-2 = 2, user-3 = 3, private-1 = 3,
// read-only-1 = 4, read-write-1 = 5, read-annotate-1 = 6, "user-2 project" = 1 and
// "user-3 project" = 2 in read-only-1.
for (const engine of ENGINES) {
  describe(`omero obj on users, groups and shared data (${engine})`, () => {
    let env: UserGroupEnv;
    /** [id, omeName, email] of every user (a null shows as `None`, as in OMERO's projections). */
    const users = async () =>
      hqlRows(await env.root(['hql', '--all', '--style', 'csv', 'select e.id, e.omeName, e.email from Experimenter e order by e.id']));
    /** [id, name, description] of every group. */
    const groups = async () =>
      hqlRows(await env.root(['hql', '--all', '--style', 'csv', 'select g.id, g.name, g.description from ExperimenterGroup g order by g.id']));

    before(async () => {
      env = await openObjEnv(engine, { demo: true });
    });
    after(() => env?.close());

    it("edits a user's email and renames a group as root (seed 000)", async () => {
      expectRun(await env.root(['obj', 'update', 'Experimenter:2', 'email=jsmith@new_address.com']), { status: 0, stdout: 'Experimenter:2\n', stderr: '' });
      // The documented rename needs the name to be free: read-write-1 exists in seed 002.
      expectRun(await env.root(['obj', 'update', 'ExperimenterGroup:6', 'name=read-write-1']), {
        status: exitStatus(336),
        stdout: '',
        stderr: /^Failed to update ExperimenterGroup:6 - Unique constraint violated: .*read-write-1.*\n$/,
      });
      expectRun(await env.root(['obj', 'update', 'ExperimenterGroup:5', 'name=read-write-old', 'description=renamed']), { status: 0, stdout: 'ExperimenterGroup:5\n' });
      expectRun(await env.root(['obj', 'update', 'ExperimenterGroup:6', 'name=read-write-1']), { status: 0, stdout: 'ExperimenterGroup:6\n' });
      assert.deepEqual((await users()).find((u) => u[0] === '2'), ['2', 'user-2', 'jsmith@new_address.com']);
      assert.deepEqual((await groups()).slice(3), [
        ['3', 'private-1', 'None'],
        ['4', 'read-only-1', 'None'],
        ['5', 'read-write-old', 'renamed'],
        ['6', 'read-write-1', 'None'],
      ]);
    });

    it("keeps root's login name and the system groups' names (rc 336)", async () => {
      expectRun(await env.root(['obj', 'update', 'Experimenter:0', 'omeName=boss']), {
        status: exitStatus(336), stdout: '', stderr: "Failed to update Experimenter:0 - cannot change name of special experimenter 'root'\n",
      });
      expectRun(await env.root(['obj', 'update', 'ExperimenterGroup:0', 'name=admins']), {
        status: exitStatus(336), stdout: '', stderr: "Failed to update ExperimenterGroup:0 - cannot change name of special group 'system'\n",
      });
      expectRun(await env.root(['obj', 'map-set', 'Experimenter:0', 'config', 'AdminPrivilege:Sudo', 'false']), {
        status: exitStatus(336), stdout: '', stderr: 'Failed to update Experimenter:0 - Cannot restrict the privileges of root\n',
      });
      assert.deepEqual((await users()).slice(0, 1), [['0', 'root', 'None']]);
      assert.deepEqual((await groups()).slice(0, 1), [['0', 'system', 'Administrators']]);
    });

    it('lets a non-admin read users but not change them, their config or groups (rc 336)', async () => {
      const before = [await users(), await groups()];
      expectRun(await env.as('user-2', ['obj', 'get', 'Experimenter:0', 'omeName']), { status: 0, stdout: 'root\n' });
      expectRun(await env.as('user-2', ['obj', 'update', 'Experimenter:2', 'email=mine@example.org']), { status: exitStatus(336), stdout: '', stderr: systemType('Experimenter', 2) });
      expectRun(await env.as('user-2', ['obj', 'update', 'Experimenter:3', 'lastName=Nobody']), { status: exitStatus(336), stdout: '', stderr: systemType('Experimenter', 3) });
      expectRun(await env.as('user-2', ['obj', 'map-set', 'Experimenter:2', 'config', 'theme', 'dark']), { status: exitStatus(336), stdout: '', stderr: systemType('Experimenter', 2) });
      expectRun(await env.as('user-2', ['obj', 'update', 'ExperimenterGroup:3', 'name=mine']), { status: exitStatus(336), stdout: '', stderr: systemType('ExperimenterGroup', 3) });
      expectRun(await env.as('user-2', ['obj', 'new', 'ExperimenterGroup', 'name=mine', 'ldap=false']), {
        status: exitStatus(336), stdout: '', stderr: /^Failed to create ExperimenterGroup - /,
      });
      assert.deepEqual([await users(), await groups()], before);
    });

    it("follows the groups' permissions for data: read in a shared group, edit only one's own", async () => {
      // user-2 edits their project in read-only-1, which is not their current group (private-1).
      expectRun(await env.as('user-2', ['obj', 'update', 'Project:1', 'description=edited by user-2']), { status: 0, stdout: 'Project:1\n', stderr: '' });
      expectRun(await env.as('user-3', ['obj', 'get', 'Project:1']), { status: 0, stdout: 'description=edited by user-2\nid=1\nname=user-2 project\nversion=1\n\n' });
      expectRun(await env.as('user-3', ['obj', 'update', 'Project:1', 'name=taken']), { status: exitStatus(336), stdout: '', stderr: /^Failed to update Project:1 - / });
      const secret = idOf(await env.as('user-2', ['obj', 'new', 'Project', 'name=user-2 secret']), 'Project');
      expectRun(await env.as('user-3', ['obj', 'get', `Project:${secret}`, 'name']), { status: exitStatus(334), stdout: '', stderr: `No object found: Project:${secret}\n` });
      expectRun(await env.as('user-3', ['obj', 'null', `Project:${secret}`, 'description']), { status: exitStatus(334), stdout: '', stderr: `No object found: Project:${secret}\n` });
      expectRun(await env.root(['obj', 'get', `Project:1`, 'name']), { status: 0, stdout: 'user-2 project\n' });
    });

    it('restricts an administrator through Experimenter.config (map-set AdminPrivilege:X false)', async () => {
      expectRun(await env.root(['user', 'joingroup', '--name', 'user-3', 'system']), { status: 0 });
      expectRun(await env.root(['obj', 'map-set', 'Experimenter:3', 'config', 'AdminPrivilege:ModifyUser', 'false']), { status: 0, stdout: 'Experimenter:3\n', stderr: '' });
      const read = script(env, 'config.txt', 'map-get Experimenter:3 config AdminPrivilege:ModifyUser\nget Experimenter:3 config\nlist-get Experimenter:3 config 0\nmap-get Experimenter:3 config AdminPrivilege:Sudo\n');
      expectRun(await env.root(['obj', '--file', read]), { status: 0, stdout: 'false\n(AdminPrivilege:ModifyUser,false)\n(AdminPrivilege:ModifyUser,false)\nNone\n' });
      // user-3 is now an administrator without ModifyUser: groups yes, users no, and the
      // restriction cannot be lifted by user-3.
      expectRun(await env.as('user-3', ['obj', 'update', 'ExperimenterGroup:4', 'description=by user-3']), { status: 0, stdout: 'ExperimenterGroup:4\n' });
      expectRun(await env.as('user-3', ['obj', 'update', 'Experimenter:2', 'email=by-user-3@example.org']), { status: exitStatus(336), stdout: '', stderr: systemType('Experimenter', 2) });
      expectRun(await env.as('user-3', ['obj', 'map-set', 'Experimenter:3', 'config', 'AdminPrivilege:ModifyUser']), { status: exitStatus(336), stdout: '', stderr: systemType('Experimenter', 3) });
      expectRun(await env.root(['obj', '--file', read]), { status: 0, stdout: 'false\n(AdminPrivilege:ModifyUser,false)\n(AdminPrivilege:ModifyUser,false)\nNone\n' });
      assert.deepEqual((await users()).find((u) => u[0] === '2'), ['2', 'user-2', 'jsmith@new_address.com']);
      assert.deepEqual((await groups()).find((g) => g[0] === '4'), ['4', 'read-only-1', 'by user-3']);
      // Root lifts it again.
      expectRun(await env.root(['obj', 'map-set', 'Experimenter:3', 'config', 'AdminPrivilege:ModifyUser']), { status: 0, stdout: 'Experimenter:3\n' });
      expectRun(await env.root(['obj', 'get', 'Experimenter:3', 'config']), { status: 0, stdout: '\n' });
    });
  });
}
