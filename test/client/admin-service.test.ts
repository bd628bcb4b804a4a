import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  ApiUsageException,
  ExperimenterGroupI,
  ExperimenterI,
  PermissionDeniedException,
  PermissionsI,
  RemovedSessionException,
  SecurityViolation,
  ValidationException,
  rbool,
  rstring,
} from '../../src/model/index.js';
import { OmeroClient } from '../../src/client/omero-client.js';
import { ENGINES } from '../helpers/test-database.js';
import { openEngine, type EngineFixture } from '../helpers/engine-client.js';

function newUser(name: string): ExperimenterI {
  const e = new ExperimenterI();
  e.omeName = rstring(name);
  e.firstName = rstring('First');
  e.lastName = rstring('Last');
  e.ldap = rbool(false);
  return e;
}

function newGroup(name: string, perms?: string): ExperimenterGroupI {
  const g = new ExperimenterGroupI();
  g.name = rstring(name);
  g.ldap = rbool(false);
  if (perms) g.details.permissions = new PermissionsI(perms);
  return g;
}

for (const engine of ENGINES) {
  describe(`IAdmin through the blocking client (${engine})`, () => {
    let fx: EngineFixture;
    before(async () => {
      fx = await openEngine(engine, { example: true });
    });
    after(async () => {
      await fx.close();
    });

    it("gives user-2 the seed's EventContext", () => {
      const client = fx.login('user-2');
      const admin = client.getSession().getAdminService();
      const ec = admin.getEventContext();
      const groups = ec.memberOfGroups.map((id: number) => admin.getGroup(id).name!.val);
      assert.deepEqual(groups, ['private-1', 'read-only-1', 'user']);
      assert.equal(ec.userName, 'user-2');
      assert.equal(ec.groupName, 'private-1');
      assert.equal(ec.groupId, admin.lookupGroup('private-1').id!.val);
      assert.equal(ec.isAdmin, false);
      assert.deepEqual(ec.leaderOfGroups, []);
      assert.deepEqual(ec.adminPrivileges, []);
      assert.equal(ec.groupPermissions!.getPerm1(), -120);
      assert.equal(ec.shareId, -1);
      assert.equal(ec.eventId, -1);
      assert.equal(ec.eventType, 'User');
      assert.equal(ec.sessionUuid, client.getSessionId());
      assert.equal(typeof ec.sessionId, 'number');
    });

    it('gives root a full admin EventContext', () => {
      const ec = fx.login().getSession().getAdminService().getEventContext();
      assert.equal(ec.isAdmin, true);
      assert.equal(ec.userId, 0);
      assert.equal(ec.groupName, 'system');
      assert.deepEqual(ec.memberOfGroups, [0, 1]);
      assert.deepEqual(ec.leaderOfGroups, [0]);
      assert.equal(ec.adminPrivileges.length, 15);
    });

    it('refuses a wrong password and an unknown user with the same message', () => {
      const c1 = new OmeroClient('localhost', fx.transport);
      const c2 = new OmeroClient('localhost', fx.transport);
      assert.throws(() => c1.createSession('user-2', 'wrong'), (e: unknown) => e instanceof PermissionDeniedException && /Password check failed for 'user-2'/.test((e as Error).message));
      assert.throws(() => c2.createSession('nobody-x', 'wrong'), (e: unknown) => e instanceof PermissionDeniedException && !/id=/.test((e as Error).message));
    });

    it('joins a session by key and refuses it after close', () => {
      const client = fx.login('user-3');
      const key = client.getSessionId();
      const other = new OmeroClient('localhost', fx.transport);
      const ec = other.joinSession(key).getAdminService().getEventContext();
      assert.equal(ec.userName, 'user-3');
      client.closeSession();
      assert.throws(() => other.getSession().getAdminService().getEventContext(), RemovedSessionException);
      assert.throws(() => new OmeroClient('localhost', fx.transport).joinSession('00000000-0000-4000-8000-000000000000'), RemovedSessionException);
    });

    it('looks up users and groups, with members loaded', () => {
      const admin = fx.login('user-2').getSession().getAdminService();
      const ro = admin.lookupGroup('read-only-1');
      const members = ro.linkedExperimenterList().map((e: ExperimenterI) => e.omeName!.val).sort();
      assert.deepEqual(members, ['user-2', 'user-3']);
      assert.equal(ro.details.permissions!.toString(), 'rwr---');
      const u3 = admin.lookupExperimenter('user-3');
      assert.equal(u3.omeName!.val, 'user-3');
      assert.equal(admin.getExperimenter(u3.id!.val as number).omeName!.val, 'user-3');
      assert.ok(admin.lookupExperimenters().length >= 4);
      assert.ok(admin.lookupGroups().some((g: ExperimenterGroupI) => g.name!.val === 'read-annotate-1'));
      assert.deepEqual(
        admin.containedExperimenters(ro.id!.val as number).map((e: ExperimenterI) => e.omeName!.val).sort(),
        ['user-2', 'user-3'],
      );
      assert.deepEqual(admin.containedGroups(u3.id!.val as number).map((g: ExperimenterGroupI) => g.name!.val), ['read-only-1', 'read-annotate-1', 'user']);
      assert.equal(admin.getDefaultGroup(u3.id!.val as number).name!.val, 'read-only-1');
      assert.deepEqual(admin.getLeaderOfGroupIds(u3.id!.val as number), []);
      assert.equal(admin.getMemberOfGroupIds(u3.id!.val as number).length, 3);
      assert.equal(admin.getSecurityRoles().rootName, 'root');
    });

    it('raises ApiUsageException for unknown users and groups', () => {
      const admin = fx.login('user-2').getSession().getAdminService();
      assert.throws(() => admin.lookupGroup('no-such-group'), (e: unknown) => e instanceof ApiUsageException && (e as Error).message === 'No such group: no-such-group');
      assert.throws(() => admin.lookupExperimenter('no-such-user'), (e: unknown) => e instanceof ApiUsageException && (e as Error).message === 'No such experimenter: no-such-user');
      assert.throws(() => admin.getGroup(987654), ApiUsageException);
    });

    it('masks users who share no readable group with the caller', () => {
      const root = fx.login().getSession().getAdminService();
      const lonely = root.createExperimenterWithPassword(newUser('lonely-1'), rstring('pw-lonely'), root.lookupGroup('read-write-1').id!.val as number, [1]);
      const admin = fx.login('user-2').getSession().getAdminService();
      const seen = admin.getExperimenter(lonely);
      assert.equal(seen.omeName!.val, '<hidden>');
      assert.equal(seen.email, null);
      assert.equal(admin.lookupExperimenter('user-3').omeName!.val, 'user-3');
    });

    it('lets only admins create groups and users, with OMERO validation', () => {
      const root = fx.login().getSession().getAdminService();
      const gid = root.createGroup(newGroup('admin-test-ro', 'rwr---'));
      assert.equal(root.getGroup(gid).details.permissions!.toString(), 'rwr---');
      const defaultPerms = root.createGroup(newGroup('admin-test-private'));
      assert.equal(root.getGroup(defaultPerms).details.permissions!.toString(), 'rw----');
      assert.throws(() => root.createGroup(newGroup('admin-test-ro')), ValidationException);
      assert.throws(() => root.createGroup(newGroup('bad-perms', 'r-x---')));
      assert.throws(() => root.createGroup(newGroup('no-user-read', '--r---')), ApiUsageException);
      const user2 = fx.login('user-2').getSession().getAdminService();
      assert.throws(() => user2.createGroup(newGroup('sneaky')), SecurityViolation);
      assert.throws(() => user2.createExperimenter(newUser('sneaky'), gid, [1]), SecurityViolation);
      const uid = root.createUser(newUser('created-by-createUser'), 'admin-test-ro');
      assert.deepEqual(root.getMemberOfGroupIds(uid), [gid, 1]);
      assert.throws(() => root.createUser(newUser('created-by-createUser'), 'admin-test-ro'), ValidationException);
      const noName = new ExperimenterI();
      noName.firstName = rstring('x');
      noName.lastName = rstring('y');
      assert.throws(() => root.createExperimenter(noName, gid, [1]), ApiUsageException);
      assert.throws(() => root.createExperimenterWithPassword(newUser('empty-pw'), rstring(''), gid, [1]), SecurityViolation);
      assert.throws(() => root.lookupExperimenter('empty-pw'), ApiUsageException, 'nothing half-written');
    });

    it('adds and removes memberships, keeping the default group rules', () => {
      const root = fx.login().getSession().getAdminService();
      const a = root.createGroup(newGroup('memb-a', 'rwr---'));
      const b = root.createGroup(newGroup('memb-b', 'rwr---'));
      const uid = root.createExperimenterWithPassword(newUser('memb-user'), rstring('memb-pw'), a, [1]);
      root.addGroups(uid, [b]);
      assert.deepEqual(root.getMemberOfGroupIds(uid), [a, 1, b]);
      root.setDefaultGroup(uid, b);
      assert.deepEqual(root.getMemberOfGroupIds(uid), [b, 1, a]);
      assert.throws(() => root.setDefaultGroup(uid, 1), (e: unknown) => e instanceof ApiUsageException && /Cannot set default group to: user/.test((e as Error).message));
      assert.throws(() => root.addGroups(uid, []), (e: unknown) => e instanceof ValidationException && (e as Error).message === 'Nothing to do.');
      root.removeGroups(uid, [b]);
      assert.deepEqual(root.getMemberOfGroupIds(uid), [a, 1]);
      assert.throws(() => root.removeGroups(uid, [a]), ValidationException, "only the 'user' group left");
      assert.throws(() => root.removeGroups(0, [0]), ValidationException);
      const self = fx.login('memb-user', 'memb-pw').getSession().getAdminService();
      assert.throws(() => self.setDefaultGroup(0, 1), SecurityViolation);
      assert.throws(() => self.addGroups(uid, [b]), SecurityViolation);
    });

    it('lets group owners manage their group but not others', () => {
      const root = fx.login().getSession().getAdminService();
      const lab = root.createGroup(newGroup('pi-lab', 'rwr---'));
      const other = root.createGroup(newGroup('pi-other', 'rwr---'));
      const pi = root.createExperimenterWithPassword(newUser('pi-user'), rstring('pi-pw'), lab, [1]);
      const student = root.createExperimenterWithPassword(newUser('pi-student'), rstring('st-pw'), other, [1]);
      root.addGroupOwners(lab, [pi]);
      assert.deepEqual(root.getLeaderOfGroupIds(pi), [lab]);
      const piAdmin = fx.login('pi-user', 'pi-pw').getSession().getAdminService();
      piAdmin.addGroups(student, [lab]);
      assert.ok(root.getMemberOfGroupIds(student).includes(lab));
      assert.throws(() => piAdmin.addGroups(pi, [other]), SecurityViolation);
      root.removeGroupOwners(lab, [pi]);
      assert.deepEqual(root.getLeaderOfGroupIds(pi), []);
    });

    it('changes passwords with the HasPassword and privilege rules', () => {
      const root = fx.login().getSession().getAdminService();
      const g = root.lookupGroup('read-only-1').id!.val as number;
      root.createExperimenterWithPassword(newUser('pw-user'), rstring('first-pw'), g, [1]);
      const c = fx.login('pw-user', 'first-pw');
      c.getSession().getAdminService().changePassword(rstring('second-pw'));
      assert.throws(() => new OmeroClient('localhost', fx.transport).createSession('pw-user', 'first-pw'), PermissionDeniedException);
      const c2 = fx.login('pw-user', 'second-pw');
      assert.throws(() => c2.getSession().getAdminService().changePasswordWithOldPassword(rstring('bad'), rstring('x')), SecurityViolation);
      c2.getSession().getAdminService().changePasswordWithOldPassword(rstring('second-pw'), rstring('third-pw'));
      root.changeUserPassword('pw-user', rstring('fourth-pw'));
      // A password set by someone else ends the user's open sessions.
      assert.throws(() => c2.getSession().getAdminService().getEventContext(), RemovedSessionException);
      const c3 = fx.login('pw-user', 'fourth-pw');
      assert.throws(() => c3.getSession().getAdminService().changeUserPassword('root', rstring('x')), SecurityViolation);
    });

    it('updates users and groups; special names cannot change', () => {
      const root = fx.login().getSession().getAdminService();
      const u = root.lookupExperimenter('user-3');
      u.email = rstring('user3@example.org');
      root.updateExperimenter(u);
      assert.equal(root.lookupExperimenter('user-3').email!.val, 'user3@example.org');
      const rootUser = root.getExperimenter(0);
      rootUser.omeName = rstring('superuser');
      assert.throws(() => root.updateExperimenter(rootUser), ValidationException);
      const g = root.lookupGroup('read-write-1');
      g.description = rstring('a read-write group');
      root.updateGroup(g);
      assert.equal(root.lookupGroup('read-write-1').description!.val, 'a read-write group');
      const sys = root.getGroup(0);
      sys.name = rstring('admins');
      assert.throws(() => root.updateGroup(sys), ValidationException);
      const self = fx.login('user-3').getSession().getAdminService();
      const me = self.lookupExperimenter('user-3');
      me.institution = rstring('OME');
      self.updateSelf(me);
      assert.equal(root.lookupExperimenter('user-3').institution!.val, 'OME');
    });

    it('changes group permissions for owners and admins only', () => {
      const root = fx.login().getSession().getAdminService();
      const gid = root.createGroup(newGroup('chmod-legacy', 'rwr---'));
      root.changePermissions(root.getGroup(gid), new PermissionsI('rwra--'));
      assert.equal(root.getGroup(gid).details.permissions!.toString(), 'rwra--');
      const user2 = fx.login('user-2').getSession().getAdminService();
      assert.throws(() => user2.changePermissions(user2.getGroup(gid), new PermissionsI('rwrw--')), SecurityViolation);
    });

    it('switches the session group for members only, and refuses -1', () => {
      const client = fx.login('user-2');
      const sf = client.getSession();
      const admin = sf.getAdminService();
      const ro = admin.lookupGroup('read-only-1');
      const previous = sf.setSecurityContext(new ExperimenterGroupI(ro.id!.val as number, false));
      assert.equal(previous.id!.val, admin.lookupGroup('private-1').id!.val);
      assert.equal(admin.getEventContext().groupName, 'read-only-1');
      assert.throws(() => sf.setSecurityContext(admin.lookupGroup('read-write-1')), SecurityViolation);
      assert.throws(() => sf.setSecurityContext(new ExperimenterGroupI(-1, false)), ApiUsageException);
    });

    it('refuses a call context naming a group the caller is not in', () => {
      const admin = fx.login('user-2').getSession().getAdminService();
      const rw = admin.lookupGroup('read-write-1').id!.val as number;
      assert.throws(() => admin.getEventContext({ 'omero.group': String(rw) }), (e: unknown) => e instanceof SecurityViolation && /is not a member of group/.test((e as Error).message));
      assert.equal(admin.getEventContext({ 'omero.group': '-1' }).userName, 'user-2');
    });

    it('deactivated users (not in "user") cannot log in', () => {
      const root = fx.login().getSession().getAdminService();
      const g = root.lookupGroup('read-only-1').id!.val as number;
      const uid = root.createExperimenterWithPassword(newUser('leaver'), rstring('leaver-pw'), g, [1]);
      fx.login('leaver', 'leaver-pw');
      root.removeGroups(uid, [1]);
      assert.throws(() => fx.login('leaver', 'leaver-pw'), SecurityViolation);
    });
  });
}
