/**
 * The restricted-administrator matrix (reference permissions §3.1, issue 11): an administrator
 * holding each privilege alone, each named bundle, or none, against every action a privilege
 * allows. An action succeeds exactly when the administrator holds every privilege it needs;
 * otherwise it is refused and changes nothing. Whatever they hold, restricted administrators
 * read all data and read no audit log; other users' sessions only with ReadSession. The file and
 * repository privileges (WriteFile, DeleteManagedRepo, …) guard nothing here: alone, they allow
 * no action.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import {
  ADMIN_PRIVILEGES,
  Chgrp2,
  Chgrp2Response,
  Chown2,
  Chown2Response,
  Delete2,
  Delete2Response,
  PermissionsI,
  PRIVILEGE_BUNDLES,
  ProjectI,
  rstring,
  type AdminPrivilege,
} from '../../src/model/index.js';
import { OmeroClient } from '../../src/client/omero-client.js';
import { inGroup, newExperimenter, newGroup, newProject, submitAndWait } from '../helpers/data-helpers.js';
import { openEngine, type EngineFixture } from '../helpers/engine-client.js';
import { ENGINES } from '../helpers/test-database.js';

const person = (omeName: string) => newExperimenter(omeName, 'Matrix', 'Target');

const RA_PASSWORD = `ra-${randomBytes(6).toString('hex')}`;

/** The cases: each privilege alone, each bundle, and none. */
const CASES: ReadonlyArray<[string, readonly AdminPrivilege[]]> = [
  ...ADMIN_PRIVILEGES.map((p): [string, readonly AdminPrivilege[]] => [p, [p]]),
  ...PRIVILEGE_BUNDLES.map((b): [string, readonly AdminPrivilege[]] => [`bundle ${b.name}`, b.privileges]),
  ['no privilege', []],
];

/** What one action needs, and how to try it; `attempt` throws or returns false when refused. */
interface Action {
  readonly name: string;
  readonly needs: readonly AdminPrivilege[];
  attempt(ra: OmeroClient, tag: string): boolean;
}

