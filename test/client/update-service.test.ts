/**
 * IUpdate through the blocking client (reference api §1.5, permissions §1.3–§1.6, §2.6), on every
 * engine: seed 002's inserts, the group context rules, links, edits, versions, system types and
 * the `details.permissions` every returned object carries.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  ApiUsageException,
  ClientError,
  DatasetI,
  DoubleAnnotationI,
  ExperimenterGroupI,
  GroupSecurityViolation,
  LongAnnotationI,
  MapAnnotationI,
  NamedValue,
  OptimisticLockException,
  PermissionMismatchGroupSecurityViolation,
  PermissionsI,
  ProjectAnnotationLinkI,
  ProjectDatasetLinkI,
  ProjectI,
  SecurityViolation,
  ValidationException,
  ExperimenterI,
  rdouble,
  rlong,
  rstring,
  type IObject,
} from '../../src/model/index.js';
import type { OmeroClient } from '../../src/client/omero-client.js';
import { ENGINES } from '../helpers/test-database.js';
import { openEngine, type EngineFixture } from '../helpers/engine-client.js';
import { exists, inGroup, newComment, newDataset, newGroup, newProject, newTag } from '../helpers/data-helpers.js';

/** `canAnnotate canLink canEdit canDelete canChgrp canChown` as "ALEDGO" with '.' for false. */
function flags(obj: IObject): string {
  const p = obj.details.permissions!;
  return [
    p.canAnnotate() ? 'A' : '.',
    p.canLink() ? 'L' : '.',
    p.canEdit() ? 'E' : '.',
    p.canDelete() ? 'D' : '.',
    p.canChgrp() ? 'G' : '.',
    p.canChown() ? 'O' : '.',
  ].join('');
}

