/**
 * The permission matrix of reference permissions §1.6, checked end to end through the blocking
 * client on every engine: for each group level, each role and each operation, the real outcome of
 * the real call against the table. Operations:
 * - R read: a dry-run Delete2 by the caller ("cannot read all the specified objects" = invisible;
 *   IQuery is not served yet);
 * - A annotate: save a ProjectAnnotationLink from the object to a new CommentAnnotation;
 * - L link: save a ProjectDatasetLink from the object to a new Dataset;
 * - E edit: rename the object and save it;
 * - D delete: Delete2;
 * - G chgrp: Chgrp2 to another group the caller is in (`mx-dest`);
 * - O chown: Chown2 to another member of the object's group (`mx-recipient`).
 * Every object is the owner's and fresh for each operation. When the edit succeeds, the returned
 * object's `details.permissions` must also show the row's A L E D G O columns (canAnnotate…).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  Chgrp2,
  Chgrp2Response,
  Chown2,
  Chown2Response,
  Delete2,
  Delete2Response,
  ERR,
  ExperimenterI,
  NamedValue,
  ProjectAnnotationLinkI,
  ProjectDatasetLinkI,
  ProjectI,
  SecurityViolation,
  rbool,
  rstring,
  type IObject,
} from '../../src/model/index.js';
import type { OmeroClient } from '../../src/client/omero-client.js';
import { ADMIN_PRIVILEGES } from '../../src/server/security/roles.js';
import { ENGINES } from '../helpers/test-database.js';
import { openEngine, type EngineFixture } from '../helpers/engine-client.js';
import { errMessage, exists, inGroup, newComment, newDataset, newGroup, newProject, submitAndWait } from '../helpers/data-helpers.js';

const LEVELS = ['rw----', 'rwr---', 'rwra--', 'rwrw--'] as const;
type Level = (typeof LEVELS)[number];
const ROLES = [
  'object owner (plain member)',
  'other member',
  'group owner / PI',
  'full admin (root, not member)',
  'restricted admin WriteOwned+DeleteOwned+Chgrp+Chown, not member',
  'restricted admin, no privileges, not member',
  'restricted admin, no privileges, plain member',
  'non-member non-admin',
] as const;
type Role = (typeof ROLES)[number];

/** Reference §1.6, "R A L E D G O" with '.' for refused. */
const MATRIX: Record<Role, Record<Level, string>> = {
  'object owner (plain member)': { 'rw----': 'RALEDG.', 'rwr---': 'RALEDG.', 'rwra--': 'RALEDG.', 'rwrw--': 'RALEDG.' },
  'other member': { 'rw----': '.......', 'rwr---': 'R......', 'rwra--': 'RA.....', 'rwrw--': 'RALED..' },
  'group owner / PI': { 'rw----': 'R..ED.O', 'rwr---': 'RALED.O', 'rwra--': 'RALED.O', 'rwrw--': 'RALED.O' },
  'full admin (root, not member)': { 'rw----': 'R..EDGO', 'rwr---': 'RALEDGO', 'rwra--': 'RALEDGO', 'rwrw--': 'RALEDGO' },
  'restricted admin WriteOwned+DeleteOwned+Chgrp+Chown, not member': {
    'rw----': 'R..EDGO',
    'rwr---': 'RALEDGO',
    'rwra--': 'RALEDGO',
    'rwrw--': 'RALEDGO',
  },
  'restricted admin, no privileges, not member': { 'rw----': 'R......', 'rwr---': 'R......', 'rwra--': 'R......', 'rwrw--': 'R......' },
  'restricted admin, no privileges, plain member': { 'rw----': 'R......', 'rwr---': 'R......', 'rwra--': 'RA.....', 'rwrw--': 'RALED..' },
  'non-member non-admin': { 'rw----': '.......', 'rwr---': '.......', 'rwra--': '.......', 'rwrw--': '.......' },
};

const PASSWORD = 'matrix-password';
const FOUR = ['WriteOwned', 'DeleteOwned', 'Chgrp', 'Chown'];

function person(name: string): ExperimenterI {
  const e = new ExperimenterI();
  e.omeName = rstring(name);
  e.firstName = rstring('Matrix');
  e.lastName = rstring(name);
  e.ldap = rbool(false);
  return e;
}

/** A security refusal is `false`; anything else unexpected fails the test. */
function allowed(action: () => unknown): boolean {
  try {
    action();
    return true;
  } catch (e) {
    if (e instanceof SecurityViolation) return false;
    throw e;
  }
}

function flags(obj: IObject): string {
  const p = obj.details.permissions!;
  return [p.canAnnotate(), p.canLink(), p.canEdit(), p.canDelete(), p.canChgrp(), p.canChown()]
    .map((ok, i) => (ok ? 'ALEDGO'[i] : '.'))
    .join('');
}

