import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Knex } from 'knex';
import {
  ApiUsageException,
  CommentAnnotationI,
  DatasetI,
  EventI,
  SessionI,
  ExperimenterGroupI,
  ExperimenterI,
  ImageI,
  LongAnnotationI,
  MapAnnotationI,
  PermissionsI,
  ProjectDatasetLinkI,
  ProjectI,
  RBoolI,
  RIntI,
  RLongI,
  RMapI,
  RObjectI,
  RStringI,
  RTimeI,
  TagAnnotationI,
} from '../../../src/model/index.js';
import {
  compileHql,
  type CompileHqlOptions,
  type Decorate,
  hydrateEntities,
  hydrateProjection,
} from '../../../src/server/hql/index.js';
import type { ReadScope } from '../../../src/server/security/read-scope.js';
import { SCOPES, testDatabaseOpeners, type TestDatabase } from './fixture.js';

/** Group permissions of the fixture, by group id. */
const GROUP_PERMS: Record<number, number> = { 0: -120, 1: -52, 2: -120, 3: -120, 4: -56, 5: -40 };

/** What the IQuery service will do: set `details.permissions` from the row's group. */
const decorate: Decorate = (obj, { groupId }) => {
  if (groupId === null) return;
  obj.details.permissions = new PermissionsI(GROUP_PERMS[groupId] ?? -120).makeImmutable();
};

/** Model objects are read dynamically here (`p.name.val`…), as in the Python shell. */
type AnyObj = any;

