/**
 * The account layer as an attacker would try it (issue 11's review findings), against the real
 * engine through the blocking client:
 * - group owners lose identity and credential edits of existing users (OMERO 5.6.1); a group
 *   owner may only fill in a user it has just created;
 * - nobody edits the identity or credentials of a user holding privileges they lack, or root
 *   (2018-SV3); a member cannot be renamed to `ROOT`;
 * - every password check (login, setSecurityPassword, changePasswordWithOldPassword) is
 *   throttled per login and address, and the throttle locks nobody out from another address;
 * - `sessions who` shows only users the caller may see (2019-SV3);
 * - no error message quotes SQL; graph refusals name no object the caller cannot read.
 * Every refusal has a positive control: the same change made by someone allowed.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  ApiUsageException,
  ParametersI,
  PermissionDeniedException,
  SecurityViolation,
  ValidationException,
  rstring,
} from '../../src/model/index.js';
import { OmeroClient } from '../../src/client/omero-client.js';
import { openDatabase } from '../../src/server/db/open-database.js';
import { OmeroServer } from '../../src/server/omero-server.js';
import { newExperimenter, newProject } from '../helpers/data-helpers.js';
import { openEngine, type EngineFixture } from '../helpers/engine-client.js';
import { createTestDatabase, ENGINES, ROOT_PASSWORD, type TestDatabase } from '../helpers/test-database.js';

const person = (omeName: string) => newExperimenter(omeName, 'First', 'Last');

/** The error a call throws; fails when it does not throw. */
function refusal(call: () => unknown): Error {
  try {
    call();
  } catch (e) {
    return e as Error;
  }
  assert.fail('the call was not refused');
}

