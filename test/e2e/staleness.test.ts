/**
 * Staleness (issue 15): a server keeps its readers' facts between calls (`call/facts-cache.ts`).
 * Between two calls of one session, every kind of change to what the caller may do is made
 * elsewhere — through ANOTHER server process on the same PostgreSQL, or by SQL typed by hand — and
 * the very next call through the first server must obey the new facts: reads no longer return
 * the rows, writes and graph commands are refused, ended sessions are refused.
 *
 * Each case first reads through server A (so A caches the facts and the read is answered from
 * the cache), then changes, then reads again through A. On PGlite there is only one server (it
 * owns the database): the changes go through a second session of it and by hand through the test
 * thread's SQL, which exercises the same cache.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OmeroClient } from '../../src/client/omero-client.js';
import { SocketTransport } from '../../src/client/transport/socket-transport.js';
import type { Transport } from '../../src/client/transport/transport.js';
import {
  Chgrp2,
  Chgrp2Response,
  CommentAnnotationI,
  ERR,
  ExperimenterGroupI,
  ExperimenterI,
  ParametersI,
  PermissionsI,
  ProjectAnnotationLinkI,
  ProjectI,
  rbool,
  rstring,
} from '../../src/model/index.js';
import { inGroup, newGroup, newProject, submitAndWait } from '../helpers/data-helpers.js';
import { openEngine, type EngineFixture } from '../helpers/engine-client.js';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.js';
import { ENGINES } from '../helpers/test-database.js';

const PASSWORD = 'staleness-user-password';
const ALL = { 'omero.group': '-1' };

/** Where calls go: the observed server (A) and the one that changes things (B). */
interface Sides {
  readonly a: Transport;
  readonly b: Transport;
  sql(text: string, bindings?: readonly unknown[]): void;
}

/** One case's users, groups and the project the observer can read at first. */
interface World {
  /** The observer: member of its own private group `home` and of `shared`. */
  readonly user: { id: number; name: string };
  readonly other: { id: number; name: string };
  readonly home: number;
  readonly shared: number;
  /** The other user's project in `shared`. */
  readonly project: number;
  /** The observer's own project in `home` (for graph commands into `shared`). */
  readonly own: number;
}

