import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { AdminServicePrx, ImportRowResult, UserImportRow } from '../../../../src/client/services/admin-service-prx.js';
import { hashPassword } from '../../../../src/server/auth/password-hash.js';
import { changedTables, dumpDatabaseAt, type DatabaseDump } from '../../../helpers/db-dump.js';
import { openEngine, type EngineFixture } from '../../../helpers/engine-client.js';
import { ENGINES } from '../../../helpers/test-database.js';

/** The report without ids (a dry run cannot know the ids of users it did not create). */
const shape = (results: ImportRowResult[]) => results.map((r) => `${r.line} ${r.name} ${r.status} ${r.details}`);
const statuses = (results: ImportRowResult[]) => results.map((r) => `${r.name}:${r.status}`);

// IAdmin.importExperimenters / importGroups through the blocking client: every kind of row,
// re-import, dry run against a dump, --atomic, the caller's privileges.
for (const engine of ENGINES) {
  describe(`IAdmin.importExperimenters (${engine})`, () => {
    let fx: EngineFixture;
    let admin: AdminServicePrx;
    /**
     * PostgreSQL: every row of every table. The embedded database lives inside the server thread,
     * so there: every user's fields, memberships in order, ownerships and privileges, and every group.
     */
    const dump = async (): Promise<DatabaseDump> => {
      if (fx.engine === 'postgres') return dumpDatabaseAt(fx.db.config, ['session', 'login_failure']);
      const users = admin.lookupExperimenters().map((u) => JSON.stringify([
        u.omeName?.val, u.firstName?.val, u.lastName?.val, u.middleName?.val, u.email?.val, u.institution?.val,
        admin.getMemberOfGroupIds(u.id!.val), admin.getLeaderOfGroupIds(u.id!.val), admin.getAdminPrivileges(u.id!.val),
      ]));
      const groups = admin.lookupGroups().map((g) => JSON.stringify([g.name?.val, String(g.details.permissions), g.description?.val]));
      return { users, groups };
    };
    let rows: UserImportRow[];

    before(async () => {
      fx = await openEngine(engine, { example: true });
      admin = fx.login().getSession().getAdminService();
      const hash = await hashPassword('hashed-pw');
      rows = [
        { line: 2, login: 'ann', first: 'Ann', last: 'A', email: 'ann@example.org', groups: ['read-only-1', 'private-1'], password: 'ann-pw' },
        { line: 3, login: 'bob', first: 'Bob', last: 'B', groups: ['read-only-1'], ownerOf: ['read-write-1'], passwordHash: hash },
        { line: 4, login: 'cy', first: 'Cy', last: 'C', groups: ['read-only-1'], active: false },
        { line: 5, login: 'dee', first: 'Dee', last: 'D', groups: ['read-only-1'], admin: true, privileges: ['ModifyUser', 'ModifyGroupMembership'] },
        { line: 6, login: 'eve', first: 'Eve', last: 'E', groups: ['no-such-group'] },
        { line: 7, login: 'fay', first: 'Fay', last: 'F', groups: ['read-only-1'], email: 'not an email' },
        { line: 8, login: 'gus', first: 'Gus', last: 'G', groups: ['read-only-1'], password: 'x', passwordHash: hash },
        { line: 9, login: 'hal', first: 'Hal', last: 'H', groups: ['read-only-1'], privileges: ['Sudo'] },
        { line: 10, login: 'ivy', groups: ['read-only-1'] },
        { line: 11, login: 'user-2', email: 'two@example.org', groups: ['read-only-1', 'read-annotate-1'], password: 'ignored' },
        { line: 12, login: 'user-3', first: 'User' },
      ];
    });
    after(() => fx?.close());

    it('a dry run reports what the real run then does, and changes nothing', async () => {
      const before = await dump();
      const dry = admin.importExperimenters(rows, { dryRun: true });
      assert.deepEqual(changedTables(before, await dump()), []);
      assert.ok(dry.filter((r) => r.status === 'created').every((r) => r.id === null));
      const real = admin.importExperimenters(rows);
      assert.deepEqual(shape(dry), shape(real));
      assert.deepEqual(statuses(real), [
        'ann:created', 'bob:created', 'cy:created', 'dee:created', 'eve:failed', 'fay:failed', 'gus:failed', 'hal:failed',
        'ivy:failed', 'user-2:updated', 'user-3:unchanged',
      ]);
      const byName = new Map(real.map((r) => [r.name, r]));
      assert.match(byName.get('eve')!.details, /unknown group: no-such-group/);
      assert.match(byName.get('fay')!.details, /invalid email address/);
      assert.match(byName.get('gus')!.details, /either a password or a password hash/);
      assert.match(byName.get('hal')!.details, /not an admin/);
      assert.match(byName.get('ivy')!.details, /first and a last name/);
      assert.match(byName.get('user-2')!.details, /^email; \+read-annotate-1; -private-1; default read-only-1; password not changed/);
    });

    it('the audit log has one entry per created or changed row, none for the dry run, no password', () => {
      const log = admin.getAuditLog({ user: null }).filter((e) => e.action === 'importExperimenters');
      assert.deepEqual(log.map((e) => `${e.target!.split(' ')[1]}:${Object.keys(e.after as object)[0]}`).sort(), ['ann:created', 'bob:created', 'cy:created', 'dee:created', 'user-2:updated']);
      assert.ok(log.every((e) => e.actor === 'root' && e.outcome === 'done'));
      assert.doesNotMatch(JSON.stringify(log), /ann-pw|hashed-pw|\$scrypt/);
    });

    it('created users are as the rows say: groups, default, owner, active, admin privileges, passwords', () => {
      const ann = admin.lookupExperimenter('ann');
      assert.deepEqual(admin.containedGroups(ann.id!.val).map((g) => g.name!.val), ['read-only-1', 'private-1', 'user']);
      const bob = admin.lookupExperimenter('bob');
      assert.deepEqual(admin.getLeaderOfGroupIds(bob.id!.val), [admin.lookupGroup('read-write-1').id!.val]);
      const cy = admin.lookupExperimenter('cy');
      assert.deepEqual(admin.containedGroups(cy.id!.val).map((g) => g.name!.val), ['read-only-1']);
      const dee = admin.lookupExperimenter('dee');
      assert.deepEqual(admin.getAdminPrivileges(dee.id!.val).sort(), ['ModifyGroupMembership', 'ModifyUser']);
      for (const [login, password] of [['ann', 'ann-pw'], ['bob', 'hashed-pw']]) {
        const c = fx.login(login, password);
        assert.equal(c.getSession().getAdminService().getEventContext().userName, login);
      }
    });

    it('re-importing the same rows changes nothing', async () => {
      const before = await dump();
      const again = admin.importExperimenters(rows);
      assert.deepEqual(changedTables(before, await dump()), []);
      assert.ok(again.every((r) => r.status === 'unchanged' || r.status === 'failed'), statuses(again).join(' '));
    });

    it('--add-only keeps other memberships; --no-update leaves existing users alone', () => {
      const r1 = admin.importExperimenters([{ line: 2, login: 'ann', groups: ['read-annotate-1'] }], { addOnly: true });
      assert.equal(r1[0]!.status, 'updated');
      const ann = admin.lookupExperimenter('ann');
      assert.deepEqual(admin.containedGroups(ann.id!.val).map((g) => g.name!.val).sort(), ['private-1', 'read-annotate-1', 'read-only-1', 'user']);
      const r2 = admin.importExperimenters([{ line: 2, login: 'ann', groups: ['private-1'] }], { noUpdate: true });
      assert.deepEqual(statuses(r2), ['ann:unchanged']);
      assert.equal(admin.containedGroups(ann.id!.val).length, 4);
    });

    it('--atomic writes nothing when one row fails, and everything otherwise', async () => {
      const before = await dump();
      const bad = admin.importExperimenters(
        [{ line: 2, login: 'jo', first: 'J', last: 'O', groups: ['private-1'] }, { line: 3, login: 'kim', first: 'K', last: 'I', groups: ['nope'] }],
        { atomic: true },
      );
      assert.deepEqual(statuses(bad), ['jo:unchanged', 'kim:failed']);
      assert.match(bad[0]!.details, /not written \(--atomic, 1 row\(s\) failed\); would be created/);
      assert.deepEqual(changedTables(before, await dump()), []);
      const good = admin.importExperimenters([{ line: 2, login: 'jo', first: 'J', last: 'O', groups: ['new-lab'] }], { atomic: true, createGroups: true });
      assert.deepEqual(statuses(good), ['jo:created']);
      assert.match(good[0]!.details, /^created group new-lab; member of new-lab, user/);
    });

    it('runs with the caller\'s privileges: a group owner manages its own group only', () => {
      admin.importExperimenters([{ line: 2, login: 'pi', first: 'P', last: 'I', groups: ['read-write-1'], ownerOf: ['read-write-1'], password: 'pi-pw' }]);
      const pi = fx.login('pi', 'pi-pw').getSession().getAdminService();
      const r = pi.importExperimenters([
        { line: 2, login: 'student', first: 'S', last: 'T', groups: ['read-write-1'] },
        { line: 3, login: 'outsider', first: 'O', last: 'U', groups: ['private-1'] },
        { line: 4, login: 'sneaky', first: 'S', last: 'N', groups: ['read-write-1'], admin: true },
      ]);
      assert.deepEqual(statuses(r), ['student:created', 'outsider:failed', 'sneaky:failed']);
      assert.match(r[1]!.details, /^SecurityViolation: Creating users requires an administrator or an owner/);
      assert.match(r[2]!.details, /^SecurityViolation/);
    });

    it('a restricted admin with only ModifyGroupMembership changes memberships and nothing else', () => {
      const made = admin.importExperimenters([
        { line: 2, login: 'lia', first: 'L', last: 'A', groups: ['read-only-1'], admin: true, privileges: ['ModifyGroupMembership'], password: 'lia-pw' },
      ]);
      assert.deepEqual(statuses(made), ['lia:created']);
      const lia = fx.login('lia', 'lia-pw').getSession().getAdminService();
      assert.deepEqual(lia.getCurrentAdminPrivileges(), ['ModifyGroupMembership']);
      const r = lia.importExperimenters([
        { line: 2, login: 'bob', groups: ['read-only-1', 'read-annotate-1'] },
        { line: 3, login: 'newbie', first: 'N', last: 'B', groups: ['read-only-1'] },
        { line: 4, login: 'cy', email: 'cy@example.org' },
        { line: 5, login: 'cy', groups: ['read-only-1', 'private-1'], admin: true },
        { line: 6, login: 'bob', groups: ['read-only-1'] },
      ]);
      assert.deepEqual(statuses(r), ['bob:updated', 'newbie:failed', 'cy:failed', 'cy:failed', 'bob:failed']);
      assert.match(r[0]!.details, /^\+read-annotate-1$/);
      assert.equal(r[1]!.details, 'SecurityViolation: Admin restrictions: ModifyUser');
      assert.equal(r[2]!.details, 'SecurityViolation: Admin restrictions: ModifyUser');
      assert.equal(r[3]!.details, 'ApiUsageException: duplicate login in this call: cy');
      assert.equal(r[4]!.details, 'ApiUsageException: duplicate login in this call: bob');
    });

    it('imports groups: created, updated, unchanged, refused', () => {
      const rows = [
        { line: 2, name: 'course-a', permissions: 'rwr---', owners: ['pi'] },
        { line: 3, name: 'read-only-1', permissions: 'rwra--' },
        { line: 4, name: 'private-1' },
        { line: 5, name: 'course-b', owners: ['nobody'] },
        { line: 6, name: 'course-c', permissions: '-w----' },
      ];
      const r = admin.importGroups(rows);
      assert.deepEqual(statuses(r), ['course-a:created', 'read-only-1:updated', 'private-1:unchanged', 'course-b:failed', 'course-c:failed']);
      assert.match(r[1]!.details, /permissions rwr--- → rwra--/);
      assert.equal(String(admin.lookupGroup('course-a').details.permissions), 'rwr---');
      const again = admin.importGroups(rows.slice(0, 3));
      assert.deepEqual(statuses(again), ['course-a:unchanged', 'read-only-1:unchanged', 'private-1:unchanged']);
    });
  });
}
