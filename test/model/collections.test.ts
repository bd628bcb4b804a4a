import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  ClientError,
  CommentAnnotationI,
  DatasetI,
  DatasetImageLinkI,
  ExperimenterGroupI,
  ExperimenterI,
  GroupExperimenterMapI,
  ImageI,
  ProjectAnnotationLinkI,
  ProjectDatasetLinkI,
  ProjectI,
  SessionI,
  EventI,
  rbool,
  rstring,
  UnloadedCollectionException,
  UnloadedEntityException,
  type IObject,
} from '../../src/model/index.js';

function member(omeName: string, id: number): ExperimenterI {
  const e = new ExperimenterI(id);
  e.omeName = rstring(omeName);
  return e;
}

describe('link collections (Project.datasetLinks ↔ Dataset.projectLinks)', () => {
  it('linkDataset creates the link, adds it to both loaded ends and returns it', () => {
    const p = new ProjectI();
    const d = new DatasetI();
    const link = p.linkDataset(d);
    assert.ok(link instanceof ProjectDatasetLinkI);
    assert.equal(link.parent, p);
    assert.equal(link.child, d);
    assert.equal(link.getParent(), p);
    assert.deepEqual(p.copyDatasetLinks(), [link]);
    assert.deepEqual(d.copyProjectLinks(), [link]);
    assert.deepEqual(p.linkedDatasetList(), [d]);
    assert.deepEqual(d.linkedProjectList(), [p]);
    assert.equal(p.sizeOfDatasetLinks(), 1);
  });

  it('does not touch an unloaded other end', () => {
    const p = new ProjectI();
    const proxy = new DatasetI(3, false);
    p.linkDataset(proxy);
    assert.equal(p.sizeOfDatasetLinks(), 1);
    assert.equal(proxy._projectLinksSeq, null);
  });

  it('works from the child side too (Dataset.linkProject, Image.linkDataset)', () => {
    const d = new DatasetI();
    const p = new ProjectI();
    const link = d.linkProject(p);
    assert.equal(link.parent, p);
    assert.equal(link.child, d);
    assert.deepEqual(p.linkedDatasetList(), [d]);
    const i = new ImageI();
    const dil = i.linkDataset(d);
    assert.ok(dil instanceof DatasetImageLinkI);
    assert.deepEqual(d.linkedImageList(), [i]);
    assert.deepEqual(i.linkedDatasetList(), [d]);
  });

  it('unlinkDataset removes the link from both ends; find matches by identity or by id', () => {
    const p = new ProjectI();
    const d = new DatasetI(7);
    p.linkDataset(d);
    assert.equal(p.findProjectDatasetLink(d).length, 1);
    assert.equal(p.findProjectDatasetLink(new DatasetI(7, false)).length, 1);
    assert.equal(p.findProjectDatasetLink(new DatasetI(8, false)).length, 0);
    p.unlinkDataset(new DatasetI(7, false));
    assert.equal(p.sizeOfDatasetLinks(), 0);
    assert.equal(d.sizeOfProjectLinks(), 0);
  });

  it('add/remove/clear set and reset the owning end of the link', () => {
    const p = new ProjectI();
    const link = new ProjectDatasetLinkI();
    p.addProjectDatasetLink(link);
    assert.equal(link.parent, p);
    p.removeProjectDatasetLink(link);
    assert.equal(link.parent, null);
    const a = new ProjectDatasetLinkI();
    const b = new ProjectDatasetLinkI();
    p.addAllProjectDatasetLinkSet([a, b]);
    assert.equal(p.sizeOfDatasetLinks(), 2);
    p.removeAllProjectDatasetLinkSet([a]);
    assert.deepEqual(p.copyDatasetLinks(), [b]);
    p.clearDatasetLinks();
    assert.equal(p.sizeOfDatasetLinks(), 0);
    assert.equal(b.parent, null);
  });

  it('addToBoth/removeFromBoth honour bothSides', () => {
    const p = new ProjectI();
    const d = new DatasetI();
    const link = new ProjectDatasetLinkI();
    link.link(p, d);
    p.addProjectDatasetLinkToBoth(link, false);
    assert.equal(d.sizeOfProjectLinks(), 0);
    p.removeProjectDatasetLinkFromBoth(link, false);
    p.addProjectDatasetLinkToBoth(link, true);
    assert.equal(d.sizeOfProjectLinks(), 1);
    p.removeProjectDatasetLinkFromBoth(link, true);
    assert.equal(d.sizeOfProjectLinks(), 0);
    assert.equal(p.sizeOfDatasetLinks(), 0);
  });

  it('copy returns a copy; iterate iterates; copy does not alias the internal array', () => {
    const p = new ProjectI();
    p.linkDataset(new DatasetI());
    const copy = p.copyDatasetLinks();
    copy.pop();
    assert.equal(p.sizeOfDatasetLinks(), 1);
    assert.equal([...p.iterateDatasetLinks()].length, 1);
    assert.equal(p.isDatasetLinksLoaded(), true);
  });
});

