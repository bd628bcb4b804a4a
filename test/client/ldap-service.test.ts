/**
 * ILdap, IAdmin's LDAP lookups and password login of LDAP users through the blocking client,
 * against a real slapd (test/helpers/slapd.ts), with LDAP on, off, and with sync_on_login.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  ApiUsageException,
  ExperimenterGroupI,
  ExperimenterI,
  PermissionDeniedException,
  SecurityViolation,
  ValidationException,
  rbool,
  rstring,
} from '../../src/model/index.js';
import type { OmeroClient } from '../../src/client/omero-client.js';
import { openEngine, PASSWORDS, type EngineFixture } from '../helpers/engine-client.js';
import { LDAP_USERS, SLAPD_MISSING, startSlapd, type Slapd } from '../helpers/slapd.js';
import { skipUnless } from '../helpers/suite-skip.js';
import { ENGINES } from '../helpers/test-database.js';

/** The error a call throws; fails when it does not. */
function thrown(call: () => unknown): Error {
  try {
    call();
  } catch (e) {
    return e as Error;
  }
  assert.fail('the call was not refused');
}

/** A refused login: the one message for unknown users and wrong passwords. */
function assertDenied(fx: EngineFixture, user: string, password: string): void {
  const e = thrown(() => fx.login(user, password));
  assert.ok(e instanceof PermissionDeniedException, `${user}: ${e.name}: ${e.message}`);
  assert.equal(e.message, `Password check failed for '${user}'`);
}

const groupNames = (client: OmeroClient, uid: number): string[] =>
  client.getSession().getAdminService().containedGroups(uid).map((g) => g.name!.val);

/** Skipped, with the reason, where slapd is not installed. */
const SKIP = skipUnless('slapd', SLAPD_MISSING);
let slapd: Slapd;
before(async () => {
  if (!SKIP) slapd = await startSlapd();
});
after(() => slapd?.stop());

