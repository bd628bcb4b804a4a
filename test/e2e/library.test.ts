import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { OMERO_BIN, openCliEnvironment, type CliEnvironment } from '../helpers/cli-runner.js';
import { ENGINES, ROOT_PASSWORD } from '../helpers/test-database.js';

const PACKAGE_ROOT = join(OMERO_BIN, '..', '..');

/** A plain CommonJS program, as a user would write it: `require('omero-shell')`. */
const CJS_PROGRAM = `
const omero = require(process.argv[2]);
const root = new omero.client('localhost');
const admin = root.createSession('root', process.env.ROOT_PW).getAdminService();
const group = (name, perms) => {
  const g = new omero.model.ExperimenterGroupI();
  g.name = omero.rtypes.rstring(name);
  g.ldap = omero.rtypes.rbool(false);
  g.details.permissions = new omero.model.PermissionsI(perms);
  return admin.createGroup(g);
};
const p1 = group('private-1', 'rw----');
const r1 = group('read-only-1', 'rwr---');
const e = new omero.model.ExperimenterI();
e.omeName = omero.rtypes.rstring('user-2');
e.firstName = omero.rtypes.rstring('User');
e.lastName = omero.rtypes.rstring('Two');
e.ldap = omero.rtypes.rbool(false);
admin.createExperimenterWithPassword(e, omero.rtypes.rstring('user-2-password'), p1, [r1, admin.lookupGroup('user').id.val]);
const client = new omero.client('localhost');
const ec = client.createSession('user-2', 'user-2-password').getAdminService().getEventContext();
console.log(JSON.stringify({ user: ec.userName, group: ec.groupName, admin: ec.isAdmin, groups: ec.memberOfGroups.map((g) => admin.getGroup(g).name.val) }));
client.closeSession();
root.closeSession();
`;

const ESM_PROGRAM = `
import * as omero from ${JSON.stringify(join(PACKAGE_ROOT, 'dist', 'index.js'))};
const client = new omero.client('localhost');
const session = client.createSession('user-2', 'user-2-password');
console.log(session.getAdminService().getEventContext().groupName, typeof omero.SecurityViolation, typeof omero.callbacks.CmdCallbackI);
client.closeSession();
`;

for (const engine of ENGINES) {
  describe(`omero-shell as a library in a plain Node program (${engine})`, () => {
    let cli: CliEnvironment;
    before(async () => {
      cli = await openCliEnvironment(engine);
    });
    after(async () => {
      await cli.close();
    });

    it("require('omero-shell') logs in as root, builds the seed's users and prints user-2's EventContext", () => {
      const file = join(cli.userDir, 'program.cjs');
      writeFileSync(file, CJS_PROGRAM);
      const r = spawnSync(process.execPath, [file, PACKAGE_ROOT], { env: { ...cli.env, ROOT_PW: ROOT_PASSWORD }, encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
      assert.deepEqual(JSON.parse(r.stdout), { user: 'user-2', group: 'private-1', admin: false, groups: ['private-1', 'read-only-1', 'user'] });
    });

    it('import * as omero works too and exposes the namespace', () => {
      const file = join(cli.userDir, 'program.mjs');
      writeFileSync(file, ESM_PROGRAM);
      const r = spawnSync(process.execPath, [file], { env: cli.env, encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
      assert.equal(r.stdout, 'private-1 function function\n');
    });
  });
}
