/**
 * The permission matrix of reference permissions §1.6, checked end to end through the blocking
 * client on every engine: for each group level, each role and each operation, the real outcome of
 * the real call against the table. Each outcome is read from the database's rows by direct SQL
 * (test/helpers/sql-probe.ts), and the reply must agree with the rows. Operations:
 * - R read: IQuery.find in the object's group (null or a SecurityViolation = invisible; any other
 *   error fails the test);
 * - A annotate: save a ProjectAnnotationLink from the object to a new CommentAnnotation (a
 *   projectannotationlink row with the object as parent);
 * - L link: save a ProjectDatasetLink from the object to a new Dataset (a projectdatasetlink row);
 * - E edit: rename the object and save it (the row's name);
 * - D delete: Delete2 (the row is gone);
 * - G chgrp: Chgrp2 to another group the caller is in, `mx-dest` (the row's group_id);
 * - O chown: Chown2 to another member of the object's group, `mx-recipient` (the row's owner_id).
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
import { inGroup, newComment, newDataset, newGroup, newProject, submitAndWait } from '../helpers/data-helpers.js';

const LEVELS = ['rw----', 'rwr---', 'rwra--', 'rwrw--'] as const;
type Level = (typeof LEVELS)[number];
const ROLES = [
  'object owner (plain member)',
  'other member',
  'group owner / PI',
  'full admin (root, not member)',
  'full admin, also a member',
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
  'full admin, also a member': { 'rw----': 'R..EDGO', 'rwr---': 'RALEDGO', 'rwra--': 'RALEDGO', 'rwrw--': 'RALEDGO' },
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

/** Stands for a refusal inside `allowed` (a read that found nothing). */
function refuse(): never {
  throw new SecurityViolation('not readable');
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
      fx = await openEngine(engine, { sql: true });
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
        adminMember: create('mx-admin-member', dest, [0, ...levels]),
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
      clients['full admin, also a member'] = login('mx-admin-member');
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

          /** The project's row (null once deleted), read directly from the database. */
          const row = (id: number) => fx.sql('select name, owner_id, group_id from project where id = ?', [id])[0] ?? null;
          const links = (table: string, id: number) => Number(fx.sql(`select count(*) as n from ${table} where parent = ?`, [id])[0]!.n);

          const readId = fresh('read');
          const read = allowed(() => caller.getSession().getQueryService().find('Project', readId, ctx) !== null || refuse());

          const annotateId = fresh('annotate');
          const annotateReply = allowed(() => {
            const link = new ProjectAnnotationLinkI();
            link.link(new ProjectI(annotateId, false), newComment(`by ${role}`));
            update.saveObject(link, ctx);
          });
          const annotate = links('projectannotationlink', annotateId) === 1;
          const linkId = fresh('link');
          const linkReply = allowed(() => {
            const l = new ProjectDatasetLinkI();
            l.link(new ProjectI(linkId, false), newDataset(`by ${role}`));
            update.saveObject(l, ctx);
          });
          const link = links('projectdatasetlink', linkId) === 1;
          let edited: IObject | null = null;
          const editId = fresh('edit');
          const editReply = allowed(() => {
            const p = new ProjectI(editId);
            p.name = rstring(`edited by ${role}`);
            edited = update.saveAndReturnObject(p, ctx);
          });
          const edit = row(editId)?.name === `edited by ${role}`;

          const deleteId = fresh('delete');
          const deleteReply = submitAndWait(caller, new Delete2({ targetObjects: { Project: [deleteId] } })) instanceof Delete2Response;
          const deleted = row(deleteId) === null;

          const chgrpId = fresh('chgrp');
          const chgrpReply = submitAndWait(caller, new Chgrp2({ targetObjects: { Project: [chgrpId] }, groupId: dest })) instanceof Chgrp2Response;
          const moved = Number(row(chgrpId)?.group_id) === dest;

          const chownId = fresh('chown');
          const chownReply = submitAndWait(caller, new Chown2({ targetObjects: { Project: [chownId] }, userId: recipient })) instanceof Chown2Response;
          const given = Number(row(chownId)?.owner_id) === recipient;

          const letters = (outcomes: boolean[]) => outcomes.map((ok, i) => (ok ? 'RALEDGO'[i] : '.')).join('');
          const got = letters([read, annotate, link, edit, deleted, moved, given]);
          assert.equal(got, want, `${role} in ${level}: the rows`);
          // The replies tell the same story as the rows (no success reported for a refused change, and the reverse).
          assert.equal(letters([read, annotateReply, linkReply, editReply, deleteReply, chgrpReply, chownReply]), got, `${role} in ${level}: the replies`);
          if (edited !== null) {
            assert.equal(flags(edited), want.slice(1), `details.permissions of the edited object (${role} in ${level})`);
            assert.equal((edited as IObject).details.permissions!.toString(), level);
          }
        });
      }
    }
  });
}
