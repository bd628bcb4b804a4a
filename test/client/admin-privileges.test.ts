/**
 * Administrators' privileges through the blocking client (issue 16 item 5): `getCurrentAdminPrivileges`
 * for root, a restricted administrator and a plain user, and `createSystemUser`, whose guard
 * refuses a caller who would give away privileges they do not have. Restricted administrators are
 * made as `omero obj map-set Experimenter:<id> config AdminPrivilege:<X> false` does, through IUpdate.
 * Outcomes are read from the database's rows (experimenter, groupexperimentermap) by direct SQL.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ExperimenterI, NamedValue, SecurityViolation, rbool, rstring } from '../../src/model/index.js';
import type { OmeroClient } from '../../src/client/omero-client.js';
import { ADMIN_PRIVILEGES } from '../../src/server/security/roles.js';
import { openEngine, type EngineFixture } from '../helpers/engine-client.js';
import { ENGINES } from '../helpers/test-database.js';

const PASSWORD = 'privileges-password';

function person(name: string): ExperimenterI {
  const e = new ExperimenterI();
  e.omeName = rstring(name);
  e.firstName = rstring('Priv');
  e.lastName = rstring(name);
  e.ldap = rbool(false);
  return e;
}

for (const engine of ENGINES) {
  describe(`administrator privileges (${engine})`, () => {
    let fx: EngineFixture;
    let root: OmeroClient;
    /** Holds ModifyUser and ModifyGroupMembership, nothing else. */
    let restricted: OmeroClient;
    let plain: OmeroClient;
    const KEPT = ['ModifyGroupMembership', 'ModifyUser'];

    /** The user's row and group ids, straight from the database (null when there is no such user). */
    const userRow = (name: string) => {
      const row = fx.sql('select id from experimenter where omename = ?', [name])[0];
      if (!row) return null;
      const groups = fx.sql('select parent from groupexperimentermap where child = ? order by parent', [row.id]).map((r) => Number(r.parent));
      return { id: Number(row.id), groups };
    };

    before(async () => {
      fx = await openEngine(engine, { example: true, sql: true });
      root = fx.login();
      const admin = root.getSession().getAdminService();
      const create = (name: string, groups: number[]) => admin.createExperimenterWithPassword(person(name), rstring(PASSWORD), groups[0]!, groups);
      const ra = create('priv-restricted', [0, 1]);
      create('priv-plain', [admin.lookupGroup('read-only-1').id!.val as number, 1]);
      const e = admin.getExperimenter(ra);
      e.config = ADMIN_PRIVILEGES.filter((p) => !KEPT.includes(p)).map((p) => new NamedValue(`AdminPrivilege:${p}`, 'false'));
      root.getSession().getUpdateService().saveAndReturnObject(e);
      restricted = fx.login('priv-restricted', PASSWORD);
      plain = fx.login('priv-plain', PASSWORD);
    });
    after(async () => {
      await fx?.close();
    });

    it('getCurrentAdminPrivileges: all of them for root, the kept ones for a restricted admin, none for a user', () => {
      assert.deepEqual([...root.getSession().getAdminService().getCurrentAdminPrivileges()].sort(), [...ADMIN_PRIVILEGES].sort());
      assert.deepEqual([...restricted.getSession().getAdminService().getCurrentAdminPrivileges()].sort(), KEPT);
      assert.deepEqual(plain.getSession().getAdminService().getCurrentAdminPrivileges(), []);
      // The same as an administrator reads them for that user.
      const ra = userRow('priv-restricted')!.id;
      assert.deepEqual([...root.getSession().getAdminService().getAdminPrivileges(ra)].sort(), KEPT);
    });

    it('createSystemUser by a full admin: a new user in system and user', () => {
      const id = root.getSession().getAdminService().createSystemUser(person('priv-new-admin'));
      assert.deepEqual(userRow('priv-new-admin'), { id, groups: [0, 1] });
    });

    it('createSystemUser: "cannot give privileges you do not have" for a restricted admin, refused for a user; nobody is created', () => {
      const refused = (c: OmeroClient, name: string) =>
        assert.throws(() => c.getSession().getAdminService().createSystemUser(person(name)), (e: unknown) => e instanceof SecurityViolation, name);
      refused(restricted, 'priv-by-restricted');
      assert.throws(() => restricted.getSession().getAdminService().createSystemUser(person('priv-by-restricted')), /cannot give administrator privileges that current user does not have/);
      refused(plain, 'priv-by-plain');
      assert.equal(userRow('priv-by-restricted'), null);
      assert.equal(userRow('priv-by-plain'), null);
      // Control: the same restricted admin may create an ordinary user (ModifyUser is held).
      const admin = restricted.getSession().getAdminService();
      const id = admin.createExperimenter(person('priv-ordinary'), admin.lookupGroup('read-only-1').id!.val as number, [1]);
      assert.equal(userRow('priv-ordinary')?.id, id);
    });
  });
}