describe('unloaded collections', () => {
  it('sizeOfX() is -1; copy/linked/add throw UnloadedCollectionException (also an UnloadedEntityException)', () => {
    const p = new ProjectI(1);
    p.unloadDatasetLinks();
    assert.equal(p.sizeOfDatasetLinks(), -1);
    assert.equal(p.isDatasetLinksLoaded(), false);
    for (const call of [
      () => p.copyDatasetLinks(),
      () => p.linkedDatasetList(),
      () => p.linkDataset(new DatasetI()),
      () => p.iterateDatasetLinks(),
      () => p.clearDatasetLinks(),
    ]) {
      assert.throws(call, (e: unknown) => e instanceof UnloadedCollectionException && e instanceof UnloadedEntityException);
    }
    assert.throws(() => p.copyDatasetLinks(), /Error updating collection:datasetLinksSeq\nCollection is currently null/);
  });

  it('collection methods on an unloaded object throw UnloadedEntityException', () => {
    const p = new ProjectI(1, false);
    assert.throws(() => p.sizeOfDatasetLinks(), UnloadedEntityException);
    assert.throws(() => p.copyDatasetLinks(), (e: unknown) => e instanceof UnloadedEntityException && !(e instanceof UnloadedCollectionException));
  });

  it('reloadX copies the collection from a same-id instance', () => {
    const target = new ProjectI(5);
    target.unloadDatasetLinks();
    const source = new ProjectI(5);
    const link = source.linkDataset(new DatasetI(1, false));
    target.reloadDatasetLinks(source);
    assert.deepEqual(target.copyDatasetLinks(), [link]);
    assert.equal(link.parent, target);
    assert.equal(source.sizeOfDatasetLinks(), -1);
    assert.throws(() => target.reloadDatasetLinks(new ProjectI(5)), (e: unknown) => e instanceof ClientError && /Cannot reload active collection: datasetLinksSeq/.test(e.message));
    const other = new ProjectI(6);
    other.unloadDatasetLinks();
    assert.throws(() => other.reloadDatasetLinks(new ProjectI(5)), /same id/);
  });
});

describe('Experimenter ↔ ExperimenterGroup (GroupExperimenterMap)', () => {
  it('group.linkExperimenter / linkedExperimenterList (seed 002)', () => {
    const group = new ExperimenterGroupI(8);
    group.name = rstring('read-only-1');
    const u2 = member('user-2', 10);
    const u3 = member('user-3', 9);
    const map = group.linkExperimenter(u2);
    group.linkExperimenter(u3);
    assert.ok(map instanceof GroupExperimenterMapI);
    assert.equal(map.parent, group);
    assert.equal(map.child, u2);
    assert.deepEqual(
      group.linkedExperimenterList().map((v) => [v.id?.val, v.omeName?.val]),
      [
        [10, 'user-2'],
        [9, 'user-3'],
      ],
    );
    assert.deepEqual(u2.linkedExperimenterGroupList(), [group]);
    assert.equal(group.sizeOfGroupExperimenterMap(), 2);
    assert.equal(group.copyGroupExperimenterMap().length, 2);
  });

  it('experimenter side is ordered: index 0 is the default group', () => {
    const e = new ExperimenterI(10);
    const g1 = new ExperimenterGroupI(9);
    const g2 = new ExperimenterGroupI(8);
    const m1 = e.linkExperimenterGroup(g1);
    const m2 = e.linkExperimenterGroup(g2);
    assert.equal(m1.child, e);
    assert.equal(m1.parent, g1);
    assert.equal(e.getPrimaryGroupExperimenterMap(), m1);
    assert.equal(e.getGroupExperimenterMap(1), m2);
    assert.equal(e.sizeOfGroupExperimenterMap(), 2);
    assert.equal(e.setPrimaryGroupExperimenterMap(m2), m1);
    assert.deepEqual(e.copyGroupExperimenterMap(), [m2, m1]);
    assert.equal(e.setGroupExperimenterMap(0, m1), m2);
    assert.equal(e.setGroupExperimenterMap(0, m2), m1);
    assert.throws(() => e.getGroupExperimenterMap(5), RangeError);
    assert.throws(() => e.setPrimaryGroupExperimenterMap(new GroupExperimenterMapI()), ClientError);
    assert.equal(new ExperimenterI().getPrimaryGroupExperimenterMap(), null);
    assert.equal(g1.sizeOfGroupExperimenterMap(), 1);
    e.unlinkExperimenterGroup(g1);
    assert.equal(g1.sizeOfGroupExperimenterMap(), 0);
  });

  it('the owner flag lives on the map', () => {
    const m = new GroupExperimenterMapI();
    m.setOwner(rbool(true));
    assert.equal(m.getOwner()?.val, true);
    m.link(new ExperimenterGroupI(1, false), new ExperimenterI(2, false));
    assert.equal(m.getChild()?.id?.val, 2);
  });
});