for (const engine of ENGINES) {
  describe(`staleness of cached facts (${engine})`, () => {
    let fx: EngineFixture;
    let sides: Sides;
    let rootB: OmeroClient;
    const servers: ServerProcess[] = [];
    const dirs: string[] = [];
    const transports: Transport[] = [];
    let seq = 0;

    before(async () => {
      fx = await openEngine(engine, { sql: true });
      if (engine === 'postgres') {
        const url = (fx.db.config as { url: string }).url;
        for (let i = 0; i < 2; i++) {
          const dir = mkdtempSync(join(tmpdir(), 'omero-stale-server-'));
          dirs.push(dir);
          servers.push(await startServerProcess({ PATH: process.env.PATH, HOME: dir, OMERO_USERDIR: dir, OMERO_DB_URL: url }));
        }
        const [a, b] = servers.map((s) => new SocketTransport({ address: { host: '127.0.0.1', port: s.port, tls: false } }));
        transports.push(a!, b!);
        sides = { a: a!, b: b!, sql: (text, bindings) => void fx.sql(text, bindings) };
      } else {
        sides = { a: fx.transport, b: fx.transport, sql: (text, bindings) => void fx.sql(text, bindings) };
      }
      rootB = login(sides.b, 'root', 'root-test-password');
    });
    after(async () => {
      for (const t of transports) t.close();
      for (const s of servers) await s.stop();
      for (const d of dirs) rmSync(d, { recursive: true, force: true });
      await fx.close();
    });

    /** Two users, a private home group and a shared group of `perms`, the other user's project in it. */
    function world(perms: string): World {
      const tag = `st${++seq}`;
      const admin = rootB.getSession().getAdminService();
      const home = admin.createGroup(newGroup(`${tag}-home`, 'rw----'));
      const shared = admin.createGroup(newGroup(`${tag}-shared`, perms));
      const userGroup = admin.lookupGroup('user').id!.val as number;
      const make = (name: string, groups: number[]) => {
        const e = new ExperimenterI();
        e.omeName = rstring(name);
        e.firstName = rstring('Stale');
        e.lastName = rstring(name);
        e.ldap = rbool(false);
        return { id: admin.createExperimenterWithPassword(e, rstring(PASSWORD), groups[0]!, [...groups, userGroup]), name };
      };
      const user = make(`${tag}-u`, [home, shared]);
      const other = make(`${tag}-v`, [shared]);
      const v = login(sides.b, other.name, PASSWORD);
      const project = v.getSession().getUpdateService().saveAndReturnObject(newProject(`${tag}-p`), inGroup(shared)).id!.val as number;
      const u = login(sides.b, user.name, PASSWORD);
      const own = u.getSession().getUpdateService().saveAndReturnObject(newProject(`${tag}-own`), inGroup(home)).id!.val as number;
      v.closeSession();
      u.closeSession();
      return { user, other, home, shared, project, own };
    }

    function login(t: Transport, name: string, password: string): OmeroClient {
      const c = new OmeroClient('localhost', t);
      c.createSession(name, password);
      return c;
    }

    /** The observer's session on A, and a read that is known to be answered from A's cache afterwards. */
    function observer(w: World): OmeroClient {
      const c = login(sides.a, w.user.name, PASSWORD);
      assert.deepEqual(readable(c, w.project, ALL), [w.project], 'the project is readable before the change');
      assert.deepEqual(readable(c, w.project, inGroup(w.shared)), [w.project]);
      return c;
    }

    function readable(c: OmeroClient, id: number, ctx: Record<string, string>): number[] {
      return c
        .getSession()
        .getQueryService()
        .findAllByQuery('select p from Project p where p.id = :id', new ParametersI().addId(id), ctx)
        .map((p) => p.id!.val as number);
    }

    /** The project is gone from every read of the observer (hidden with -1, refused or hidden in the group). */
    function assertUnreadable(c: OmeroClient, w: World): void {
      assert.deepEqual(readable(c, w.project, ALL), [], 'omero.group=-1 still shows the project');
      let inShared: number[] | Error;
      try {
        inShared = readable(c, w.project, inGroup(w.shared));
      } catch (e) {
        inShared = e as Error;
      }
      if (Array.isArray(inShared)) assert.deepEqual(inShared, [], 'the shared group still shows the project');
      else assert.match(String((inShared as { message?: string }).message ?? inShared), /SecurityViolation|not a member|cannot|No such group/i);
    }

    function assertSessionRefused(c: OmeroClient, w: World): void {
      assert.throws(() => readable(c, w.project, ALL), (e: Error & { ice_id?: string }) => {
        assert.match(`${e.constructor.name} ${e.message}`, /Session|closed|deactivated|No matching roles/i);
        return true;
      });
    }

    function assertWritesRefused(c: OmeroClient, w: World): void {
      assert.throws(() => c.getSession().getUpdateService().saveAndReturnObject(newProject('after'), inGroup(w.shared)), /SecurityViolation|not a member|cannot/i);
      const rsp = submitAndWait(c, new Chgrp2({ targetObjects: { Project: [w.own] }, groupId: w.shared }), inGroup(w.home));
      assert.ok(rsp instanceof ERR, `Chgrp2 into a group the user left answered ${String(rsp)}`);
    }

    it('removed from the group through the other server: reads, writes and graph commands obey at once', () => {
      const w = world('rwr---');
      const c = observer(w);
      rootB.getSession().getAdminService().removeGroups(new ExperimenterI(w.user.id, false), [newGroupRef(w.shared)]);
      assertUnreadable(c, w);
      assertWritesRefused(c, w);
    });

    it('membership deleted by hand in SQL: the next read obeys', () => {
      const w = world('rwr---');
      const c = observer(w);
      sides.sql('delete from groupexperimentermap where child = ? and parent = ?', [w.user.id, w.shared]);
      assertUnreadable(c, w);
      assertWritesRefused(c, w);
    });

    it('group permissions downgraded through the other server (read-only → private): the rows vanish', () => {
      const w = world('rwr---');
      const c = observer(w);
      rootB.getSession().getAdminService().changePermissions(newGroupRef(w.shared), new PermissionsI('rw----'));
      assert.deepEqual(readable(c, w.project, ALL), []);
      assert.deepEqual(readable(c, w.project, inGroup(w.shared)), []);
    });

    it('group permissions downgraded by hand in SQL: the rows vanish', () => {
      const w = world('rwr---');
      const c = observer(w);
      sides.sql('update experimentergroup set permissions = (select permissions from experimentergroup where id = ?) where id = ?', [w.home, w.shared]);
      assert.deepEqual(readable(c, w.project, ALL), []);
      assert.deepEqual(readable(c, w.project, inGroup(w.shared)), []);
    });

    it('read-annotate downgraded to read-only through the other server: annotating is refused', () => {
      const w = world('rwra--');
      const c = observer(w);
      rootB.getSession().getAdminService().changePermissions(newGroupRef(w.shared), new PermissionsI('rwr---'));
      const link = new ProjectAnnotationLinkI();
      link.parent = new ProjectI(w.project, false);
      const comment = new CommentAnnotationI();
      comment.textValue = rstring('after the downgrade');
      link.child = comment;
      assert.throws(() => c.getSession().getUpdateService().saveAndReturnObject(link, inGroup(w.shared)), /SecurityViolation|cannot|not allowed/i);
      assert.deepEqual(readable(c, w.project, inGroup(w.shared)), [w.project], 'read-only still reads');
    });

    it('session closed through the other server: the next call is refused', () => {
      const w = world('rwr---');
      const c = observer(w);
      const closer = new OmeroClient('localhost', sides.b);
      closer.joinSession(c.getSessionId());
      closer.closeSession();
      assertSessionRefused(c, w);
    });

    it('session closed by hand in SQL: the next call is refused', () => {
      const w = world('rwr---');
      const c = observer(w);
      sides.sql('update session set closed = now() where owner = ?', [w.user.id]);
      assertSessionRefused(c, w);
    });

    it('password changed through the other server: the open session ends', () => {
      const w = world('rwr---');
      const c = observer(w);
      rootB.getSession().getAdminService().changeUserPassword(rstring(w.user.name), rstring('a-new-password-for-staleness'));
      assertSessionRefused(c, w);
    });

    it('deactivated through the other server (left `user`): the next call is refused', () => {
      const w = world('rwr---');
      const c = observer(w);
      const admin = rootB.getSession().getAdminService();
      admin.removeGroups(new ExperimenterI(w.user.id, false), [newGroupRef(admin.lookupGroup('user').id!.val as number)]);
      assertSessionRefused(c, w);
    });

    it('deactivated by hand in SQL (membership of `user` deleted): the next call is refused', () => {
      const w = world('rwr---');
      const c = observer(w);
      sides.sql(`delete from groupexperimentermap where child = ? and parent = (select id from experimentergroup where name = 'user')`, [w.user.id]);
      assertSessionRefused(c, w);
    });

    it('a privilege revoked through the other server and by hand: the restricted admin is refused at once', () => {
      const w = world('rwr---');
      const adminB = rootB.getSession().getAdminService();
      const e = new ExperimenterI();
      e.omeName = rstring(`st${++seq}-ra`);
      e.firstName = rstring('Restricted');
      e.lastName = rstring('Admin');
      e.ldap = rbool(false);
      const ra = adminB.createRestrictedSystemUserWithPassword(e, ['ModifyUser'], rstring(PASSWORD));
      const edit = (c: OmeroClient, last: string) => {
        const admin = c.getSession().getAdminService();
        const target = admin.getExperimenter(w.other.id);
        target.lastName = rstring(last);
        admin.updateExperimenter(target);
      };
      // Through the other server: the privilege shrinks, the session ends (issue 11).
      let c = login(sides.a, e.omeName.val, PASSWORD);
      edit(c, 'Edited once');
      assert.equal(readable(c, w.project, ALL).length, 1, 'an admin reads every group');
      adminB.setAdminPrivileges(new ExperimenterI(ra, false), []);
      assert.throws(() => edit(c, 'Edited twice'), /Session|closed|SecurityViolation|privilege/i);
      // By hand: the privilege row says false; the session stays, but the edit is refused.
      adminB.setAdminPrivileges(new ExperimenterI(ra, false), ['ModifyUser']);
      c = login(sides.a, e.omeName.val, PASSWORD);
      edit(c, 'Edited again');
      sides.sql(`delete from experimenter_config where experimenter_id = ? and name = 'AdminPrivilege:ModifyUser'`, [ra]);
      sides.sql(
        `insert into experimenter_config (experimenter_id, index, name, value)
         select ?, coalesce(max(index) + 1, 0), 'AdminPrivilege:ModifyUser', 'false' from experimenter_config where experimenter_id = ?`,
        [ra, ra],
      );
      assert.throws(() => edit(c, 'Edited by a revoked admin'), /SecurityViolation|privilege|ModifyUser/i);
      assert.equal(readable(c, w.project, ALL).length, 1, 'the session itself still works');
    });

    it('an unrelated change elsewhere does not lose the observer anything', () => {
      const w = world('rwr---');
      const c = observer(w);
      rootB.getSession().getAdminService().createGroup(newGroup(`st${++seq}-unrelated`, 'rw----'));
      assert.deepEqual(readable(c, w.project, ALL), [w.project]);
      assert.deepEqual(readable(c, w.project, inGroup(w.shared)), [w.project]);
    });

    it('Chgrp2 into the shared group works before the change (control for the graph check above)', () => {
      const w = world('rwr---');
      const c = observer(w);
      const rsp = submitAndWait(c, new Chgrp2({ targetObjects: { Project: [w.own] }, groupId: w.shared }), inGroup(w.home));
      assert.ok(rsp instanceof Chgrp2Response, `Chgrp2 answered ${String(rsp)}`);
    });
  });
}

/** An unloaded group, as OMERO's `ExperimenterGroupI(id, False)`. */
function newGroupRef(id: number): ExperimenterGroupI {
  return new ExperimenterGroupI(id, false);
}
