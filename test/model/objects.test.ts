import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  AnnotationI,
  ClientError,
  CommentAnnotationI,
  DatasetI,
  DetailsI,
  EventI,
  ExperimenterGroupI,
  ExperimenterI,
  GroupExperimenterMapI,
  iceStringify,
  IObject,
  ImageI,
  MapAnnotationI,
  MODEL_CLASSES,
  NamedValue,
  PermissionsI,
  ProjectDatasetLinkI,
  ProjectI,
  rbool,
  RLongI,
  rlong,
  rstring,
  rtime,
  SessionI,
  TagAnnotationI,
  LongAnnotationI,
  UnloadedEntityException,
} from '../../src/model/index.js';

describe('model object construction (reference omero-api.md §2.5)', () => {
  it('new ProjectI() is new and loaded, with fresh details and loaded empty collections', () => {
    const p = new ProjectI();
    assert.equal(p.id, null);
    assert.equal(p.isLoaded(), true);
    assert.ok(p.details instanceof DetailsI);
    assert.equal(p.details.owner, null);
    assert.deepEqual(p._datasetLinksSeq, []);
    assert.equal(p._datasetLinksLoaded, true);
    assert.equal(p.sizeOfDatasetLinks(), 0);
    assert.equal(p.name, null);
  });

  it('new ProjectI(5) is loaded with an id; (5, false) and "Project:5" are unloaded proxies', () => {
    const loaded = new ProjectI(5);
    assert.ok(loaded.id instanceof RLongI);
    assert.equal(loaded.id?.val, 5);
    assert.equal(loaded.isLoaded(), true);
    for (const proxy of [new ProjectI(5, false), new ProjectI('Project:5'), new ProjectI('ProjectI:5')]) {
      assert.equal(proxy.id?.val, 5);
      assert.equal(proxy.isLoaded(), false);
      assert.equal(proxy.details, null);
      assert.equal(proxy._datasetLinksSeq, null);
      assert.equal(proxy.sizeOfDatasetLinks === undefined, false);
    }
    assert.equal(new ProjectI('Project:5', true).isLoaded(), true);
    assert.equal(new ProjectI(rlong(6)).id?.val, 6);
    assert.equal(new ProjectI('7').id?.val, 7);
  });

  it('rejects mismatched or malformed proxy strings', () => {
    assert.throws(() => new ProjectI('Dataset:5'), { message: 'Proxy class mismatch: ProjectI<>Dataset' });
    assert.throws(() => new ProjectI('Project:5:6'), { message: 'Invalid proxy string: Project:5:6' });
    assert.throws(() => new ProjectI('Project:x'), /invalid long value/);
  });

  it('an object of fields in place of the id says what the first argument is', () => {
    assert.throws(() => new ProjectI({ name: rstring('p') } as never), /omero\.model\.ProjectI\(id, loaded\) takes an id .*setName\(rstring/);
    // An rlong is an id, not fields.
    assert.equal(new ProjectI(rlong(7)).getId()!.getValue(), 7);
  });

  it('refuses to instantiate abstract classes', () => {
    const Abstract = AnnotationI as unknown as new () => IObject;
    assert.throws(() => new Abstract(), { message: 'omero.model.Annotation is an abstract class' });
  });

  it('exposes members as plain own data properties (no Proxy, no own getters)', () => {
    const p = new ProjectI(1);
    p.name = rstring('x');
    assert.equal(p.name.val, 'x');
    assert.equal(p.id?.val, 1);
    for (const [key, descriptor] of Object.entries(Object.getOwnPropertyDescriptors(p))) {
      assert.ok('value' in descriptor, `${key} must be a data property`);
      assert.equal(descriptor.get, undefined);
    }
    assert.deepEqual(Object.keys(p), [
      'id',
      'details',
      '_loaded',
      'version',
      '_datasetLinksSeq',
      '_datasetLinksLoaded',
      '_datasetLinksCountPerOwner',
      '_annotationLinksSeq',
      '_annotationLinksLoaded',
      '_annotationLinksCountPerOwner',
      'name',
      'description',
    ]);
    assert.equal(Object.hasOwn(p, 'getName'), false);
    assert.equal(typeof ProjectI.prototype.getName, 'function');
  });

  it('reads details.owner.id.val as in the seed', () => {
    const p = new ProjectI(4);
    p.details.owner = new ExperimenterI(10, false);
    p.details.group = new ExperimenterGroupI(8, false);
    assert.equal(p.details.owner.id?.val, 10);
    assert.equal(p.getDetails().getGroup()?.id?.val, 8);
  });
});

describe('accessors and loadedness', () => {
  it('getX/setX read and write the fields', () => {
    const e = new ExperimenterI();
    e.setOmeName(rstring('user-2'));
    e.setLdap(rbool(false));
    assert.equal(e.getOmeName()?.val, 'user-2');
    assert.equal(e.omeName?.val, 'user-2');
    assert.equal(e.getLdap()?.val, false);
    const i = new ImageI();
    i.setAcquisitionDate(rtime(1000));
    assert.equal(i.acquisitionDate?.val, 1000);
  });

  it('accessors on an unloaded object throw UnloadedEntityException("Object unloaded:<dump>"); properties read null', () => {
    const e = new ExperimenterI(1, false);
    assert.equal(e.omeName, null);
    assert.throws(
      () => e.getOmeName(),
      (err: unknown) =>
        err instanceof UnloadedEntityException &&
        err.message.startsWith('Object unloaded:object #0 (::omero::model::Experimenter)'),
    );
    assert.throws(() => e.setOmeName(rstring('x')), UnloadedEntityException);
    assert.throws(() => e.getDetails(), UnloadedEntityException);
    assert.throws(() => e.getVersion(), UnloadedEntityException);
    assert.equal(e.getId()?.val, 1);
    e.setId(rlong(2));
    assert.equal(e.id?.val, 2);
  });

  it('unload() clears fields, collections and details but keeps the id', () => {
    const p = new ProjectI(3);
    p.name = rstring('n');
    p.linkDataset(new DatasetI());
    p.unload();
    assert.equal(p.isLoaded(), false);
    assert.equal(p.name, null);
    assert.equal(p._datasetLinksSeq, null);
    assert.equal(p._datasetLinksLoaded, false);
    assert.equal(p.details, null);
    assert.equal(p.id?.val, 3);
  });

  it('unloadCollections() and unloadDetails()', () => {
    const g = new ExperimenterGroupI(1);
    g.unloadCollections();
    assert.equal(g.sizeOfGroupExperimenterMap(), -1);
    assert.equal(g._annotationLinksSeq, null);
    g.unloadDetails();
    assert.equal(g.details, null);
    assert.equal(g.isLoaded(), true);
  });

  it('proxy() returns an unloaded copy with the id, ClientError without one', () => {
    const d = new DatasetI(9);
    d.name = rstring('d');
    const proxy = d.proxy();
    assert.ok(proxy instanceof DatasetI);
    assert.notEqual(proxy, d);
    assert.equal(proxy.isLoaded(), false);
    assert.equal(proxy.id?.val, 9);
    assert.throws(() => new DatasetI().proxy(), (e: unknown) => e instanceof ClientError && e.message === 'Proxies require an id');
  });

  it('version accessors and flags', () => {
    const p = new ProjectI();
    assert.equal(p.getVersion(), null);
    assert.equal(p.isGlobal(), false);
    assert.equal(p.isAnnotated(), true);
    assert.equal(p.isLink(), false);
    assert.equal(p.isMutable(), true);
    assert.equal(new ExperimenterI().isGlobal(), true);
    assert.equal(new GroupExperimenterMapI().isLink(), true);
    assert.equal(new GroupExperimenterMapI().isGlobal(), true);
    assert.equal(new EventI().isMutable(), false);
    assert.equal(new ProjectDatasetLinkI().isAnnotated(), false);
    assert.ok(!iceStringify(new EventI()).includes('_version'));
  });

  it('knows its Ice type id', () => {
    assert.equal(new ProjectI().ice_id(), '::omero::model::Project');
    assert.equal(ExperimenterGroupI.ice_staticId(), '::omero::model::ExperimenterGroup');
    assert.equal(String(new ProjectI()), iceStringify(new ProjectI()));
  });
});

describe('specific classes', () => {
  it('annotations carry ns/name/description and their value fields', () => {
    const c = new CommentAnnotationI();
    c.textValue = rstring('hello');
    c.ns = rstring('openmicroscopy.org/test');
    assert.equal(c.getTextValue()?.val, 'hello');
    assert.equal(c.getNs()?.val, 'openmicroscopy.org/test');
    assert.ok(c instanceof AnnotationI);
    const t = new TagAnnotationI();
    t.setTextValue(rstring('tag'));
    const l = new LongAnnotationI();
    l.setLongValue(rlong(5));
    assert.equal(l.longValue?.val, 5);
    assert.ok(iceStringify(c).indexOf('_ns') < iceStringify(c).indexOf('_textValue'));
  });

  it('MapAnnotationI.getMapValueAsMap() and config maps', () => {
    const m = new MapAnnotationI();
    assert.equal(m.getMapValueAsMap(), null);
    m.setMapValue([new NamedValue('a', '1'), new NamedValue({ name: 'b', value: '2' })]);
    assert.deepEqual(m.getMapValueAsMap(), { a: '1', b: '2' });
    const g = new ExperimenterGroupI();
    g.config = [new NamedValue('omero.policy.binary_access', '-read')];
    assert.deepEqual(g.getConfigAsMap(), { 'omero.policy.binary_access': '-read' });
    assert.equal(new NamedValue().name, '');
  });

  it('DetailsI accessors and Ice members', () => {
    const d = new DetailsI();
    const perms = new PermissionsI('rwr---');
    d.setPermissions(perms);
    d.setOwner(new ExperimenterI(1, false));
    d.setGroup(new ExperimenterGroupI(2, false));
    d.setCreationEvent(new EventI(3, false));
    d.setUpdateEvent(new EventI(4, false));
    d.setExternalInfo(null);
    assert.equal(d.getPermissions(), perms);
    assert.equal(d.getOwner()?.id?.val, 1);
    assert.equal(d.getCreationEvent()?.id?.val, 3);
    assert.equal(d.getUpdateEvent()?.id?.val, 4);
    assert.equal(d.getExternalInfo(), null);
    assert.equal(new DetailsI({ permissions: perms }).permissions, perms);
    assert.ok(iceStringify(d).includes('    _call = {}\n    _event = <nil>\n}'));
  });

  it('SessionI holds uuid, times, owner and sudoer', () => {
    const s = new SessionI();
    s.uuid = rstring('abc');
    s.owner = new ExperimenterI(2, false);
    s.sudoer = new ExperimenterI(0, false);
    s.timeToIdle = rlong(600000);
    s.started = rtime(0);
    assert.equal(s.getUuid()?.val, 'abc');
    assert.equal(s.getSudoer()?.id?.val, 0);
    assert.equal(s.getTimeToIdle()?.val, 600000);
  });

  it('every registered concrete class constructs loaded and unloaded and prints', () => {
    for (const cls of MODEL_CLASSES) {
      if (cls.meta.abstract) continue;
      const Ctor = cls as unknown as new (id?: number, loaded?: boolean) => IObject;
      const loaded = new Ctor();
      const proxy = new Ctor(1, false);
      assert.equal(loaded.ice_id(), cls.meta.iceTypeId);
      assert.ok(iceStringify(loaded).startsWith(`object #0 (${cls.meta.iceTypeId})`));
      assert.ok(iceStringify(proxy).includes('    _loaded = False'));
    }
  });
});