describe('annotation links and plain collections', () => {
  it('annotation links are one-directional', () => {
    const p = new ProjectI();
    const c = new CommentAnnotationI();
    const link = p.linkAnnotation(c);
    assert.ok(link instanceof ProjectAnnotationLinkI);
    assert.deepEqual(p.linkedAnnotationList(), [c]);
    assert.equal(c.sizeOfAnnotationLinks(), 0);
    assert.equal(p.getAnnotationLinksCountPerOwner(), null);
    p._annotationLinksCountPerOwner = new Map([[10, 1]]);
    assert.equal(p.getAnnotationLinksCountPerOwner()?.get(10), 1);
  });

  it('plain collections (Image.pixels, Session.events) support the common methods', () => {
    const i = new ImageI();
    const px = new ImageI() as unknown as IObject;
    i.addPixels(px);
    assert.equal(i.sizeOfPixels(), 1);
    assert.equal(i.getPrimaryPixels(), px);
    i.removePixels(px);
    assert.equal(i.sizeOfRois(), 0);
    const s = new SessionI();
    const ev = new EventI();
    s.addEvent(ev);
    assert.deepEqual(s.copyEvents(), [ev]);
  });
});

describe('generated method names (omero-py spelling)', () => {
  const expected: Array<[object, string[]]> = [
    [
      ProjectI.prototype,
      [
        'getName', 'setName', 'getDescription', 'setDescription',
        'unloadDatasetLinks', 'sizeOfDatasetLinks', 'copyDatasetLinks', 'iterateDatasetLinks', 'isDatasetLinksLoaded',
        'addProjectDatasetLink', 'addAllProjectDatasetLinkSet', 'removeProjectDatasetLink', 'removeAllProjectDatasetLinkSet',
        'clearDatasetLinks', 'reloadDatasetLinks', 'getDatasetLinksCountPerOwner', 'linkDataset', 'addProjectDatasetLinkToBoth',
        'findProjectDatasetLink', 'unlinkDataset', 'removeProjectDatasetLinkFromBoth', 'linkedDatasetList',
        'linkAnnotation', 'linkedAnnotationList', 'copyAnnotationLinks', 'sizeOfAnnotationLinks', 'findProjectAnnotationLink',
      ],
    ],
    [DatasetI.prototype, ['linkProject', 'linkedProjectList', 'linkImage', 'linkedImageList', 'copyImageLinks', 'addDatasetImageLink']],
    [ImageI.prototype, ['linkDataset', 'linkedDatasetList', 'getPrimaryPixels', 'getPixels', 'addRoi', 'getAcquisitionDate', 'getSeries']],
    [
      ExperimenterI.prototype,
      [
        'linkExperimenterGroup', 'linkedExperimenterGroupList', 'copyGroupExperimenterMap', 'getGroupExperimenterMap',
        'getPrimaryGroupExperimenterMap', 'setPrimaryGroupExperimenterMap', 'sizeOfGroupExperimenterMap',
        'findGroupExperimenterMap', 'getOmeName', 'getFirstName', 'getMiddleName', 'getLastName', 'getInstitution', 'getEmail',
        'getLdap', 'getConfig', 'getConfigAsMap',
      ],
    ],
    [ExperimenterGroupI.prototype, ['linkExperimenter', 'linkedExperimenterList', 'copyGroupExperimenterMap', 'sizeOfGroupExperimenterMap', 'unlinkExperimenter']],
    [GroupExperimenterMapI.prototype, ['getParent', 'setParent', 'getChild', 'setChild', 'getOwner', 'setOwner', 'link']],
  ];
  for (const [proto, names] of expected) {
    it(`${(proto as { constructor: { name: string } }).constructor.name} has ${names.length} expected methods`, () => {
      for (const name of names) assert.equal(typeof (proto as Record<string, unknown>)[name], 'function', name);
    });
  }

  it('installed methods are non-enumerable prototype methods with their own names', () => {
    const d = Object.getOwnPropertyDescriptor(ProjectI.prototype, 'linkDataset');
    assert.equal(d?.enumerable, false);
    assert.equal(ProjectI.prototype.linkDataset.name, 'linkDataset');
    assert.equal(Object.hasOwn(ProjectI.prototype, 'getParent'), false);
  });
});