for (const engine of ENGINES) {
  describe(`permission matrix, reference §1.6 (${engine})`, () => {
    let fx: EngineFixture;
    let root: OmeroClient;
    const group = {} as Record<Level, number>;
    let dest = 0;
    let recipient = 0;
    const clients = {} as Record<Role, OmeroClient>;
    let owner: OmeroClient;

    before(async () => {
      fx = await openEngine(engine);
      root = fx.login();
      const admin = root.getSession().getAdminService();
      const update = root.getSession().getUpdateService();
      for (const level of LEVELS) group[level] = admin.createGroup(newGroup(`mx-${level}`, level));
      dest = admin.createGroup(newGroup('mx-dest', 'rwr---'));
      const levels = LEVELS.map((l) => group[l]);
      const create = (name: string, defaultGroup: number, groups: number[]) =>
        admin.createExperimenterWithPassword(person(name), rstring(PASSWORD), defaultGroup, [...groups, 1]);
      const ids: Record<string, number> = {
        owner: create('mx-owner', dest, levels),
        member: create('mx-member', dest, levels),
        pi: create('mx-pi', dest, levels),
        ra4: create('mx-ra4', dest, [0]),
        ra0: create('mx-ra0', dest, [0]),
        ra0m: create('mx-ra0m', dest, [0, ...levels]),
        outsider: create('mx-outsider', dest, []),
      };
      recipient = create('mx-recipient', levels[0]!, levels.slice(1));
      for (const level of LEVELS) admin.setGroupOwner(group[level], ids.pi!);
      // Light-admin restrictions are experimenter_config entries, written through IUpdate as
      // `omero obj map-set Experimenter:<id> config AdminPrivilege:<X> false` does.
      for (const [key, keep] of [['ra4', FOUR], ['ra0', []], ['ra0m', []]] as const) {
        const e = admin.getExperimenter(ids[key]!);
        e.config = ADMIN_PRIVILEGES.filter((p) => !(keep as readonly string[]).includes(p)).map((p) => new NamedValue(`AdminPrivilege:${p}`, 'false'));
        update.saveAndReturnObject(e);
        assert.deepEqual([...admin.getAdminPrivileges(ids[key]!)].sort(), [...keep].sort());
      }
      const login = (name: string) => fx.login(name, PASSWORD);
      owner = login('mx-owner');
      clients['object owner (plain member)'] = owner;
      clients['other member'] = login('mx-member');
      clients['group owner / PI'] = login('mx-pi');
      clients['full admin (root, not member)'] = root;
      clients['restricted admin WriteOwned+DeleteOwned+Chgrp+Chown, not member'] = login('mx-ra4');
      clients['restricted admin, no privileges, not member'] = login('mx-ra0');
      clients['restricted admin, no privileges, plain member'] = login('mx-ra0m');
      clients['non-member non-admin'] = login('mx-outsider');
    });
    after(async () => {
      await fx.close();
    });

    for (const level of LEVELS) {
      for (const role of ROLES) {
        const want = MATRIX[role][level];
        it(`${role} in ${level}: ${want}`, () => {
          const g = group[level];
          const ctx = inGroup(g);
          const caller = clients[role];
          const update = caller.getSession().getUpdateService();
          const fresh = (op: string): number =>
            owner.getSession().getUpdateService().saveAndReturnObject(newProject(`${level} ${role} ${op}`), ctx).id!.val as number;

          const readId = fresh('read');
          const probe = submitAndWait(caller, new Delete2({ targetObjects: { Project: [readId] }, dryRun: true }));
          const read = !/cannot read all the specified objects/.test(errMessage(probe));
          assert.ok(probe instanceof Delete2Response || probe instanceof ERR);

          const annotate = allowed(() => {
            const link = new ProjectAnnotationLinkI();
            link.link(new ProjectI(fresh('annotate'), false), newComment(`by ${role}`));
            update.saveObject(link, ctx);
          });
          const link = allowed(() => {
            const l = new ProjectDatasetLinkI();
            l.link(new ProjectI(fresh('link'), false), newDataset(`by ${role}`));
            update.saveObject(l, ctx);
          });
          let edited: IObject | null = null;
          const edit = allowed(() => {
            const p = new ProjectI(fresh('edit'));
            p.name = rstring(`edited by ${role}`);
            edited = update.saveAndReturnObject(p, ctx);
          });

          const deleteId = fresh('delete');
          const deleted = submitAndWait(caller, new Delete2({ targetObjects: { Project: [deleteId] } }));
          assert.equal(exists(root, 'Project', deleteId), !(deleted instanceof Delete2Response));

          const chgrpId = fresh('chgrp');
          const moved = submitAndWait(caller, new Chgrp2({ targetObjects: { Project: [chgrpId] }, groupId: dest }));
          assert.equal(exists(root, 'Project', chgrpId, dest), moved instanceof Chgrp2Response);

          const chownId = fresh('chown');
          const given = submitAndWait(caller, new Chown2({ targetObjects: { Project: [chownId] }, userId: recipient }));

          const got = [
            read ? 'R' : '.',
            annotate ? 'A' : '.',
            link ? 'L' : '.',
            edit ? 'E' : '.',
            deleted instanceof Delete2Response ? 'D' : '.',
            moved instanceof Chgrp2Response ? 'G' : '.',
            given instanceof Chown2Response ? 'O' : '.',
          ].join('');
          assert.equal(got, want, `${role} in ${level}`);
          if (edited !== null) {
            assert.equal(flags(edited), want.slice(1), `details.permissions of the edited object (${role} in ${level})`);
            assert.equal((edited as IObject).details.permissions!.toString(), level);
          }
        });
      }
    }
  });
}
