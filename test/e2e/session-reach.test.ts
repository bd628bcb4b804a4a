/**
 * Issue 11's last two server gaps, through the real client: ReadSession (reference permissions
 * §2.2, §3.1) decides who reads other users' sessions — `getCurrentSessions` and Session rows in
 * HQL — and a group owner's sudo session reaches no further than the owner's groups (§5.4,
 * advisory 2019-SV6): no other group as `omero.group`, not even a world-readable one, and with
 * `omero.group=-1` nothing outside the owner's groups, for reads and for writes.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ADMIN_PRIVILEGES, ProjectI, rstring, SecurityViolation, type SessionI } from '../../src/model/index.js';
import type { CurrentSessionRow } from '../../src/contract/index.js';
import { OmeroClient } from '../../src/client/omero-client.js';
import { inGroup, newExperimenter, newGroup, newProject } from '../helpers/data-helpers.js';
import { openEngine, type EngineFixture } from '../helpers/engine-client.js';
import { ENGINES } from '../helpers/test-database.js';

const PW = 'reach-password';

for (const engine of ENGINES) {
  describe(`ReadSession and the reach of a group owner's sudo session (${engine})`, () => {
    let fx: EngineFixture;
    let root: OmeroClient;
    const g: Record<string, number> = {};
    const c: Record<string, OmeroClient> = {};
    const project: Record<string, number> = {};

    /** Creates a user with password PW in `groups` (the first is the default). */
    const user = (name: string, groups: number[]) =>
      root.getSession().getAdminService().createExperimenterWithPassword(newExperimenter(name), rstring(PW), groups[0]!, [...groups.slice(1), 1]);
    const save = (client: OmeroClient, name: string, group: number) =>
      client.getSession().getUpdateService().saveAndReturnObject(newProject(name), inGroup(group)).id!.val as number;
    const projectNames = (client: OmeroClient, group: number) =>
      client
        .getSession()
        .getQueryService()
        .findAllByQuery('select p from Project p', null, inGroup(group))
        .map((p) => (p as ProjectI).name!.val)
        .sort();
    /** The sessions `who` sees: user name → whether the session's details are shown. */
    const who = (client: OmeroClient) => {
      const rows: CurrentSessionRow[] = client.getSession().getSessionService().getCurrentSessions();
      return rows.map((r) => `${r.userName}:${r.session ? 'details' : 'names'}${'lastAccessTime' in r.data ? '+last' : ''}`);
    };
    const hqlSessionOwners = (client: OmeroClient) =>
      [...new Set(client.getSession().getQueryService().findAllByQuery('select s from Session s', null, inGroup(-1)).map((s) => (s as SessionI).owner!.id!.val as number))].sort((a, b) => a - b);

    before(async () => {
      fx = await openEngine(engine);
      root = fx.login();
      const admin = root.getSession().getAdminService();
      g.lab = admin.createGroup(newGroup('reach-lab', 'rwr---'));
      g.elsewhere = admin.createGroup(newGroup('reach-elsewhere', 'rwr---'));
      g.world = admin.createGroup(newGroup('reach-world', 'rwrwrw'));
      const pi = user('reach-pi', [g.lab]);
      admin.setGroupOwner(g.lab, pi);
      user('reach-student', [g.lab, g.elsewhere]);
      user('reach-outsider', [g.world]);
      const all = [...ADMIN_PRIVILEGES];
      admin.createRestrictedSystemUserWithPassword(newExperimenter('reach-rs-yes'), ['ReadSession'], rstring(PW));
      admin.createRestrictedSystemUserWithPassword(newExperimenter('reach-rs-no'), all.filter((p) => p !== 'ReadSession'), rstring(PW));
      for (const name of ['reach-pi', 'reach-student', 'reach-outsider', 'reach-rs-yes', 'reach-rs-no']) c[name] = fx.login(name, PW);
      project.lab = save(c['reach-student']!, 'student-lab', g.lab);
      project.elsewhere = save(c['reach-student']!, 'student-elsewhere', g.elsewhere);
      project.world = save(c['reach-outsider']!, 'outsider-world', g.world);
      c.sudo = new OmeroClient('localhost', fx.transport, { 'omero.sudo': 'reach-pi', 'omero.group': 'reach-lab' });
      c.sudo.createSession('reach-student', PW);
    });
    after(async () => {
      c.sudo?.closeSession();
      await fx?.close();
    });

    describe('ReadSession', () => {
      it('root (a full admin) sees every session with its details and last access', () => {
        const rows = who(root);
        for (const name of ['reach-pi', 'reach-student', 'reach-outsider', 'reach-rs-no']) assert.ok(rows.includes(`${name}:details+last`), `${name} in ${rows}`);
      });
      it('a restricted admin holding ReadSession sees them too', () => {
        const rows = who(c['reach-rs-yes']!);
        for (const name of ['root', 'reach-student', 'reach-rs-no']) assert.ok(rows.includes(`${name}:details+last`), `${name} in ${rows}`);
      });
      it('a restricted admin holding every other privilege sees only its own sessions', () => {
        const rows = who(c['reach-rs-no']!);
        assert.deepEqual([...new Set(rows)], ['reach-rs-no:details']);
      });
      it('a group owner sees its own sessions in full and only the names of others (as before)', () => {
        const rows = who(c['reach-pi']!);
        assert.ok(rows.includes('reach-pi:details'), String(rows));
        assert.ok(rows.includes('reach-student:names'), String(rows));
        assert.ok(rows.every((r) => !r.endsWith('+last')), String(rows));
      });
      it('a member sees the names of colleagues only, and nothing of users it may not see', () => {
        const rows = who(c['reach-student']!);
        assert.ok(rows.includes('reach-student:details'), String(rows));
        assert.ok(rows.includes('reach-pi:names'), String(rows));
        assert.ok(!rows.some((r) => r.startsWith('reach-outsider:') || r.startsWith('reach-rs-')), String(rows));
      });
      it('Session rows in HQL: all for ReadSession holders, own only for everyone else', () => {
        const ids = (name: string) => root.getSession().getAdminService().lookupExperimenter(name).id!.val as number;
        assert.ok(hqlSessionOwners(root).length >= 6);
        assert.ok(hqlSessionOwners(c['reach-rs-yes']!).includes(ids('reach-student')));
        assert.deepEqual(hqlSessionOwners(c['reach-rs-no']!), [ids('reach-rs-no')]);
        assert.deepEqual(hqlSessionOwners(c['reach-pi']!), [ids('reach-pi')]);
        assert.deepEqual(hqlSessionOwners(c['reach-student']!), [ids('reach-student')]);
      });
    });

    describe("a group owner's sudo session", () => {
      it('is the student’s, opened by the owner, in the owned group', () => {
        const ec = c.sudo!.getSession().getAdminService().getEventContext();
        assert.equal(ec.userName, 'reach-student');
        assert.equal(ec.sudoerName?.val, 'reach-pi');
      });
      it('reads and writes in the owned group', () => {
        assert.deepEqual(projectNames(c.sudo!, g.lab!), ['student-lab']);
        assert.ok(save(c.sudo!, 'sudo-lab', g.lab!) > 0);
      });
      it('may not name a world-readable group it does not own, for reads or writes (SecurityViolation)', () => {
        // Control: the student's own session may read and write there (the group is rwrwrw).
        assert.deepEqual(projectNames(c['reach-student']!, g.world!), ['outsider-world']);
        assert.ok(save(c['reach-student']!, 'student-world', g.world!) > 0);
        const refused = (e: unknown) => e instanceof SecurityViolation && /sudo session cannot use group/.test(e.message);
        assert.throws(() => projectNames(c.sudo!, g.world!), refused);
        assert.throws(() => save(c.sudo!, 'sudo-world', g.world!), refused);
        assert.throws(() => projectNames(c.sudo!, g.elsewhere!), refused);
        assert.throws(() => c.sudo!.getSession().setSecurityContext(g.world!), SecurityViolation);
      });
      it('with omero.group=-1 sees only what lies inside the owner’s groups', () => {
        const mine = projectNames(c['reach-student']!, -1);
        for (const name of ['student-lab', 'student-elsewhere', 'outsider-world']) assert.ok(mine.includes(name), `control: ${name} in ${mine}`);
        assert.deepEqual(projectNames(c.sudo!, -1), ['student-lab', 'sudo-lab']);
        const get = (id: number) => c.sudo!.getSession().getQueryService().find('Project', id, inGroup(-1));
        assert.equal(get(project.elsewhere!), null);
        assert.equal(get(project.world!), null);
      });
      it('with omero.group=-1 cannot change what lies outside the owner’s groups', () => {
        // Control: the student's own session edits the world-writable project with -1.
        const p = c['reach-student']!.getSession().getQueryService().get('Project', project.world!, inGroup(-1)) as ProjectI;
        p.name = rstring('outsider-world');
        c['reach-student']!.getSession().getUpdateService().saveObject(p, inGroup(-1));
        // The sudo session holds a copy of it (as a client might) and tries to rename it.
        const copy = new ProjectI(project.world!, true);
        copy.name = rstring('renamed-by-sudo');
        copy.version = p.version;
        assert.throws(() => c.sudo!.getSession().getUpdateService().saveObject(copy, inGroup(-1)));
        const own = new ProjectI(project.elsewhere!, true);
        own.name = rstring('renamed-by-sudo');
        assert.throws(() => c.sudo!.getSession().getUpdateService().saveObject(own, inGroup(-1)));
        const names = projectNames(root, -1);
        assert.ok(!names.includes('renamed-by-sudo'), String(names));
      });
    });
  });
}