for (const engine of ENGINES) {
  describe(`IUpdate through the blocking client (${engine})`, () => {
    let fx: EngineFixture;
    let root: OmeroClient;
    let user2: OmeroClient;
    let user3: OmeroClient;
    const g: Record<string, number> = {};
    let uid2 = 0;
    let uid3 = 0;

    before(async () => {
      fx = await openEngine(engine, { example: true });
      root = fx.login();
      const admin = root.getSession().getAdminService();
      for (const name of ['private-1', 'read-only-1', 'read-write-1', 'read-annotate-1']) g[name] = admin.lookupGroup(name).id!.val as number;
      g['upd-rwra'] = admin.createGroup(newGroup('upd-rwra', 'rwra--'));
      g['upd-rwrw'] = admin.createGroup(newGroup('upd-rwrw', 'rwrw--'));
      uid2 = admin.lookupExperimenter('user-2').id!.val as number;
      uid3 = admin.lookupExperimenter('user-3').id!.val as number;
      for (const uid of [uid2, uid3]) admin.addGroups(uid, [g['upd-rwra'], g['upd-rwrw']]);
      user2 = fx.login('user-2');
      user3 = fx.login('user-3');
    });
    after(async () => {
      await fx.close();
    });

    const update = (c: OmeroClient) => c.getSession().getUpdateService();

    it("saves seed 002's two projects, each in the group of its context", () => {
      const svc = update(user2);
      const priv = svc.saveAndReturnObject(newProject('private-1 project'), inGroup(g['private-1']!)) as ProjectI;
      const ro = svc.saveAndReturnObject(newProject('read-only-1 project'), inGroup(g['read-only-1']!)) as ProjectI;
      for (const [p, group, perm1, name] of [
        [priv, g['private-1'], -120, 'private-1 project'],
        [ro, g['read-only-1'], -56, 'read-only-1 project'],
      ] as const) {
        assert.equal(typeof p.id!.val, 'number');
        assert.equal(p.name!.val, name);
        assert.equal(p.version!.val, 0);
        assert.equal(p.details.owner!.id!.val, uid2);
        assert.equal(p.details.owner!.isLoaded(), false);
        assert.equal(p.details.group!.id!.val, group);
        assert.equal(p.details.permissions!.getPerm1(), perm1);
        assert.equal(flags(p), 'ALEDG.');
        assert.equal(p.sizeOfDatasetLinks(), 0, 'collections sent loaded come back loaded');
      }
      assert.notEqual(priv.id!.val, ro.id!.val);
    });

    it('refuses new objects with omero.group=-1 (ApiUsageException)', () => {
      assert.throws(() => update(user2).saveAndReturnObject(newProject('nowhere'), { 'omero.group': '-1' }), ApiUsageException);
    });

    it('refuses saving into a group the caller is not a member of (SecurityViolation)', () => {
      assert.throws(() => update(user2).saveAndReturnObject(newProject('intruder'), inGroup(g['read-write-1']!)), SecurityViolation);
      assert.throws(() => update(user3).saveObject(newProject('intruder'), inGroup(g['private-1']!)), SecurityViolation);
    });

    it('refuses another owner, another group, or other permissions set by the client', () => {
      const p = newProject('owned by someone else');
      p.details.owner = new ExperimenterI(uid3, false);
      assert.throws(() => update(user2).saveObject(p, inGroup(g['read-only-1']!)), (e: unknown) => e instanceof SecurityViolation && /not authorized to set the Experimenter/.test((e as Error).message));
      const q = newProject('in another group');
      q.details.group = new ExperimenterGroupI(g['private-1']!, false);
      assert.throws(() => update(user2).saveObject(q, inGroup(g['read-only-1']!)), (e: unknown) => e instanceof SecurityViolation && /not authorized to set the ExperimenterGroup/.test((e as Error).message));
      const r = newProject('with other permissions');
      r.details.permissions = new PermissionsI('rwrw--');
      assert.throws(() => update(user2).saveObject(r, inGroup(g['read-only-1']!)), PermissionMismatchGroupSecurityViolation);
    });

    it('refuses a missing required field (ValidationException)', () => {
      assert.throws(() => update(user2).saveObject(new ProjectI(), inGroup(g['read-only-1']!)), (e: unknown) => e instanceof ValidationException && /ome\.model\.containers\.Project\.name/.test((e as Error).message));
    });

    it('saves a project with a new dataset in one graph; the copy has its links loaded', () => {
      const p = newProject('with dataset');
      p.linkDataset(newDataset('inner'));
      const saved = update(user2).saveAndReturnObject(p, inGroup(g['read-only-1']!)) as ProjectI;
      const datasets = saved.linkedDatasetList();
      assert.equal(datasets.length, 1);
      assert.equal(datasets[0]!.name!.val, 'inner');
      assert.equal(datasets[0]!.details.group!.id!.val, g['read-only-1']);
      assert.equal(saved.copyDatasetLinks()[0]!.details.owner!.id!.val, uid2);
      assert.ok(exists(root, 'Dataset', datasets[0]!.id!.val as number));
    });

    it('refuses a link to a dataset of another group (GroupSecurityViolation) and saves nothing', () => {
      const svc = update(user2);
      const elsewhere = svc.saveAndReturnObject(newDataset('private dataset'), inGroup(g['private-1']!)) as DatasetI;
      const before = svc.saveAndReturnObject(newProject('marker before'), inGroup(g['read-only-1']!)).id!.val as number;
      const p = newProject('mixed');
      p.linkDataset(newDataset('new dataset in the same graph'));
      p.linkDataset(new DatasetI(elsewhere.id!.val as number, false));
      assert.throws(() => svc.saveAndReturnObject(p, inGroup(g['read-only-1']!)), (e: unknown) => e instanceof GroupSecurityViolation && /^MIXED GROUP/.test((e as Error).message));
      const afterId = svc.saveAndReturnObject(newProject('marker after'), inGroup(g['read-only-1']!)).id!.val as number;
      for (let id = before + 1; id < afterId; id++) assert.equal(exists(root, 'Project', id), false, `Project:${id} was saved`);
      assert.ok(exists(root, 'Project', before) && exists(root, 'Project', afterId));
    });

    it("lets user-3 edit user-2's project in a read-write group, not in read-only-1", () => {
      const ro = update(user2).saveAndReturnObject(newProject('ro target'), inGroup(g['read-only-1']!)) as ProjectI;
      ro.name = rstring('renamed by user-3');
      assert.throws(() => update(user3).saveObject(ro, inGroup(g['read-only-1']!)), SecurityViolation);
      const rw = update(user2).saveAndReturnObject(newProject('rw target'), inGroup(g['upd-rwrw']!)) as ProjectI;
      rw.name = rstring('renamed by user-3');
      const saved = update(user3).saveAndReturnObject(rw, inGroup(g['upd-rwrw']!)) as ProjectI;
      assert.equal(saved.name!.val, 'renamed by user-3');
      assert.equal(saved.version!.val, 1);
      assert.equal(saved.details.owner!.id!.val, uid2);
      assert.equal(saved.details.permissions!.getPerm1(), -8);
      assert.equal(flags(saved), 'ALED..');
    });

    it("lets user-3 annotate user-2's project in a read-annotate group, not in read-only-1", () => {
      for (const [group, allowed] of [[g['upd-rwra']!, true], [g['read-only-1']!, false]] as const) {
        const p = update(user2).saveAndReturnObject(newProject('to annotate'), inGroup(group)) as ProjectI;
        const link = new ProjectAnnotationLinkI();
        link.link(new ProjectI(p.id!.val as number, false), newComment('from user-3'));
        if (allowed) {
          const saved = update(user3).saveAndReturnObject(link, inGroup(group)) as ProjectAnnotationLinkI;
          assert.equal(saved.details.owner!.id!.val, uid3);
          assert.equal(saved.parent!.id!.val, p.id!.val);
          assert.equal(saved.child!.constructor.name, 'CommentAnnotationI');
        } else {
          assert.throws(() => update(user3).saveObject(link, inGroup(group)), (e: unknown) => e instanceof SecurityViolation && /^Group is rwr---\. Cannot link to object/.test((e as Error).message));
        }
      }
    });

    it("refuses user-3 linking its dataset under user-2's project in a read-annotate group", () => {
      const p = update(user2).saveAndReturnObject(newProject('no links'), inGroup(g['upd-rwra']!)) as ProjectI;
      const link = new ProjectDatasetLinkI();
      link.link(new ProjectI(p.id!.val as number, false), newDataset('user-3 dataset'));
      assert.throws(() => update(user3).saveObject(link, inGroup(g['upd-rwra']!)), SecurityViolation);
    });

    it('refuses a stale version (OptimisticLockException)', () => {
      const svc = update(user2);
      const first = svc.saveAndReturnObject(newProject('v0'), inGroup(g['read-only-1']!)) as ProjectI;
      const stale = svc.saveAndReturnObject(first, inGroup(g['read-only-1']!)) as ProjectI;
      assert.equal(stale.version!.val, 0, 'an unchanged object is not rewritten');
      first.name = rstring('v1');
      const v1 = svc.saveAndReturnObject(first, inGroup(g['read-only-1']!)) as ProjectI;
      assert.equal(v1.version!.val, 1);
      stale.name = rstring('stale write');
      assert.throws(() => svc.saveObject(stale, inGroup(g['read-only-1']!)), OptimisticLockException);
    });

    it('refuses changing an object from another group context, but not with omero.group=-1', () => {
      const svc = update(user2);
      const p = svc.saveAndReturnObject(newProject('context'), inGroup(g['read-only-1']!)) as ProjectI;
      p.name = rstring('context 2');
      assert.throws(() => svc.saveObject(p, inGroup(g['private-1']!)), (e: unknown) => e instanceof SecurityViolation && (e as Error).message === `Currently logged into group ${g['private-1']}. Cannot alter object in group ${g['read-only-1']}`);
      const saved = svc.saveAndReturnObject(p, { 'omero.group': '-1' }) as ProjectI;
      assert.equal(saved.name!.val, 'context 2');
      assert.equal(saved.details.permissions!.getPerm1(), -56, 'with -1, perm1 is that of the object\'s group');
    });

    it('reports perm1 of the context group and immutable permissions', () => {
      const p = update(user2).saveAndReturnObject(newProject('immutable'), inGroup(g['private-1']!)) as ProjectI;
      assert.equal(p.details.permissions!.toString(), 'rw----');
      assert.throws(() => p.details.permissions!.setPerm1(-1), ClientError);
    });

    it('stores annotations of each kind with their values', () => {
      const svc = update(user2);
      const map = new MapAnnotationI();
      map.mapValue = [new NamedValue('altitude', '100'), new NamedValue('date', '2020')];
      const long = new LongAnnotationI();
      long.longValue = rlong(42);
      const dbl = new DoubleAnnotationI();
      dbl.doubleValue = rdouble(2.5);
      const saved = svc.saveAndReturnArray([map, long, dbl, newTag('tagged')], inGroup(g['read-only-1']!));
      assert.deepEqual((saved[0] as MapAnnotationI).getMapValueAsMap(), { altitude: '100', date: '2020' });
      assert.equal((saved[1] as LongAnnotationI).longValue!.val, 42);
      assert.equal((saved[2] as DoubleAnnotationI).doubleValue!.val, 2.5);
      assert.equal((saved[3] as { textValue: { val: string } }).textValue.val, 'tagged');
      assert.deepEqual(saved.map((o) => o.constructor.name), ['MapAnnotationI', 'LongAnnotationI', 'DoubleAnnotationI', 'TagAnnotationI']);
      const ids = svc.saveAndReturnIds([newProject('id 1'), newProject('id 2')], inGroup(g['read-only-1']!));
      assert.equal(ids.length, 2);
      assert.ok(ids.every((id) => exists(root, 'Project', id)));
    });

    it('deleteObject deletes one row, refuses others\' data and rows still linked', () => {
      const svc = update(user2);
      const lone = svc.saveAndReturnObject(newProject('lone'), inGroup(g['read-only-1']!)) as ProjectI;
      assert.throws(() => update(user3).deleteObject(lone, inGroup(g['read-only-1']!)), SecurityViolation);
      svc.deleteObject(lone, inGroup(g['read-only-1']!));
      assert.equal(exists(root, 'Project', lone.id!.val as number), false);
      const p = newProject('linked');
      p.linkDataset(newDataset('child'));
      const linked = svc.saveAndReturnObject(p, inGroup(g['read-only-1']!)) as ProjectI;
      assert.throws(() => svc.deleteObject(linked, inGroup(g['read-only-1']!)), (e: unknown) => e instanceof ApiUsageException && (e as Error).message === `Cannot delete ome.model.containers.Project:Id_${linked.id!.val}\nConsider using IDelete instead.`);
      assert.ok(exists(root, 'Project', linked.id!.val as number));
      assert.throws(() => svc.deleteObject(new ProjectI()), (e: unknown) => e instanceof ApiUsageException && /Must have an id/.test((e as Error).message));
    });

    it('lets root update an Experimenter through IUpdate, not user-2', () => {
      const rootAdmin = root.getSession().getAdminService();
      const e = rootAdmin.getExperimenter(uid3);
      e.email = rstring('user-3@example.org');
      const saved = update(root).saveAndReturnObject(e) as ExperimenterI;
      assert.equal(saved.email!.val, 'user-3@example.org');
      assert.equal(rootAdmin.getExperimenter(uid3).email!.val, 'user-3@example.org');
      const self = user2.getSession().getAdminService().getExperimenter(uid2);
      self.email = rstring('hacked@example.org');
      assert.throws(() => update(user2).saveObject(self), (err: unknown) => err instanceof SecurityViolation && /is a System-type/.test((err as Error).message));
      assert.equal(rootAdmin.getExperimenter(uid2).email, null);
      const rootUser = rootAdmin.getExperimenter(0);
      rootUser.omeName = rstring('not-root');
      assert.throws(() => update(root).saveObject(rootUser), ValidationException);
    });

    it('lets root rename a group through IUpdate, never a system group; user-2 not at all', () => {
      const rootAdmin = root.getSession().getAdminService();
      const gid = rootAdmin.createGroup(newGroup('rename-me', 'rwr---'));
      const group = rootAdmin.getGroup(gid);
      group.name = rstring('renamed-group');
      const saved = update(root).saveAndReturnObject(group) as ExperimenterGroupI;
      assert.equal(saved.name!.val, 'renamed-group');
      assert.equal(saved.details.permissions!.toString(), 'rwr---');
      assert.equal(rootAdmin.getGroup(gid).name!.val, 'renamed-group');
      const system = rootAdmin.getGroup(0);
      system.name = rstring('not-system');
      assert.throws(() => update(root).saveObject(system), ValidationException);
      const mine = user2.getSession().getAdminService().getGroup(g['read-only-1']!);
      mine.name = rstring('taken-over');
      assert.throws(() => update(user2).saveObject(mine), SecurityViolation);
      assert.throws(() => update(user2).saveObject(newGroup('new-by-user', 'rw----')), SecurityViolation);
    });
  });
}
