/**
 * Graph commands through the blocking client (reference api §4, permissions §4 and §6), on every
 * engine: seed 002's Delete / DoAll sequences, Delete2 cascades, Chgrp2, Chown2 and Chmod2.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  Chgrp2,
  Chgrp2Response,
  Chmod2,
  Chmod2Response,
  Chown2,
  Chown2Response,
  ClientError,
  CommentAnnotationI,
  DatasetI,
  DatasetImageLinkI,
  Delete,
  Delete2,
  Delete2Response,
  DeleteRsp,
  DoAll,
  DoAllRsp,
  ERR,
  ExperimenterI,
  GraphException,
  ImageI,
  MapAnnotationI,
  NamedValue,
  ProjectAnnotationLinkI,
  ProjectDatasetLinkI,
  ProjectI,
  State,
  Status,
  rbool,
  rstring,
  type IObject,
} from '../../src/model/index.js';
import { CmdCallbackI } from '../../src/client/cmd-callback.js';
import type { OmeroClient } from '../../src/client/omero-client.js';
import { ENGINES } from '../helpers/test-database.js';
import { openEngine, type EngineFixture } from '../helpers/engine-client.js';
import {
  errMessage,
  exists,
  inGroup,
  newComment,
  newDataset,
  newGroup,
  newImage,
  newProject,
  newTag,
  submitAndWait,
} from '../helpers/data-helpers.js';

const P = 'ome.model.containers.Project';
const D = 'ome.model.containers.Dataset';
const I = 'ome.model.core.Image';
const PDL = 'ome.model.containers.ProjectDatasetLink';
const DIL = 'ome.model.containers.DatasetImageLink';
const PAL = 'ome.model.annotations.ProjectAnnotationLink';

const idOf = (o: IObject): number => o.id!.val as number;

for (const engine of ENGINES) {
  describe(`graph commands through the blocking client (${engine})`, () => {
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
      g['gc-ra'] = admin.createGroup(newGroup('gc-ra', 'rwra--'));
      g['gc-dest'] = admin.createGroup(newGroup('gc-dest', 'rwr---'));
      g['gc-pi'] = admin.createGroup(newGroup('gc-pi', 'rwr---'));
      g['gc-chmod'] = admin.createGroup(newGroup('gc-chmod', 'rwra--'));
      uid2 = admin.lookupExperimenter('user-2').id!.val as number;
      uid3 = admin.lookupExperimenter('user-3').id!.val as number;
      for (const uid of [uid2, uid3]) admin.addGroups(uid, [g['gc-ra']!, g['gc-dest']!, g['gc-pi']!, g['gc-chmod']!]);
      admin.setGroupOwner(g['gc-pi']!, uid3);
      user2 = fx.login('user-2');
      user3 = fx.login('user-3');
    });
    after(async () => {
      await fx.close();
    });

    const save = <T extends IObject>(c: OmeroClient, obj: T, group: number): T =>
      c.getSession().getUpdateService().saveAndReturnObject(obj, inGroup(group)) as T;

    it("runs seed 002's Delete sequence: submit, CmdCallbackI.loop(10, 1000), handle.close()", () => {
      const session = user2.getSession();
      const privateProject = save(user2, newProject('private-1 project'), g['private-1']!);
      const readOnlyProject = save(user2, newProject('read-only-1 project'), g['read-only-1']!);
      for (const project of [privateProject, readOnlyProject]) {
        const handle = session.submit(new Delete('/Project', idOf(project), null));
        let response: unknown;
        try {
          const callback = new CmdCallbackI(user2, handle);
          response = callback.loop(10, 1000);
          const status = handle.getStatus() as Status;
          assert.deepEqual(status.flags, []);
          assert.equal(status.steps, 6);
        } finally {
          handle.close();
        }
        assert.throws(() => handle.getResponse(), ClientError);
        assert.ok(response instanceof DeleteRsp, String(response));
        assert.equal(response.warning, '');
        assert.equal(response.steps, 6);
        assert.equal(response.scheduledDeletes, 0);
        assert.equal(response.actualDeletes, 1);
        assert.equal(exists(root, 'Project', idOf(project)), false);
      }
    });

    it("runs seed 002's DoAll of two Deletes", () => {
      const a = save(user2, newProject('private-1 project'), g['private-1']!);
      const b = save(user2, newProject('read-only-1 project'), g['read-only-1']!);
      const rsp = submitAndWait(user2, new DoAll([new Delete('/Project', idOf(a), null), new Delete('/Project', idOf(b), null)]));
      assert.ok(rsp instanceof DoAllRsp, String(rsp));
      assert.equal(rsp.responses!.length, 2);
      assert.ok(rsp.responses!.every((r) => r instanceof DeleteRsp));
      assert.equal(rsp.status!.length, 2);
      assert.equal(exists(root, 'Project', idOf(a)), false);
      assert.equal(exists(root, 'Project', idOf(b)), false);
    });

    it('rolls a whole DoAll back when one request fails', () => {
      const mine = save(user3, newProject('user-3 project'), g['read-only-1']!);
      const theirs = save(user2, newProject('user-2 project'), g['read-only-1']!);
      const handle = user3.getSession().submit(new DoAll([new Delete('/Project', idOf(mine), null), new Delete('/Project', idOf(theirs), null)]));
      try {
        const rsp = new CmdCallbackI(user3, handle).loop(10, 1000);
        assert.ok(rsp instanceof GraphException, String(rsp));
        assert.equal(errMessage(rsp), `not permitted to delete ${P}[${idOf(theirs)}]`);
        assert.deepEqual((handle.getStatus() as Status).flags, [State.FAILURE]);
      } finally {
        handle.close();
      }
      assert.ok(exists(root, 'Project', idOf(mine)), 'the first delete was rolled back');
      assert.ok(exists(root, 'Project', idOf(theirs)));
    });

    it("refuses deleting another user's project in read-only-1", () => {
      const theirs = save(user2, newProject('keep me'), g['read-only-1']!);
      const rsp = submitAndWait(user3, new Delete2({ targetObjects: { Project: [idOf(theirs)] } }));
      assert.ok(rsp instanceof ERR);
      assert.equal(rsp.category, '::omero::cmd::Delete2');
      assert.equal(rsp.name, 'graph-fail');
      assert.match(errMessage(rsp), /^not permitted to delete ome\.model\.containers\.Project\[\d+\]$/);
      assert.ok(exists(root, 'Project', idOf(theirs)));
    });

    it('answers "cannot read" for missing and invisible targets, "bad-options" for unknown classes', () => {
      const hidden = save(user2, newProject('private'), g['private-1']!);
      for (const id of [idOf(hidden), 987654]) {
        const rsp = submitAndWait(user3, new Delete2({ targetObjects: { 'omero.model.Project': [id] } }));
        assert.equal(errMessage(rsp), 'cannot read all the specified objects of class ome.model.containers.Project');
      }
      const bad = submitAndWait(user2, new Delete2({ targetObjects: { Nonsense: [1] } }));
      assert.ok(bad instanceof ERR && bad.name === 'bad-options', String(bad));
      assert.ok(exists(root, 'Project', idOf(hidden)));
    });

    it('cascades a Delete2 to orphaned contents and annotations, per api §4.6', () => {
      const group = g['gc-ra']!;
      const keepProject = save(user2, newProject('keeps shared dataset'), group);
      const shared = save(user2, newDataset('shared'), group);
      const otherDataset = save(user2, newDataset('holds shared image'), group);
      const sharedImage = save(user2, newImage('shared image'), group);
      const p = newProject('to delete');
      const own = newDataset('own');
      const ownImage = newImage('own image');
      own.linkImage(ownImage);
      own.linkImage(new ImageI(idOf(sharedImage), false));
      p.linkDataset(own);
      p.linkDataset(new DatasetI(idOf(shared), false));
      const map = new MapAnnotationI();
      map.mapValue = [new NamedValue('k', 'v')];
      own.linkAnnotation(map);
      p.linkAnnotation(newComment('user-2 comment'));
      p.linkAnnotation(newTag('user-2 tag'));
      const project = save(user2, p, group);
      const link = (parent: IObject, child: IObject) => {
        const l = new ProjectDatasetLinkI();
        l.link(new ProjectI(idOf(parent), false), new DatasetI(idOf(child), false));
        return l;
      };
      save(user2, link(keepProject, shared), group);
      const dil = new DatasetImageLinkI();
      dil.link(new DatasetI(idOf(otherDataset), false), new ImageI(idOf(sharedImage), false));
      save(user2, dil, group);
      const annotate = (annotation: IObject) => {
        const l = new ProjectAnnotationLinkI();
        l.link(new ProjectI(idOf(project), false), annotation as CommentAnnotationI);
        return save(user3, l, group);
      };
      const user3Comment = annotate(newComment('user-3 comment')).child!;
      const user3Tag = annotate(newTag('user-3 tag')).child!;
      const ownDataset = project.linkedDatasetList().find((d) => d.name!.val === 'own')!;

      const dry = submitAndWait(user2, new Delete2({ targetObjects: { ProjectI: [idOf(project)] }, dryRun: true }));
      assert.ok(dry instanceof Delete2Response, String(dry));
      assert.ok(exists(root, 'Project', idOf(project)), 'a dry run deletes nothing');

      const rsp = submitAndWait(user2, new Delete2({ targetObjects: { 'ome.model.containers.Project': [idOf(project)] } }));
      assert.ok(rsp instanceof Delete2Response, String(rsp));
      assert.deepEqual(rsp.deletedObjects, dry.deletedObjects);
      const deleted = rsp.deletedObjects!;
      assert.deepEqual(deleted[P], [idOf(project)]);
      assert.deepEqual(deleted[D], [idOf(ownDataset)]);
      assert.equal(deleted[I]!.length, 1, 'only the image no other dataset holds');
      assert.equal(deleted[PDL]!.length, 2);
      assert.equal(deleted[DIL]!.length, 2);
      assert.equal(deleted[PAL]!.length, 4);
      assert.equal(deleted['ome.model.annotations.CommentAnnotation']!.length, 2, "comments go whoever owns them");
      assert.equal(deleted['ome.model.annotations.TagAnnotation']!.length, 1, "only the owner's tag");
      assert.equal(deleted['ome.model.annotations.MapAnnotation']!.length, 1);
      assert.ok(deleted['ome.model.annotations.CommentAnnotation']!.includes(idOf(user3Comment)));
      assert.equal(exists(root, 'Dataset', idOf(ownDataset)), false);
      for (const [cls, obj] of [['Dataset', shared], ['Project', keepProject], ['Image', sharedImage], ['Dataset', otherDataset], ['TagAnnotation', user3Tag]] as const) {
        assert.ok(exists(root, cls, idOf(obj)), `${cls}:${idOf(obj)} survives`);
      }
      assert.deepEqual(Object.keys(deleted).sort(), [
        'ome.model.annotations.CommentAnnotation',
        'ome.model.annotations.DatasetAnnotationLink',
        'ome.model.annotations.MapAnnotation',
        PAL,
        'ome.model.annotations.TagAnnotation',
        DIL,
        D,
        PDL,
        P,
        I,
      ].sort());
    });

    it('keeps annotations excluded by a child option', () => {
      const group = g['gc-ra']!;
      const p = newProject('keep comment');
      p.linkAnnotation(newComment('kept'));
      const project = save(user2, p, group);
      const comment = project.linkedAnnotationList()[0]!;
      const rsp = submitAndWait(user2, new Delete('/Project', idOf(project), { '/Annotation': 'KEEP' }));
      assert.ok(rsp instanceof DeleteRsp, String(rsp));
      assert.equal(rsp.actualDeletes, 2, 'the project and its annotation link');
      assert.ok(exists(root, 'CommentAnnotation', idOf(comment)));
    });

    it('moves a graph with Chgrp2 into a group the owner belongs to', () => {
      const from = g['read-only-1']!;
      const to = g['gc-dest']!;
      const stay = save(user2, newProject('stays'), from);
      const shared = save(user2, newDataset('shared, stays'), from);
      const l = new ProjectDatasetLinkI();
      l.link(new ProjectI(idOf(stay), false), new DatasetI(idOf(shared), false));
      save(user2, l, from);
      const p = newProject('moves');
      const d = newDataset('moves too');
      d.linkImage(newImage('moving image'));
      p.linkDataset(d);
      p.linkDataset(new DatasetI(idOf(shared), false));
      p.linkAnnotation(newComment('moving comment'));
      const project = save(user2, p, from);
      const dataset = project.linkedDatasetList().find((x) => x.name!.val === 'moves too')!;
      const rsp = submitAndWait(user2, new Chgrp2({ targetObjects: { Project: [idOf(project)] }, groupId: to }));
      assert.ok(rsp instanceof Chgrp2Response, String(rsp));
      assert.deepEqual(rsp.includedObjects![P], [idOf(project)]);
      assert.deepEqual(rsp.includedObjects![D], [idOf(dataset)]);
      assert.equal(rsp.includedObjects![I]!.length, 1);
      assert.equal(rsp.includedObjects!['ome.model.annotations.CommentAnnotation']!.length, 1);
      assert.equal(rsp.deletedObjects![PDL]!.length, 1, 'the link to the dataset left behind');
      assert.ok(exists(root, 'Project', idOf(project), to));
      assert.ok(exists(root, 'Dataset', idOf(dataset), to));
      assert.equal(exists(root, 'Project', idOf(project), from), false);
      assert.ok(exists(root, 'Dataset', idOf(shared), from));
    });

    it("moving into a private group leaves other owners' annotations behind and cuts their links", () => {
      const from = g['gc-ra']!;
      const to = g['private-1']!;
      const p = newProject('to private');
      p.linkAnnotation(newComment('own comment'));
      const project = save(user2, p, from);
      const ownComment = project.linkedAnnotationList()[0]!;
      const link = new ProjectAnnotationLinkI();
      link.link(new ProjectI(idOf(project), false), newComment('user-3 comment'));
      const otherLink = save(user3, link, from);
      const rsp = submitAndWait(root, new Chgrp2({ targetObjects: { Project: [idOf(project)] }, groupId: to }));
      assert.ok(rsp instanceof Chgrp2Response, String(rsp));
      assert.deepEqual(rsp.includedObjects!['ome.model.annotations.CommentAnnotation'], [idOf(ownComment)]);
      assert.deepEqual(rsp.deletedObjects![PAL], [idOf(otherLink)]);
      assert.ok(exists(root, 'Project', idOf(project), to));
      assert.ok(exists(root, 'CommentAnnotation', idOf(ownComment), to));
      assert.ok(exists(root, 'CommentAnnotation', idOf(otherLink.child!), from));
    });

    it('refuses Chgrp2 into a group the caller is not in, and of data the caller does not own', () => {
      const mine = save(user3, newProject('user-3 stays home'), g['read-only-1']!);
      const rsp = submitAndWait(user3, new Chgrp2({ targetObjects: { Project: [idOf(mine)] }, groupId: g['private-1']! }));
      assert.ok(rsp instanceof ERR && rsp.name === 'not-in-group', String(rsp));
      assert.ok(exists(root, 'Project', idOf(mine), g['read-only-1']!));
      const theirs = save(user2, newProject('user-2 in gc-pi'), g['gc-pi']!);
      const byPi = submitAndWait(user3, new Chgrp2({ targetObjects: { Project: [idOf(theirs)] }, groupId: g['read-only-1']! }));
      assert.match(errMessage(byPi), /^does not own ome\.model\.containers\.Project\[\d+\]$/);
    });

    it('lets a PI give a member\'s data away with Chown2, not a plain member', () => {
      const group = g['gc-pi']!;
      const project = save(user2, newProject('to be given'), group);
      const byMember = submitAndWait(user2, new Chown2({ targetObjects: { Project: [idOf(project)] }, userId: uid3 }));
      assert.ok(byMember instanceof ERR, String(byMember));
      const rsp = submitAndWait(user3, new Chown2({ targetObjects: { Project: [idOf(project)] }, userId: uid3 }));
      assert.ok(rsp instanceof Chown2Response, String(rsp));
      assert.deepEqual(rsp.includedObjects![P], [idOf(project)]);
      const stale = project;
      stale.name = rstring('renamed with stale details');
      assert.throws(() => save(user3, stale, group), /not authorized to change the owner|stale/);
      const again = new ProjectI(idOf(project));
      again.name = rstring('renamed by the new owner');
      assert.throws(() => save(user2, again, group), /may not edit/);
      const renamed = save(user3, again, group);
      assert.equal(renamed.details.owner!.id!.val, uid3);
      assert.equal(renamed.details.permissions!.canChown(), true);
    });

    it("Chown2 with targetUsers gives all of a user's data in the PI's groups", () => {
      const admin = root.getSession().getAdminService();
      const leaver = new ExperimenterI();
      leaver.omeName = rstring('leaver');
      leaver.firstName = rstring('Lea');
      leaver.lastName = rstring('Ver');
      leaver.ldap = rbool(false);
      const leaverId = admin.createExperimenterWithPassword(leaver, rstring('leaver-password'), g['gc-pi']!, [g['read-only-1']!, 1]);
      const client = fx.login('leaver', 'leaver-password');
      const p = newProject('left behind');
      p.linkDataset(newDataset('also left'));
      const inPi = save(client, p, g['gc-pi']!);
      const elsewhere = save(client, newProject('not in a led group'), g['read-only-1']!);
      const rsp = submitAndWait(user3, new Chown2({ targetUsers: [leaverId], userId: uid2 }));
      assert.ok(rsp instanceof Chown2Response, String(rsp));
      assert.deepEqual(rsp.includedObjects![P], [idOf(inPi)]);
      assert.deepEqual(rsp.includedObjects![D], [idOf(inPi.linkedDatasetList()[0]!)]);
      assert.equal(rsp.includedObjects![PDL]!.length, 1);
      const renamed = new ProjectI(idOf(inPi));
      renamed.name = rstring('now user-2\'s');
      assert.equal(save(user2, renamed, g['gc-pi']!).details.owner!.id!.val, uid2);
      const untouched = new ProjectI(idOf(elsewhere));
      untouched.name = rstring('still the leaver\'s');
      assert.equal(save(client, untouched, g['read-only-1']!).details.owner!.id!.val, leaverId);
    });

    it('Chmod2 rwra-- → rw---- severs cross-owner annotation links; a plain member may not', () => {
      const group = g['gc-chmod']!;
      const project = save(user2, newProject('annotated by user-3'), group);
      const link = new ProjectAnnotationLinkI();
      link.link(new ProjectI(idOf(project), false), newComment('user-3 says hi'));
      const commentLink = save(user3, link, group);
      const tagLink = new ProjectAnnotationLinkI();
      tagLink.link(new ProjectI(idOf(project), false), newTag('user-3 tag'));
      const savedTagLink = save(user3, tagLink, group);
      const byMember = submitAndWait(user2, new Chmod2({ targetObjects: { ExperimenterGroup: [group] }, permissions: 'rw----' }));
      assert.ok(byMember instanceof ERR, String(byMember));
      assert.match(errMessage(byMember), /^not permitted to chmod ome\.model\.meta\.ExperimenterGroup\[\d+\]/);
      const admin = root.getSession().getAdminService();
      assert.equal(admin.getGroup(group).details.permissions!.toString(), 'rwra--');
      const rsp = submitAndWait(root, new Chmod2({ targetObjects: { ExperimenterGroup: [group] }, permissions: 'rw----' }));
      assert.ok(rsp instanceof Chmod2Response, String(rsp));
      assert.deepEqual(rsp.includedObjects, { 'ome.model.meta.ExperimenterGroup': [group] });
      assert.deepEqual(rsp.deletedObjects![PAL], [idOf(commentLink), idOf(savedTagLink)].sort((a, b) => a - b));
      assert.deepEqual(rsp.deletedObjects!['ome.model.annotations.CommentAnnotation'], [idOf(commentLink.child!)]);
      assert.equal(rsp.deletedObjects!['ome.model.annotations.TagAnnotation'], undefined);
      assert.equal(admin.getGroup(group).details.permissions!.toString(), 'rw----');
      assert.ok(exists(root, 'Project', idOf(project)));
      assert.ok(exists(root, 'TagAnnotation', idOf(savedTagLink.child!)));
      assert.equal(exists(root, 'CommentAnnotation', idOf(commentLink.child!)), false);
      const back = submitAndWait(root, new Chmod2({ targetObjects: { ExperimenterGroup: [group] }, permissions: 'rwr---' }));
      assert.ok(back instanceof Chmod2Response);
      assert.deepEqual(back.deletedObjects, {});
      const noRead = submitAndWait(root, new Chmod2({ targetObjects: { ExperimenterGroup: [group] }, permissions: '--r---' }));
      assert.ok(noRead instanceof ERR && noRead.name === 'bad-options', String(noRead));
      const project2 = submitAndWait(root, new Chmod2({ targetObjects: { Project: [idOf(project)] }, permissions: 'rw----' }));
      assert.ok(project2 instanceof ERR && project2.name === 'bad-options');
      assert.equal(admin.getGroup(group).details.permissions!.toString(), 'rwr---');
    });
  });
}