for (const engine of ENGINES) {
  describe(`restricted administrators, privilege by privilege (${engine})`, () => {
    let fx: EngineFixture;
    let root: OmeroClient;
    let user2: OmeroClient;
    const g: Record<string, number> = {};
    before(async () => {
      fx = await openEngine(engine, { example: true });
      root = fx.login();
      user2 = fx.login('user-2');
      const admin = root.getSession().getAdminService();
      g.readOnly = admin.lookupGroup('read-only-1').id!.val as number;
      g.readAnnotate = admin.lookupGroup('read-annotate-1').id!.val as number;
    });
    after(async () => {
      await fx.close();
    });

    /** A fresh project of user-2 in read-only-1 (admins are not members there). */
    const user2Project = (tag: string) =>
      user2.getSession().getUpdateService().saveAndReturnObject(newProject(`p-${tag}`), inGroup(g.readOnly)).id!.val as number;
    /** A fresh plain user, created by root. */
    const plainUser = (tag: string) => {
      const admin = root.getSession().getAdminService();
      const id = admin.createExperimenterWithPassword(person(`t-${tag}`), rstring('target-password'), g.readOnly, [1]);
      return { id, name: `t-${tag}` };
    };

    const ACTIONS: readonly Action[] = [
      {
        name: 'create a group',
        needs: ['ModifyGroup'],
        attempt: (ra, tag) => ra.getSession().getAdminService().createGroup(newGroup(`g-${tag}`, 'rw----')) > 0,
      },
      {
        name: 'change a group’s permissions',
        needs: ['ModifyGroup'],
        attempt: (ra, tag) => {
          const gid = root.getSession().getAdminService().createGroup(newGroup(`c-${tag}`, 'rw----'));
          const grp = ra.getSession().getAdminService().getGroup(gid);
          ra.getSession().getAdminService().changePermissions(grp, new PermissionsI('rwr---'));
          return root.getSession().getAdminService().getGroup(gid).details!.permissions!.toString() === 'rwr---';
        },
      },
      {
        name: 'add a user to a group',
        needs: ['ModifyGroupMembership'],
        attempt: (ra, tag) => {
          const u = plainUser(tag);
          ra.getSession().getAdminService().addGroups(u.id, [g.readAnnotate]);
          return root.getSession().getAdminService().getMemberOfGroupIds(u.id).includes(g.readAnnotate);
        },
      },
      {
        name: 'make a user a group owner',
        needs: ['ModifyGroupMembership'],
        attempt: (ra, tag) => {
          const u = plainUser(tag);
          ra.getSession().getAdminService().setGroupOwner(g.readOnly, u.id);
          return root.getSession().getAdminService().getLeaderOfGroupIds(u.id).includes(g.readOnly);
        },
      },
      {
        name: 'create a user',
        needs: ['ModifyUser'],
        attempt: (ra, tag) => ra.getSession().getAdminService().createExperimenter(person(`n-${tag}`), g.readOnly, [1]) > 0,
      },
      {
        name: 'edit a user’s email',
        needs: ['ModifyUser'],
        attempt: (ra, tag) => {
          const u = plainUser(tag);
          const e = ra.getSession().getAdminService().getExperimenter(u.id);
          e.email = rstring(`${tag}@example.org`);
          ra.getSession().getAdminService().updateExperimenter(e);
          return root.getSession().getAdminService().getExperimenter(u.id).email?.val === `${tag}@example.org`;
        },
      },
      {
        name: 'set a user’s password',
        needs: ['ModifyUser'],
        attempt: (ra, tag) => {
          const u = plainUser(tag);
          ra.getSession().getAdminService().changeUserPassword(u.name, rstring('reset-password'));
          fx.login(u.name, 'reset-password').closeSession();
          return true;
        },
      },
      {
        name: 'edit another user’s data (IUpdate)',
        needs: ['WriteOwned'],
        attempt: (ra, tag) => {
          const id = user2Project(tag);
          const p = ra.getSession().getQueryService().get('Project', id, inGroup(g.readOnly)) as ProjectI;
          p.name = rstring(`renamed-${tag}`);
          ra.getSession().getUpdateService().saveObject(p, inGroup(g.readOnly));
          return (root.getSession().getQueryService().get('Project', id, inGroup(-1)) as ProjectI).name!.val === `renamed-${tag}`;
        },
      },
      {
        name: 'delete another user’s data (Delete2)',
        needs: ['DeleteOwned'],
        attempt: (ra, tag) => submitAndWait(ra, new Delete2({ targetObjects: { Project: [user2Project(tag)] } })) instanceof Delete2Response,
      },
      {
        name: 'move another user’s data to a group (Chgrp2)',
        needs: ['Chgrp'],
        attempt: (ra, tag) =>
          submitAndWait(ra, new Chgrp2({ targetObjects: { Project: [user2Project(tag)] }, groupId: g.readAnnotate })) instanceof Chgrp2Response,
      },
      {
        name: 'give another user’s data away (Chown2)',
        needs: ['Chown'],
        attempt: (ra, tag) => {
          const user3 = root.getSession().getAdminService().lookupExperimenter('user-3').id!.val as number;
          return submitAndWait(ra, new Chown2({ targetObjects: { Project: [user2Project(tag)] }, userId: user3 })) instanceof Chown2Response;
        },
      },
      {
        name: 'sudo as a plain user',
        needs: ['Sudo'],
        attempt: (ra) => {
          const ec = ra.getSession().getAdminService().getEventContext();
          const c = new OmeroClient('localhost', fx.transport, { 'omero.sudo': ec.userName });
          c.createSession('user-3', RA_PASSWORD);
          const sudoEc = c.getSession().getAdminService().getEventContext();
          c.closeSession();
          return sudoEc.userName === 'user-3' && sudoEc.sudoerName?.val === ec.userName;
        },
      },
      {
        name: 'read other users’ sessions (sessions who, Session rows)',
        needs: ['ReadSession'],
        attempt: (ra) => {
          const rows = ra.getSession().getSessionService().getCurrentSessions();
          const listed = rows.some((r) => r.userName === 'user-2' && r.session !== null);
          const hql = ra.getSession().getQueryService().findAllByQuery('select s from Session s where s.owner.id = 2', null, inGroup(-1));
          // Both ways or neither: a listing cannot show what HQL hides.
          assert.equal(hql.length > 0, listed);
          return listed;
        },
      },
    ];

    for (const [caseName, privileges] of CASES) {
      describe(caseName, () => {
        let ra: OmeroClient;
        before(() => {
          const login = `ra-${caseName.replace(/\W+/g, '-').toLowerCase()}`;
          root.getSession().getAdminService().createRestrictedSystemUserWithPassword(person(login), [...privileges], rstring(RA_PASSWORD));
          ra = fx.login(login, RA_PASSWORD);
        });

        it('holds exactly its privileges, as EventContext and getAdminPrivileges say', () => {
          const ec = ra.getSession().getAdminService().getEventContext();
          assert.equal(ec.isAdmin, true);
          assert.deepEqual([...ec.adminPrivileges].sort(), [...privileges].sort());
        });

        for (const action of ACTIONS) {
          const allowed = action.needs.every((p) => privileges.includes(p));
          it(`${allowed ? 'may' : 'may not'} ${action.name}`, () => {
            const tag = randomBytes(4).toString('hex');
            let done: boolean;
            try {
              done = action.attempt(ra, tag);
            } catch (e) {
              if (allowed) throw e;
              done = false;
            }
            assert.equal(done, allowed);
          });
        }

        it('reads every group’s data, but not the audit log', () => {
          const id = user2Project(randomBytes(4).toString('hex'));
          assert.equal(ra.getSession().getQueryService().get('Project', id, inGroup(-1)).id!.val, id);
          assert.throws(() => ra.getSession().getAdminService().getAuditLog({}), /full administrators/);
        });

        it('cannot grant itself a privilege it lacks', () => {
          const missing = ADMIN_PRIVILEGES.filter((p) => !privileges.includes(p));
          const self = ra.getSession().getAdminService().getEventContext().userId;
          assert.throws(() => ra.getSession().getAdminService().setAdminPrivileges(self, [...ADMIN_PRIVILEGES]));
          assert.deepEqual(root.getSession().getAdminService().getAdminPrivileges(self).length, privileges.length, `missing ${missing.join(', ')}`);
        });
      });
    }
  });
}

