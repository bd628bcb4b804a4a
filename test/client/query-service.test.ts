import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  ApiUsageException,
  DatasetI,
  ImageI,
  ParametersI,
  ProjectI,
  QueryException,
  SecurityViolation,
  ValidationException,
  rstring,
  type IObject,
} from '../../src/model/index.js';
import { openEngine, type EngineFixture } from '../helpers/engine-client.js';
import { ENGINES } from '../helpers/test-database.js';

for (const engine of ENGINES) {
  describe(`IQuery and IContainer (${engine})`, () => {
    let fx: EngineFixture;
    let privateId: number;
    let readOnlyGroup: number;
    let privateGroup: number;
    let hierarchy: { project: number; dataset: number; image: number };

    before(async () => {
      fx = await openEngine(engine, { example: true });
      const sf = fx.login('user-2').getSession();
      const admin = sf.getAdminService();
      privateGroup = admin.lookupGroup('private-1').id!.val as number;
      readOnlyGroup = admin.lookupGroup('read-only-1').id!.val as number;
      const p = new ProjectI();
      p.name = rstring('hidden from others');
      privateId = sf.getUpdateService().saveAndReturnObject(p, { 'omero.group': String(privateGroup) }).id!.val as number;
      const project = new ProjectI();
      project.name = rstring('tree');
      const dataset = new DatasetI();
      dataset.name = rstring('tree dataset');
      const image = new ImageI();
      image.name = rstring('tree image');
      dataset.linkImage(image);
      project.linkDataset(dataset);
      const saved = sf.getUpdateService().saveAndReturnObject(project, { 'omero.group': String(readOnlyGroup) });
      const ds = sf.getQueryService().findByQuery(
        'select d from Dataset d join fetch d.imageLinks l join fetch l.child where d.name = :n',
        new ParametersI().addString('n', 'tree dataset'),
        { 'omero.group': String(readOnlyGroup) },
      ) as DatasetI;
      hierarchy = { project: saved.id!.val as number, dataset: ds.id!.val as number, image: ds.linkedImageList()[0]!.id!.val as number };
    });
    after(async () => {
      await fx.close();
    });

    it('get: a missing row is a ValidationException, an unreadable one a SecurityViolation', () => {
      const q3 = fx.login('user-3').getSession().getQueryService();
      assert.throws(() => q3.get('Project', 99999999), ValidationException);
      assert.throws(() => q3.get('Project', privateId, { 'omero.group': '-1' }), (e: unknown) => e instanceof SecurityViolation && /Cannot read ome\.model\.containers\.Project:Id_/.test((e as Error).message));
      assert.equal(q3.find('Project', privateId, { 'omero.group': '-1' }), null);
      const q2 = fx.login('user-2').getSession().getQueryService();
      assert.equal((q2.get('omero.model.Project', privateId) as ProjectI).name!.val, 'hidden from others');
      assert.equal((q2.get('ome.model.containers.Project', privateId) as ProjectI).name!.val, 'hidden from others');
      assert.throws(() => q2.get('NoSuchClass', 1), (e: unknown) => e instanceof ApiUsageException && /does not specify a valid class/.test((e as Error).message));
    });

    it('drops unreadable rows silently and reads other groups only with their id or -1', () => {
      const q3 = fx.login('user-3').getSession().getQueryService();
      const all = q3.findAllByQuery('select p from Project p', null, { 'omero.group': '-1' });
      assert.ok(!all.some((p: IObject) => p.id!.val === privateId));
      assert.ok(all.some((p: IObject) => p.id!.val === hierarchy.project));
      const q2 = fx.login('user-2').getSession().getQueryService();
      assert.equal(q2.findAllByQuery('select p from Project p where p.id = :id', new ParametersI().addId(hierarchy.project)).length, 0, 'session group is private-1');
      assert.equal(q2.findAllByQuery('select p from Project p where p.id = :id', new ParametersI().addId(hierarchy.project), { 'omero.group': String(readOnlyGroup) }).length, 1);
    });

    it('refuses bad queries with OMERO exception types and positions', () => {
      const q = fx.login('user-2').getSession().getQueryService();
      assert.throws(() => q.findAllByQuery('select p frm Project p', null), (e: unknown) => e instanceof QueryException && /Illegal query/.test((e as Error).message) && /1:\d+/.test((e as Error).message));
      assert.throws(() => q.findAllByQuery('select p from Nope p', null), QueryException);
      assert.throws(() => q.findAllByQuery('select p from Project p where p.id = :id', new ParametersI()), (e: unknown) => e instanceof ApiUsageException && /Null parameters not allowed: id/.test((e as Error).message));
      assert.throws(() => q.findAllByQuery('select p.name from Project p', null), ApiUsageException);
      assert.throws(() => q.findByQuery('select p from Project p', null, { 'omero.group': '-1' }), ApiUsageException);
    });

    it('projects scalars as rtypes and counts', () => {
      const q = fx.login('user-2').getSession().getQueryService();
      const rows = q.projection('select p.id, p.name from Project p where p.id = :id', new ParametersI().addId(hierarchy.project), { 'omero.group': '-1' });
      assert.equal(rows.length, 1);
      assert.equal(rows[0]![0]!.val, hierarchy.project);
      assert.equal(rows[0]![1]!.val, 'tree');
      const [[count]] = q.projection('select count(p) from Project p', null, { 'omero.group': String(readOnlyGroup) }) as unknown as [[{ val: number }]];
      assert.ok(count.val >= 1);
    });

    it('pages with ParametersI.page and finds by string', () => {
      const q = fx.login('user-2').getSession().getQueryService();
      const page = q.findAllByQuery('select p from Project p order by p.id', new ParametersI().page(0, 1), { 'omero.group': '-1' });
      assert.equal(page.length, 1);
      const found = q.findAllByString('Project', 'name', 'TREE', false, null, { 'omero.group': String(readOnlyGroup) });
      assert.ok(found.some((p: IObject) => p.id!.val === hierarchy.project));
      assert.equal(q.findAllByString('Project', 'name', 'TREE', true, null, { 'omero.group': String(readOnlyGroup) }).length, 0);
      assert.throws(() => q.findByString('Project', 'name; drop table project', 'x'), ApiUsageException);
    });

    it('IContainer loads hierarchies and honours exp()', () => {
      const sf = fx.login('user-3').getSession();
      const c = sf.getContainerService();
      const ctx = { 'omero.group': String(readOnlyGroup) };
      const [project] = c.loadContainerHierarchy('Project', [hierarchy.project], new ParametersI().leaves(), ctx) as ProjectI[];
      const [dataset] = project!.linkedDatasetList();
      assert.equal(dataset!.name!.val, 'tree dataset');
      assert.equal((dataset as DatasetI).linkedImageList()[0]!.name!.val, 'tree image');
      const user2 = sf.getAdminService().lookupExperimenter('user-2').id!.val as number;
      const user3 = sf.getAdminService().getEventContext().userId;
      assert.ok(c.loadContainerHierarchy('Project', null, new ParametersI().exp(user2), ctx).some((p: IObject) => p.id!.val === hierarchy.project));
      assert.ok(!c.loadContainerHierarchy('Project', null, new ParametersI().exp(user3), ctx).some((p: IObject) => p.id!.val === hierarchy.project));
      assert.throws(() => c.loadContainerHierarchy('Project', null, new ParametersI(), ctx), ApiUsageException);
      assert.deepEqual(c.getImages('Project', [hierarchy.project], null, ctx).map((i: IObject) => i.id!.val), [hierarchy.image]);
      const roots = c.findContainerHierarchies('Project', [hierarchy.image], null, ctx);
      assert.ok(roots.some((r: IObject) => r.id!.val === hierarchy.project));
    });

    it('acts as another user (omero.user) only for admins', () => {
      const q2 = fx.login('user-2').getSession().getQueryService();
      assert.throws(() => q2.findAllByQuery('select p from Project p', null, { 'omero.user': '0' }), (e: unknown) => e instanceof SecurityViolation && /is not an admin and so cannot set uid to 0/.test((e as Error).message));
      assert.ok(Array.isArray(fx.login().getSession().getQueryService().findAllByQuery('select p from Project p', null, { 'omero.user': '2', 'omero.group': '-1' })));
    });
  });
}