for (const opener of testDatabaseOpeners()) describe(`HQL hydration on ${opener.name}`, () => {
  let db: TestDatabase;
  before(async () => {
    db = await opener.open();
  });
  after(async () => {
    await db?.close();
  });

  async function rowsOf(hql: string, scope: ReadScope, params: Record<string, unknown>, options: Partial<CompileHqlOptions>) {
    const compiled = compileHql(hql, { params, scope, ...options });
    const result = await db.knex.raw(compiled.sql, compiled.bindings as readonly Knex.RawBinding[]);
    return { rows: result.rows as Record<string, unknown>[], shape: compiled.shape };
  }

  async function findAll(
    hql: string,
    scope: ReadScope,
    params: Record<string, unknown> = {},
    options: Partial<CompileHqlOptions> = {},
  ): Promise<AnyObj[]> {
    const { rows, shape } = await rowsOf(hql, scope, params, options);
    return hydrateEntities(rows, shape, decorate) as AnyObj[];
  }

  async function projection(hql: string, scope: ReadScope, params: Record<string, unknown> = {}) {
    const { rows, shape } = await rowsOf(hql, scope, params, {});
    return hydrateProjection(rows, shape, decorate);
  }

  it('loads entities with rtype fields, proxy details and unloaded collections', async () => {
    const projects = await findAll('select p from Project as p order by p.id', SCOPES.user2ReadOnly);
    assert.deepEqual(
      projects.map((p) => [p.id.val, p.name.val, p.details.owner.id.val]),
      [
        [12, 'p12', 2],
        [13, 'p13', 3],
      ],
    );
    const [p] = projects;
    assert.ok(p instanceof ProjectI && p.isLoaded());
    assert.ok(p.name instanceof RStringI);
    assert.ok(p.version instanceof RIntI);
    assert.equal(p.description, null);
    assert.ok(p.details.owner instanceof ExperimenterI && !p.details.owner.isLoaded());
    assert.ok(p.details.group instanceof ExperimenterGroupI);
    assert.equal(p.details.group.id!.val, 4);
    assert.equal(p.details.creationEvent!.id!.val, 90);
    assert.equal(String(p.details.permissions), 'rwr---');
    assert.equal(p.sizeOfDatasetLinks(), -1);
    assert.equal(p.sizeOfAnnotationLinks(), -1);
  });

  it('join fetch loads collections once, in order, with back-references to the owner', async () => {
    const q = 'select p from Project p join fetch p.datasetLinks dil join fetch dil.child where p.details.owner.omeName = :name';
    const [p, ...rest] = await findAll(q, SCOPES.piPrivate, { name: 'user-2' });
    // Two rows, one project: Hibernate returns the same instance twice.
    assert.equal(rest.length, 1);
    assert.equal(rest[0], p);
    const links = p!.copyDatasetLinks() as AnyObj[];
    assert.deepEqual(links.map((l) => l.id.val).sort(), [30, 31]);
    assert.ok(links.every((l) => l instanceof ProjectDatasetLinkI && l.parent === p));
    assert.deepEqual(
      (p!.linkedDatasetList() as AnyObj[]).map((d) => [d instanceof DatasetI, d.isLoaded(), d.name.val]).sort(),
      [
        [true, true, 'd20'],
        [true, true, 'd21'],
      ],
    );
    assert.equal(links[0]!.child.sizeOfImageLinks(), -1);
  });

  it('findByQuery (unique) with a left join fetch whose dataset is hidden', async () => {
    const q =
      'select p from Project p left outer join fetch p.datasetLinks as links left outer join fetch links.child as dataset where p.id=:pid';
    const found = await findAll(q, SCOPES.user2Private, { pid: 10 }, { unique: true });
    assert.equal(found.length, 1);
    const links = found[0]!.copyDatasetLinks() as AnyObj[];
    const byId = new Map(links.map((l) => [l.id.val, l]));
    assert.ok(byId.get(30).child.isLoaded());
    // d21 is hidden: the link keeps an unloaded proxy with the id it already carries.
    assert.ok(byId.get(31).child instanceof DatasetI && !byId.get(31).child.isLoaded());
    assert.equal(byId.get(31).child.name, null);
  });

  it('unique with several results is an ApiUsageException', async () => {
    await assert.rejects(findAll('select p from Project p', SCOPES.adminAll, {}, { unique: true }), (e: unknown) => {
      assert.ok(e instanceof ApiUsageException);
      assert.match(e.message, /^Query named:\n\n\tselect p from Project p\n\nhas returned more than one Object\n/);
      return true;
    });
    assert.equal((await findAll('select p from Project p where p.id = 99', SCOPES.adminAll, {}, { unique: true })).length, 0);
  });

  it('findAllByQuery needs entities', async () => {
    await assert.rejects(findAll('select p.name from Project p', SCOPES.adminAll), ApiUsageException);
    await assert.rejects(findAll('from Project p join p.datasetLinks l', SCOPES.adminAll), ApiUsageException);
  });

  it('collection fetch with paging deduplicates roots and pages in memory', async () => {
    const q = 'select p from Project p left outer join fetch p.datasetLinks order by p.id';
    const all = await findAll(q, SCOPES.adminAll);
    assert.deepEqual(all.map((p) => p.id.val), [10, 10, 11, 12, 12, 13, 14]);
    const page = await findAll(q, SCOPES.adminAll, {}, { offset: 1, limit: 2 });
    assert.deepEqual(page.map((p) => p.id.val), [11, 12]);
    assert.equal(page[1]!.sizeOfDatasetLinks(), 2);
    assert.equal(page[0]!.sizeOfDatasetLinks(), 0);
    const distinct = await findAll(q.replace('select p', 'select distinct p'), SCOPES.adminAll);
    assert.deepEqual(distinct.map((p) => p.id.val), [10, 11, 12, 13, 14]);
  });

  it('experimenters: ordered memberships, masked names, config', async () => {
    const q =
      'select distinct e from Experimenter e left outer join fetch e.groupExperimenterMap m left outer join fetch m.parent g where e.id in (:ids) order by e.id';
    const [two, alpha] = await findAll(q, SCOPES.user3ReadOnly, { ids: [2, 4] });
    assert.equal(two!.omeName.val, 'user-2');
    assert.equal(two!.email.val, 'two@example.org');
    assert.deepEqual(two!.getConfigAsMap(), { color: 'blue' });
    assert.deepEqual((two!.linkedExperimenterGroupList() as AnyObj[]).map((g) => g.name.val), ['private-1', 'read-only-1', 'user']);
    assert.equal(two!.getPrimaryGroupExperimenterMap().parent.name.val, 'private-1');
    assert.equal(alpha!.omeName.val, '<hidden>');
    assert.equal(alpha!.firstName.val, '<hidden>');
    assert.equal(alpha!.email, null);
    assert.equal(alpha!.institution, null);
    assert.equal(alpha!.ldap.val, false);
  });

  it('groups: details.permissions from the group itself', async () => {
    const [g] = await findAll('select g from ExperimenterGroup g where g.name = :n', SCOPES.user3ReadOnly, { n: 'read-annotate-1' });
    assert.ok(g instanceof ExperimenterGroupI);
    assert.equal(String(g.details.permissions), 'rwra--');
    assert.equal(g.sizeOfGroupExperimenterMap(), -1);
  });

  it('annotations: concrete classes from the discriminator', async () => {
    const all = await findAll('select a from Annotation a order by a.id', SCOPES.adminAll);
    assert.deepEqual(
      all.map((a) => a.constructor.name),
      ['TagAnnotationI', 'CommentAnnotationI', 'MapAnnotationI', 'MapAnnotationI', 'LongAnnotationI', 'TagAnnotationI'],
    );
    assert.ok(all[0] instanceof TagAnnotationI && all[1] instanceof CommentAnnotationI && all[2] instanceof MapAnnotationI);
    const [tag, comment, map] = all as AnyObj[];
    assert.equal(tag.textValue.val, 'tagA');
    assert.equal(comment.ns.val, 'ns.c');
    assert.deepEqual(map.getMapValueAsMap(), { altitude: '100', date: '2020', owner: 'x' });
    assert.deepEqual(map.mapValue.map((nv: AnyObj) => nv.name), ['altitude', 'date', 'owner']);
    const [fetched] = await findAll('select a from MapAnnotation a left join fetch a.mapValue where a.id = 62', SCOPES.adminAll);
    assert.deepEqual(fetched.getMapValueAsMap(), { altitude: '100', date: '2020', owner: 'x' });
    assert.ok(all[4] instanceof LongAnnotationI && all[4].longValue instanceof RLongI && all[4].longValue.val === 42);
  });

  it('links to annotations get proxies of the concrete class, or null when hidden', async () => {
    const links = await findAll('select l from ImageAnnotationLink l order by l.id', SCOPES.adminAll);
    assert.deepEqual(
      links.map((l) => [l.child.constructor.name, l.child.id.val, l.child.isLoaded(), l.parent instanceof ImageI]),
      [
        ['TagAnnotationI', 60, false, true],
        ['MapAnnotationI', 62, false, true],
        ['MapAnnotationI', 63, false, true],
      ],
    );
    const [hidden] = await findAll('select l from DatasetAnnotationLink l', SCOPES.user2Private);
    assert.equal(hidden!.id.val, 74);
    assert.equal(hidden!.child, null);
  });

  it('sessions and events', async () => {
    const [session] = await findAll('select s from Session s', SCOPES.user2Private);
    assert.equal(session.constructor, SessionI);
    assert.deepEqual([session.id.val, session.userAgent.val, session.owner.id.val, session.owner.isLoaded(), session.sudoer], [80, 'OMERO.py', 2, false, null]);
    assert.ok(session.started instanceof RTimeI && session.closed === null);
    assert.equal(session.timeToIdle.val, 600000);
    const [event] = await findAll('select ev from Event ev join fetch ev.session where ev.id = 90', SCOPES.user2Private);
    assert.equal(event.constructor, EventI);
    assert.equal(event.type.value.val, 'User');
    assert.ok(event.session instanceof SessionI && event.session.isLoaded());
    assert.equal(event.experimenterGroup.id.val, 3);
    // user-3 cannot see user-2's session: the fetched session is hidden, the reference stays a proxy.
    const [other] = await findAll('select ev from Event ev left join fetch ev.session where ev.id = 90', SCOPES.user3ReadOnly);
    assert.equal(other.session.isLoaded(), false);
  });

  it('permissions of an abstract entity in a projection', async () => {
    const [[perms]] = (await projection('select a.details.permissions from Annotation a where a.id = 61', SCOPES.user3ReadOnly)) as [[RMapI]];
    assert.deepEqual(perms.val['perm'], new RStringI('rwr---'));
  });

  it('projection: rtypes per reference api §3.3', async () => {
    assert.deepEqual(
      (await projection('select x.details.owner.id, x.details.group.details.permissions from Project x where x.id = :id', SCOPES.user2ReadOnly, { id: 12 })).map(
        ([owner, perms]) => [owner, (perms as RMapI).val['perm'], (perms as RMapI).val['canAnnotate']],
      ),
      [[new RLongI(2), new RStringI('rwr---'), new RBoolI(true)]],
    );
    const [[count]] = (await projection('select count(p) from Project p', SCOPES.adminAll)) as [[RLongI]];
    assert.ok(count instanceof RLongI && count.val === 5);
    const [[idx]] = (await projection('select index(m) from Experimenter e join e.groupExperimenterMap m where m.id = 104', SCOPES.adminAll)) as [[RIntI]];
    assert.ok(idx instanceof RIntI && idx.val === 1);
    const [[time, nul]] = (await projection('select i.acquisitionDate, i.description from Image i where i.id = 40', SCOPES.user2Private)) as [[RTimeI, null]];
    assert.ok(time instanceof RTimeI && time.val === Date.parse('2021-02-03T04:05:06.789Z'));
    assert.equal(nul, null);
    const [[map]] = (await projection('select new map(i.id as im_id, i.name as n) from Image i where i.id = 40', SCOPES.user2Private)) as [[RMapI]];
    assert.ok(map instanceof RMapI);
    assert.deepEqual(map.val, { im_id: new RLongI(40), n: new RStringI('cell_mit_1.dv') });
    const [[obj, name]] = (await projection('select p, p.name from Project p where p.id = 10', SCOPES.user2Private)) as [[RObjectI, RStringI]];
    assert.ok(obj instanceof RObjectI && obj.val instanceof ProjectI && obj.val.isLoaded());
    assert.equal(name.val, 'p10');
    const [[avg, sum]] = await projection('select avg(a.longValue), sum(a.longValue) from LongAnnotation a', SCOPES.adminAll);
    assert.equal((avg as unknown as AnyObj).val, 42);
    assert.ok(sum instanceof RLongI && sum.val === 42);
  });
});