for (const engine of ENGINES) {
  describe(`LDAP on (${engine})`, { skip: SKIP }, () => {
    let fx: EngineFixture;
    let root: OmeroClient;
    before(async () => {
      fx = await openEngine(engine, { example: true, env: slapd.env });
      root = fx.login();
    });
    after(() => fx?.close());

    it('ILdap is for administrators only, refused before anything else', () => {
      const ldap = fx.login('user-2').getSession().getLdapService();
      for (const call of [() => ldap.getSetting(), () => ldap.findDN('jsmith'), () => ldap.discover(), () => ldap.discoverGroups(), () => ldap.createUser('jdoe'), () => ldap.findGroupDN('lab-a')]) {
        const e = thrown(call);
        assert.ok(e instanceof SecurityViolation, `${e.name}: ${e.message}`);
        assert.match(e.message, /allowed: \[system\]/);
      }
      // Nothing was created by the refused createUser.
      assert.ok(thrown(() => root.getSession().getAdminService().lookupExperimenter('jdoe')) instanceof ApiUsageException);
    });

    it('getSetting, findDN and findGroupDN answer from the directory', () => {
      const ldap = root.getSession().getLdapService();
      assert.equal(ldap.getSetting(), true);
      assert.equal(ldap.findDN('jsmith'), LDAP_USERS.jsmith.dn);
      assert.equal(ldap.findGroupDN(rstring('lab-a')), 'cn=lab-a,ou=groups,dc=example,dc=org');
      const e = thrown(() => ldap.findDN('*'));
      assert.ok(e instanceof ApiUsageException);
      assert.equal(e.message, 'Cannot find unique user DistinguishedName: found=0');
    });

    it('discover and discoverGroups list local users and groups LDAP knows (not root, guest or system groups)', () => {
      const admin = root.getSession().getAdminService();
      const g = new ExperimenterGroupI();
      g.name = rstring('lab-b');
      g.ldap = rbool(false);
      admin.createGroup(g);
      const e = new ExperimenterI();
      e.omeName = rstring('bwayne');
      e.firstName = rstring('B');
      e.lastName = rstring('W');
      e.ldap = rbool(false);
      admin.createExperimenterWithPassword(e, rstring('bwayne-omero-password'), admin.lookupGroup('read-only-1'), [admin.lookupGroup('user')]);
      const ldap = root.getSession().getLdapService();
      assert.deepEqual(ldap.discover().map((u) => u.omeName!.val), ['bwayne']);
      assert.deepEqual(ldap.discoverGroups().map((x) => x.name!.val), ['lab-b']);
    });

    it('createUser makes the OMERO account: ldap=true, LDAP names, new_user_group groups, no password', () => {
      const admin = root.getSession().getAdminService();
      const created = root.getSession().getLdapService().createUser('jsmith');
      const uid = created.id!.val;
      assert.equal(created.ldap!.val, true);
      assert.deepEqual([created.omeName!.val, created.firstName!.val, created.lastName!.val, created.email!.val], ['jsmith', 'John', 'Smith', 'jsmith@example.org']);
      // lab-a is new (ldap, private); lab-b existed locally and is joined as it is.
      assert.deepEqual(groupNames(root, uid), ['lab-a', 'lab-b', 'user']);
      const labA = admin.lookupGroup('lab-a');
      assert.equal(labA.ldap!.val, true);
      assert.equal(labA.details.permissions!.toString(), 'rw----');
      assert.equal(admin.lookupGroup('lab-b').ldap!.val, false);
      assert.equal(admin.lookupLdapAuthExperimenter(uid), LDAP_USERS.jsmith.dn);
      const again = thrown(() => root.getSession().getLdapService().createUser('jsmith'));
      assert.ok(again instanceof ValidationException);
      assert.equal(again.message, 'User already exists: jsmith');
      assert.ok(thrown(() => root.getSession().getLdapService().createUser('blocked')) instanceof ApiUsageException);
      assert.equal(admin.lookupLdapAuthExperimenter(admin.lookupExperimenter('user-2')), null);
    });

    it('an LDAP user logs in with the LDAP password; refusals read as a wrong password does', () => {
      const jsmith = fx.login('jsmith', LDAP_USERS.jsmith.password);
      const ec = jsmith.getSession().getAdminService().getEventContext();
      assert.equal(ec.userName, 'jsmith');
      assert.equal(ec.groupName, 'lab-a');
      assert.equal(ec.isAdmin, false);
      assertDenied(fx, 'jsmith', LDAP_USERS.jdoe.password);
      assertDenied(fx, 'nobody', LDAP_USERS.jsmith.password);
      // Filtered out by user_filter, though its LDAP password is right.
      assertDenied(fx, 'blocked', LDAP_USERS.blocked.password);
      // An LDAP user cannot change its password in OMERO.
      const e = thrown(() => jsmith.getSession().getAdminService().changePassword('new-omero-password'));
      assert.match(e.message, /LDAP/);
    });

    it('a first login of an LDAP user unknown to OMERO creates the account; the LDAP group "system" does not make it an admin', () => {
      const jdoe = fx.login('jdoe', LDAP_USERS.jdoe.password);
      const ec = jdoe.getSession().getAdminService().getEventContext();
      assert.equal(ec.isAdmin, false);
      assert.deepEqual(groupNames(root, ec.userId), ['lab-a', 'user']);
      assert.equal(root.getSession().getAdminService().getExperimenter(ec.userId).ldap!.val, true);
    });

    it('setdn through IUpdate: an ldap=true user logs in with the LDAP password only; false restores the OMERO password', () => {
      const update = root.getSession().getUpdateService();
      const admin = root.getSession().getAdminService();
      const flag = (on: boolean) => {
        const u = admin.lookupExperimenter('bwayne');
        u.ldap = rbool(on);
        update.saveObject(u);
      };
      fx.login('bwayne', 'bwayne-omero-password');
      flag(true);
      assertDenied(fx, 'bwayne', 'bwayne-omero-password');
      fx.login('bwayne', LDAP_USERS.bwayne.password);
      assert.deepEqual(root.getSession().getLdapService().discover(), []);
      // In id order: bwayne was created (locally) first.
      const list = root.getSession().getAdminService().lookupLdapAuthExperimenters();
      assert.deepEqual(list.map((x) => x.dn), [LDAP_USERS.bwayne.dn, LDAP_USERS.jsmith.dn, LDAP_USERS.jdoe.dn]);
      // Any user may ask, but a DN names the login: hidden unless user-2 may see the user (2019-SV3).
      const masked = fx.login('user-2').getSession().getAdminService().lookupLdapAuthExperimenters();
      assert.deepEqual(masked.map((x) => x.dn), [LDAP_USERS.bwayne.dn, '<hidden>', '<hidden>']);
      assert.deepEqual(masked.map((x) => x.experimenter_id), list.map((x) => x.experimenter_id));
      flag(false);
      fx.login('bwayne', 'bwayne-omero-password');
      assertDenied(fx, 'bwayne', LDAP_USERS.bwayne.password);
    });

    it('local users still log in with their OMERO password', () => {
      fx.login('user-2', PASSWORDS['user-2']);
      assertDenied(fx, 'user-2', 'wrong');
    });

    it('failed LDAP logins are throttled like any other', () => {
      for (let i = 0; i < 4; i++) {
        try {
          fx.login('jdoe', 'wrong-password');
        } catch {
          /* refused or throttled */
        }
      }
      const e = thrown(() => fx.login('jdoe', LDAP_USERS.jdoe.password));
      assert.ok(e instanceof SecurityViolation, `${e.name}: ${e.message}`);
      assert.match(e.message, /^Too many failed logins for 'jdoe'; try again in \d+ s$/);
    });
  });

  describe(`LDAP off (${engine})`, { skip: SKIP }, () => {
    let fx: EngineFixture;
    before(async () => {
      fx = await openEngine(engine, { example: true, env: { ...slapd.env, OMERO_LDAP_CONFIG: 'false' } });
    });
    after(() => fx?.close());

    it('getSetting is false; the other calls say LDAP is not enabled', () => {
      const root = fx.login();
      const ldap = root.getSession().getLdapService();
      assert.equal(ldap.getSetting(), false);
      for (const call of [() => ldap.findDN('jsmith'), () => ldap.createUser('jsmith'), () => ldap.discover()]) {
        const e = thrown(call);
        assert.ok(e instanceof ApiUsageException);
        assert.match(e.message, /^LDAP is not enabled on this server \(omero\.ldap\.config=false/);
      }
      assert.deepEqual(root.getSession().getAdminService().lookupLdapAuthExperimenters(), []);
    });

    it('no login goes to LDAP: an ldap=true user is checked against its OMERO password', () => {
      const root = fx.login();
      const admin = root.getSession().getAdminService();
      const u = admin.lookupExperimenter('user-3');
      u.ldap = rbool(true);
      root.getSession().getUpdateService().saveObject(u);
      fx.login('user-3', PASSWORDS['user-3']);
      assertDenied(fx, 'jsmith', LDAP_USERS.jsmith.password);
      assert.match(thrown(() => admin.lookupLdapAuthExperimenters()).message, /^LDAP is not enabled/);
    });
  });

  describe(`LDAP with sync_on_login (${engine})`, { skip: SKIP }, () => {
    let fx: EngineFixture;
    before(async () => {
      fx = await openEngine(engine, { example: true, env: { ...slapd.env, OMERO_LDAP_SYNC_ON_LOGIN: 'true' } });
    });
    after(() => fx?.close());

    it('each login restores the LDAP groups and names, and keeps the local groups', () => {
      const root = fx.login();
      const admin = root.getSession().getAdminService();
      const uid = fx.login('jsmith', LDAP_USERS.jsmith.password).getSession().getAdminService().getEventContext().userId;
      assert.deepEqual(groupNames(root, uid), ['lab-a', 'lab-b', 'user']);
      const readOnly = admin.lookupGroup('read-only-1');
      admin.addGroups(uid, [readOnly]);
      admin.removeGroups(uid, [admin.lookupGroup('lab-b')]);
      const u = admin.getExperimenter(uid);
      u.firstName = rstring('Johnny');
      admin.updateExperimenter(u);
      fx.login('jsmith', LDAP_USERS.jsmith.password);
      assert.deepEqual(groupNames(root, uid).sort(), ['lab-a', 'lab-b', 'read-only-1', 'user']);
      assert.equal(admin.getExperimenter(uid).firstName!.val, 'John');
    });
  });
}