for (const engine of ENGINES) {
  describe(`account security (${engine})`, () => {
    let fx: EngineFixture;
    let root: OmeroClient;
    const ids: Record<string, number> = {};
    before(async () => {
      fx = await openEngine(engine, { example: true });
      root = fx.login();
      const admin = root.getSession().getAdminService();
      ids.lab = admin.lookupGroup('read-only-1').id!.val as number;
      ids.other = admin.lookupGroup('read-annotate-1').id!.val as number;
      ids.pi = admin.createExperimenterWithPassword(person('pi'), rstring('pi-password'), ids.lab, [1]);
      admin.setGroupOwner(ids.lab, ids.pi);
      ids.member = admin.lookupExperimenter('user-3').id!.val as number;
      ids.fullAdmin = admin.createExperimenterWithPassword(person('full-admin'), rstring('full-password'), 0, [1]);
      ids.userAdmin = admin.createRestrictedSystemUserWithPassword(person('user-admin'), ['ModifyUser', 'ModifyGroupMembership'], rstring('ua-password'));
    });
    after(async () => {
      await fx.close();
    });

    describe('identity and credential edits: owner vs member vs admin', () => {
      it('a group owner cannot rename or re-email an existing member, nor set their password', () => {
        const pi = fx.login('pi', 'pi-password').getSession().getAdminService();
        const e = pi.getExperimenter(ids.member);
        e.email = rstring('owned@example.org');
        assert.ok(refusal(() => pi.updateExperimenter(e)) instanceof SecurityViolation);
        assert.ok(refusal(() => pi.changeUserPassword('user-3', rstring('pwned-by-pi'))) instanceof SecurityViolation);
        // Nothing changed, and user-3 still logs in with the old password.
        assert.notEqual(root.getSession().getAdminService().getExperimenter(ids.member).email?.val, 'owned@example.org');
        fx.login('user-3', 'user-3-password').closeSession();
      });

      it('a group owner who adds root or an admin to their group still cannot edit them', () => {
        const pi = fx.login('pi', 'pi-password').getSession().getAdminService();
        pi.addGroups(0, [ids.lab]);
        pi.addGroups(ids.fullAdmin, [ids.lab]);
        for (const target of [0, ids.fullAdmin]) {
          const e = pi.getExperimenter(target);
          e.omeName = rstring(`taken-${target}`);
          assert.ok(refusal(() => pi.updateExperimenter(e)) instanceof SecurityViolation);
        }
        assert.ok(refusal(() => pi.changeUserPassword('full-admin', rstring('x-pw'))) instanceof SecurityViolation);
        assert.equal(root.getSession().getAdminService().getExperimenter(0).omeName!.val, 'root');
        root.getSession().getAdminService().removeGroups(ids.fullAdmin, [ids.lab]);
      });

      it('a group owner may fill in a user it has just created, until that user logs in', () => {
        const piClient = fx.login('pi', 'pi-password');
        const pi = piClient.getSession().getAdminService();
        const uid = pi.createExperimenter(person('new-student'), ids.lab, [1]);
        const e = pi.getExperimenter(uid);
        e.email = rstring('student@example.org');
        pi.updateExperimenter(e);
        pi.changeUserPassword('new-student', rstring('student-password'));
        fx.login('new-student', 'student-password').closeSession();
        // Logged in once: no longer "just created".
        assert.ok(refusal(() => pi.changeUserPassword('new-student', rstring('other-password'))) instanceof SecurityViolation);
        // Nor from another session of the same owner.
        const again = fx.login('pi', 'pi-password').getSession().getAdminService();
        const fresh = again.createExperimenter(person('fresh-student'), ids.lab, [1]);
        assert.ok(refusal(() => pi.changeUserPassword('fresh-student', rstring('p-w-d'))) instanceof SecurityViolation);
        again.changeUserPassword('fresh-student', rstring('fresh-password'));
        assert.equal(again.getExperimenter(fresh).omeName!.val, 'fresh-student');
      });

      it('a member edits only themselves', () => {
        const member = fx.login('user-2').getSession().getAdminService();
        const other = member.getExperimenter(ids.member);
        other.firstName = rstring('Mallory');
        assert.ok(refusal(() => member.updateExperimenter(other)) instanceof SecurityViolation);
        const self = member.getExperimenter(member.getEventContext().userId);
        self.institution = rstring('Somewhere');
        member.updateExperimenter(self);
        assert.equal(member.getExperimenter(self.id!.val).institution!.val, 'Somewhere');
      });

      it('a restricted admin with ModifyUser edits plain users but not full admins or root (2018-SV3)', () => {
        const ua = fx.login('user-admin', 'ua-password').getSession().getAdminService();
        const plain = ua.getExperimenter(ids.member);
        plain.middleName = rstring('M');
        ua.updateExperimenter(plain);
        for (const target of [0, ids.fullAdmin]) {
          const e = ua.getExperimenter(target);
          e.email = rstring('takeover@example.org');
          assert.match(refusal(() => ua.updateExperimenter(e)).message, /root|more privileged/);
        }
        assert.ok(refusal(() => ua.changeUserPassword('full-admin', rstring('takeover'))) instanceof SecurityViolation);
        assert.ok(refusal(() => ua.changeUserPassword('root', rstring('takeover'))) instanceof SecurityViolation);
        fx.login('full-admin', 'full-password').closeSession();
        // Control: a full admin may edit the full admin; only root edits root.
        const full = fx.login('full-admin', 'full-password').getSession().getAdminService();
        assert.match(refusal(() => full.changeUserPassword('root', rstring('takeover'))).message, /Only root/);
        full.changeUserPassword('user-admin', rstring('ua-password-2'));
        full.changeUserPassword('user-admin', rstring('ua-password'));
      });

      it('nobody renames a user to ROOT, Guest or a name that differs from another only by case', () => {
        const admin = root.getSession().getAdminService();
        for (const name of ['ROOT', 'Root', 'GUEST', 'USER-2']) {
          const e = admin.getExperimenter(ids.member);
          e.omeName = rstring(name);
          const err = refusal(() => admin.updateExperimenter(e));
          assert.ok(err instanceof ValidationException, `${name}: ${err.name} ${err.message}`);
          const viaUpdate = refusal(() => root.getSession().getUpdateService().saveObject(e));
          assert.ok(viaUpdate instanceof ValidationException, `${name} via IUpdate: ${viaUpdate.name} ${viaUpdate.message}`);
          assert.ok(refusal(() => admin.createExperimenter(person(name), ids.lab, [1])) instanceof ValidationException);
        }
        assert.equal(admin.getExperimenter(ids.member).omeName!.val, 'user-3');
      });
    });

    describe('password checks are throttled per login and address', () => {
      it('setSecurityPassword backs off after three wrong passwords', () => {
        // A user of its own: the throttle it provokes must not slow down the other tests' logins.
        root.getSession().getAdminService().createExperimenterWithPassword(person('sec-guesser'), rstring('sec-password'), ids.lab, [1]);
        const sf = fx.login('sec-guesser', 'sec-password').getSession();
        for (let i = 0; i < 3; i++) assert.match(refusal(() => sf.setSecurityPassword('wrong')).message, /^Bad password for sec-guesser$/);
        assert.match(refusal(() => sf.setSecurityPassword('sec-password')).message, /^Too many failed logins for 'sec-guesser'; try again in \d+ s$/);
      });

      it('changePasswordWithOldPassword is throttled too, and a wrong old password changes nothing', () => {
        const admin = root.getSession().getAdminService();
        admin.createExperimenterWithPassword(person('guesser'), rstring('guesser-password'), ids.lab, [1]);
        const svc = fx.login('guesser', 'guesser-password').getSession().getAdminService();
        for (let i = 0; i < 3; i++) assert.ok(refusal(() => svc.changePasswordWithOldPassword(rstring(`guess-${i}`), rstring('new-pw'))) instanceof SecurityViolation);
        assert.match(refusal(() => svc.changePasswordWithOldPassword(rstring('guesser-password'), rstring('new-pw'))).message, /Too many failed/);
        // Nothing changed: a changed password would have ended this session.
        assert.equal(svc.getEventContext().userName, 'guesser');
      });
    });

    describe('error messages never quote SQL', () => {
      // SQL as the server writes it: placeholders, casts, quoted aliases, lower-case table names.
      const noSql = (e: Error) => assert.doesNotMatch(e.message, /\$\d|::|"[a-z_]+"\.|from (experimenter|project|session)\b|insert into|coalesce\(/, e.message);

      it('an omero.group of twenty digits is no such group, not a SQL error', () => {
        const q = fx.login('user-2').getSession().getQueryService();
        const err = refusal(() => q.findAllByQuery('select p from Project p', null, { 'omero.group': '99999999999999999999' }));
        assert.ok(err instanceof SecurityViolation, `${err.name}: ${err.message}`);
        noSql(err);
        const admin = root.getSession().getQueryService();
        const asAdmin = refusal(() => admin.findAllByQuery('select p from Project p', null, { 'omero.group': '99999999999999999999' }));
        assert.match(asAdmin.message, /No such group/);
      });

      it('a NUL byte in a name or a parameter: a clear refusal with an error id', () => {
        const client = fx.login('user-2');
        const err = refusal(() => client.getSession().getUpdateService().saveObject(newProject('bad\u0000name')));
        assert.ok(err instanceof ApiUsageException, `${err.name}: ${err.message}`);
        assert.match(err.message, /NUL bytes.*error id [0-9a-f]{8}/);
        noSql(err);
        const param = refusal(() => client.getSession().getQueryService().findAllByQuery('select p from Project p where p.name = :n', new ParametersI().add('n', rstring('a\u0000b'))));
        noSql(param);
        const user = refusal(() => root.getSession().getAdminService().createExperimenter(person('nul\u0000user'), ids.lab, [1]));
        noSql(user);
      });

      it('functions over masked columns: refused without SQL', () => {
        const q = fx.login('user-2').getSession().getQueryService();
        for (const hql of ['select sum(e.firstName) from Experimenter e', 'select avg(e.omeName) from Experimenter e']) {
          const err = refusal(() => q.projection(hql, null));
          noSql(err);
        }
      });
    });

    describe('sessions who (2019-SV3)', () => {
      it('lists only sessions of users the caller may see; admins see all', () => {
        const hidden = root.getSession().getAdminService().createExperimenterWithPassword(person('hidden-person'), rstring('hidden-password'), ids.other, [1]);
        const h = fx.login('hidden-person', 'hidden-password');
        const names = (c: OmeroClient) => c.getSession().getSessionService().getCurrentSessions().map((r) => r.userName);
        // user-2 shares no readable group with hidden-person (read-annotate-1 holds user-3 only).
        assert.ok(!names(fx.login('user-2')).includes('hidden-person'));
        assert.ok(names(root).includes('hidden-person'));
        assert.ok(names(h).includes('hidden-person'));
        assert.ok(hidden > 0);
      });
    });
  });

  describe(`login throttle by address (${engine})`, () => {
    let db: TestDatabase;
    let server: OmeroServer;
    before(async () => {
      db = await createTestDatabase(engine);
      server = OmeroServer.fromDatabase(await openDatabase(db.config));
    });
    after(async () => {
      await server.close();
      await db.drop();
    });

    it('failures from one address lock nobody out from another', async () => {
      for (let i = 0; i < 3; i++) {
        await assert.rejects(server.sessions.createSession('root', 'wrong', { address: '10.0.0.66' }), PermissionDeniedException);
      }
      await assert.rejects(server.sessions.createSession('root', ROOT_PASSWORD, { address: '10.0.0.66' }), /Too many failed logins/);
      // An attacker holding the throttle at its maximum changes nothing for root elsewhere.
      await server.db.knex('login_failure').where({ omename: 'root', address: '10.0.0.66' }).update({ failures: 50, last_failure: new Date() });
      assert.equal((await server.sessions.createSession('root', ROOT_PASSWORD, { address: '10.0.0.1' })).userName, 'root');
      assert.equal((await server.sessions.createSession('root', ROOT_PASSWORD)).userName, 'root');
      await assert.rejects(server.sessions.createSession('root', ROOT_PASSWORD, { address: '10.0.0.66' }), /Too many failed logins/);
    });

    it('setSecurityPassword counts per address and answers again once the window has passed', async () => {
      const s = await server.sessions.createSession('root', ROOT_PASSWORD);
      const check = (password: string, address: string) => server.invoke(s.key, 'ServiceFactory', 'setSecurityPassword', [password], {}, { address });
      for (let i = 0; i < 3; i++) await assert.rejects(check('wrong', '10.0.0.9'), /^SecurityViolation|Bad password/);
      await assert.rejects(check(ROOT_PASSWORD, '10.0.0.9'), /Too many failed logins/);
      await check(ROOT_PASSWORD, '10.0.0.10');
      // The window passes: set in the database rather than waited for.
      await server.db.knex('login_failure').where({ address: '10.0.0.9' }).update({ last_failure: new Date(Date.now() - 3_600_000) });
      await check(ROOT_PASSWORD, '10.0.0.9');
    });

    it('the address comes from the transport, not from the request', async () => {
      const reply = await server.handle({ op: 'login', username: 'nobody', password: 'x' }, { address: '192.0.2.7' });
      assert.equal(reply.ok, false);
      const rows = await server.db.knex('login_failure').where({ omename: 'nobody' });
      assert.deepEqual(rows.map((r) => r.address), ['192.0.2.7']);
    });
  });
}
