import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import knexFactory from 'knex';
import { ApiUsageException, QueryException } from '../../../src/model/index.js';
import { PlanNode } from '../../../src/server/hql/ast/plan-node.js';
import type { Node } from '../../../src/server/hql/ast/node.js';
import { compilePlan } from '../../../src/server/hql/compiler/hql-compiler.js';
import { compileHql } from '../../../src/server/hql/index.js';
import { parseHql } from '../../../src/server/hql/parser/parse-hql.js';
import { resolveQuery } from '../../../src/server/hql/resolver/hql-resolver.js';
import { securePlan } from '../../../src/server/hql/transformer/security-transformer.js';
import type { ReadScope } from '../../../src/server/security/read-scope.js';
import { SCOPES } from './fixture.js';

/** `select "t0"."id" as "c0", …` for the entity columns of a data table, by alias and first label. */
function dataColumns(alias: string, first: number, extra: readonly string[]): string {
  const cols = ['id', 'version', 'owner_id', 'group_id', 'creation_id', 'update_id', ...extra];
  return cols.map((c, i) => `"${alias}"."${c}" as "c${first + i}"`).join(', ');
}

const VIS = (alias: string): string => `(("${alias}".group_id = any(?) or ("${alias}".owner_id = ? and "${alias}".group_id = any(?))))`;

function expectSql(hql: string, scope: ReadScope, params: Record<string, unknown>, sql: string, bindings: unknown[]): void {
  const compiled = compileHql(hql, { params, scope });
  assert.equal(compiled.sql, sql);
  assert.deepEqual(compiled.bindings, bindings);
  assert.ok(Object.isFrozen(compiled) && Object.isFrozen(compiled.bindings) && Object.isFrozen(compiled.shape));
}

function error(fn: () => unknown): Error {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  assert.fail('expected an error');
}

/** Every node of a tree (plans, tables, expressions, subqueries). */
function* nodes(node: unknown): Generator<Node> {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const n of node) yield* nodes(n);
    return;
  }
  if ('kind' in node) yield node as Node;
  for (const v of Object.values(node)) yield* nodes(v);
}

describe('compileHql: SQL and bindings (snapshot)', () => {
  it('seed query: select p from Project as p where p.id = :id', () => {
    expectSql(
      'select p from Project as p where p.id = :id',
      SCOPES.user2ReadOnly,
      { id: 5 },
      `select ${dataColumns('t0', 0, ['name', 'description'])} from "project" as "t0" where ${VIS('t0')} and ("t0"."id" = ?)`,
      [[1, 4], 2, [4], 5],
    );
  });

  it('seed query: in (:ids) with omero.group=-1', () => {
    expectSql(
      'select p from Project as p where p.id in (:ids)',
      SCOPES.user2All,
      { ids: [1, 2] },
      `select ${dataColumns('t0', 0, ['name', 'description'])} from "project" as "t0" where (("t0".group_id = any(?) or "t0".owner_id = ?)) and ("t0"."id" = any(?))`,
      [[1, 4], 2, [1, 2]],
    );
  });

  it('left outer join fetch: visibility goes into each ON', () => {
    expectSql(
      'select p from Project p left outer join fetch p.datasetLinks as links left outer join fetch links.child as dataset where p.id=:pid',
      SCOPES.user2Private,
      { pid: 10 },
      `select ${dataColumns('t0', 0, ['name', 'description'])}, ${dataColumns('t1', 8, ['parent', 'child'])}, ${dataColumns('t2', 16, ['name', 'description'])} ` +
        `from "project" as "t0" left join "projectdatasetlink" as "t1" on ("t1"."parent" = "t0"."id") and ${VIS('t1')} ` +
        `left join "dataset" as "t2" on ("t2"."id" = "t1"."child") and ${VIS('t2')} where ${VIS('t0')} and ("t0"."id" = ?)`,
      [[1], 2, [3], [1], 2, [3], [1], 2, [3], 10],
    );
  });

  it('masked columns in select and where (advisory 2019-SV5)', () => {
    const mask = (c: string, r: string) => `case when "t0"."id" = any("vis"."ids") or "t0"."id" is null then "t0"."${c}" else ${r} end`;
    expectSql(
      "from Experimenter e where e.omeName like 'a%'",
      SCOPES.user3ReadOnly,
      {},
      `select "t0"."id" as "c0", "t0"."version" as "c1", ${mask('omename', "'<hidden>'")} as "c2", ${mask('firstname', "'<hidden>'")} as "c3", ` +
        `${mask('middlename', 'null')} as "c4", ${mask('lastname', "'<hidden>'")} as "c5", ${mask('institution', 'null')} as "c6", ` +
        `${mask('email', 'null')} as "c7", "t0"."ldap" as "c8", ` +
        `(select jsonb_agg(jsonb_build_array("t0_0"."name", "t0_0"."value") order by "t0_0"."index") from "experimenter_config" as "t0_0" where "t0_0"."experimenter_id" = "t0"."id") as "c9" ` +
        `from "experimenter" as "t0" cross join (select cast(? as bigint[]) as "ids") as "vis" where (${mask('omename', "'<hidden>'")} like ?)`,
      [[3, 0, 1, 2], 'a%'],
    );
  });

  it('masked group by / order by refer to the selected column', () => {
    expectSql(
      'select e.omeName, count(e.id) from Experimenter e group by e.omeName order by e.omeName',
      SCOPES.user3ReadOnly,
      {},
      `select case when "t0"."id" = any("vis"."ids") or "t0"."id" is null then "t0"."omename" else '<hidden>' end as "c0", count("t0"."id") as "c1" from "experimenter" as "t0" cross join (select cast(? as bigint[]) as "ids") as "vis" group by "c0" order by "c0" asc`,
      [[3, 0, 1, 2]],
    );
  });

  it('a masked column in having and in a subquery reads the one bound list of visible users', () => {
    const mask = (a: string) => `case when "${a}"."id" = any("vis"."ids") or "${a}"."id" is null then "${a}"."institution" else null end`;
    expectSql(
      "select e.institution from Experimenter e where exists (select f from Experimenter f where f.institution = e.institution) group by e.institution having e.institution = 'x'",
      SCOPES.user3ReadOnly,
      {},
      `select ${mask('t0')} as "c0" from "experimenter" as "t0" cross join (select cast(? as bigint[]) as "ids") as "vis" ` +
        `where exists (select "t1"."id" as "c1" from "experimenter" as "t1" where (${mask('t1')} = ${mask('t0')})) group by "c0" having (${mask('t0')} = ?)`,
      [[3, 0, 1, 2], 'x'],
    );
  });

  it('not exists subquery is filtered too', () => {
    expectSql(
      'select obj from Dataset obj where not exists (select obl from ProjectDatasetLink as obl where obl.child=obj.id) order by lower(obj.name), obj.id',
      SCOPES.user3ReadOnly,
      {},
      `select ${dataColumns('t0', 0, ['name', 'description'])} from "dataset" as "t0" where ${VIS('t0')} and not exists ` +
        `(select "t1"."id" as "c8" from "projectdatasetlink" as "t1" where ${VIS('t1')} and ("t1"."child" = "t0"."id")) order by lower("t0"."name") asc, "c0" asc`,
      [[1, 4], 3, [4], [1, 4], 3, [4]],
    );
  });

  it('sessions use sessionVisibilitySql', () => {
    expectSql(
      'select id, owner.id, started, userAgent from Session where closed is null',
      SCOPES.user2Private,
      {},
      `select "t0"."id" as "c0", "t0"."owner" as "c1", "t0"."started" as "c2", "t0"."user_agent" as "c3" from "session" as "t0" where ("t0".owner = ?) and ("t0"."closed" is null)`,
      [2],
    );
  });

  it('admins get no predicate; group by a reference id', () => {
    expectSql(
      'select link.child.id, count(link.id) from ImageAnnotationLink link where link.parent.id in (:oids) group by link.child.id',
      SCOPES.adminAll,
      { oids: [1] },
      `select "t0"."child" as "c0", count("t0"."id") as "c1" from "imageannotationlink" as "t0" where ("t0"."parent" = any(?)) group by "c0"`,
      [[1]],
    );
  });

  it('joins through an abstract annotation to its NamedValue side table', () => {
    expectSql(
      'select distinct obj.id from ImageAnnotationLink ial join ial.child ann join ann.mapValue mv join ial.parent obj where mv.name = :name and mv.value like :value',
      SCOPES.user3ReadOnly,
      { name: 'n', value: 'v%' },
      `select distinct "t3"."id" as "c0" from "imageannotationlink" as "t0" inner join "annotation" as "t1" on ("t1"."id" = "t0"."child") ` +
        `inner join "annotation_mapvalue" as "t2" on ("t2"."annotation_id" = "t1"."id") inner join "image" as "t3" on ("t3"."id" = "t0"."parent") ` +
        `where ${VIS('t0')} and ${VIS('t1')} and ${VIS('t3')} and (("t2"."name" = ?) and ("t2"."value" like ?))`,
      [[1, 4], 3, [4], [1, 4], 3, [4], [1, 4], 3, [4], 'n', 'v%'],
    );
  });

  it('literals become bindings; new map selects its entries', () => {
    expectSql(
      "select new map(i.id as im_id, i.name as n) from Image i where i.id in (1, 2) and i.name <> 'x'",
      SCOPES.user2ReadOnly,
      {},
      `select "t0"."id" as "c0", "t0"."name" as "c1" from "image" as "t0" where ${VIS('t0')} and (("t0"."id" in (?, ?)) and ("t0"."name" <> ?))`,
      [[1, 4], 2, [4], 1, 2, 'x'],
    );
  });

  it('a subclass query tests the discriminator; paging binds limit and offset', () => {
    const c = compileHql('select a from TagAnnotation a', { scope: SCOPES.adminAll, offset: 5, limit: 10 });
    assert.match(c.sql, /from "annotation" as "t0" where \("t0"\."discriminator" = \?\) limit \? offset \?$/);
    assert.deepEqual(c.bindings, ['/basic/text/tag/', 10, 5]);
  });
});

describe('security transformation', () => {
  const QUERIES = [
    'select p from Project p join fetch p.datasetLinks dil join fetch dil.child where p.details.owner.omeName = :name',
    'select p from Image i join i.datasetLinks dl join dl.parent ds join ds.projectLinks pl join pl.parent p where i.id = 5',
    "select l.child.name from ProjectDatasetLink l where l.parent.name = 'x'",
    'select d from Dataset d where d.imageLinks is empty or size(d.projectLinks) > 1',
    'select e from Experimenter as e where exists (select gem from GroupExperimenterMap as gem where gem.child = e.id and gem.parent.id in (:gids)) order by e.omeName',
    'select p from Project p where p.id in (select l.parent.id from ProjectDatasetLink l where exists (from Dataset d where d.id = l.child.id))',
    'select l from ImageAnnotationLink l',
    'select ev.session.userAgent from Event ev',
    'select i.name, (select count(x) from Image x where x.name = i.name) from Image i',
  ];
  const params = { name: 'n', gids: [1] };

  it('every data and session table of every level gets its predicate, in ON for left joins', () => {
    for (const q of QUERIES) {
      const { plan } = resolveQuery(parseHql(q), { hql: q, params });
      const secured = securePlan(plan, SCOPES.user2ReadOnly);
      const tables = [...nodes(secured)].filter((n) => n.kind === 'TableNode');
      assert.ok(tables.length > 0);
      for (const t of tables) {
        if (t.kind !== 'TableNode') continue;
        const predicates = t.filters.filter((f) => f.kind === 'SecurityPredicateNode' && f.alias === t.alias);
        const expected = t.entityKind === 'data' || t.entityKind === 'session' ? 1 : 0;
        assert.equal(predicates.length, expected, `${q}: ${t.table} as ${t.alias}`);
      }
      // Every data alias shows up in a visibility test of the SQL.
      const { sql } = compilePlan(secured);
      for (const t of tables) {
        if (t.kind === 'TableNode' && t.entityKind === 'data') assert.ok(sql.includes(`"${t.alias}".group_id = any(?)`), `${q}: ${t.alias}`);
      }
    }
  });

  it('the compiler refuses a plan that was not secured', () => {
    const q = 'select p from Project p';
    const { plan } = resolveQuery(parseHql(q), { hql: q, params: {} });
    assert.throws(() => compilePlan(plan), /table project as t0 has no visibility predicate/);
    assert.ok(PlanNode.is(plan));
  });

  it('masked columns never appear bare for a restricted caller', () => {
    const q =
      "select e.omeName, lower(e.email) from Experimenter e where e.firstName like 'a%' and exists (select m from GroupExperimenterMap m where m.child.lastName = 'x') group by e.omeName, e.email order by e.institution";
    const restricted = compileHql(q, { scope: SCOPES.user3ReadOnly }).sql;
    for (const col of ['omename', 'firstname', 'middlename', 'lastname', 'institution', 'email']) {
      const bare = restricted.split(`."${col}"`).length - 1;
      const masked = restricted.split(`then "`).filter((part) => part.includes(`"."${col}" else`)).length;
      assert.equal(bare, masked, `${col} appears unmasked`);
    }
    assert.ok(!compileHql(q, { scope: SCOPES.adminAll }).sql.includes('case when'));
  });
});

describe('errors', () => {
  it('unknown entity and property are QueryExceptions with a position', () => {
    const e1 = error(() => compileHql('select p from Projekt p', { scope: SCOPES.adminAll }));
    assert.ok(e1 instanceof QueryException);
    assert.equal(e1.message, 'Illegal query:select p from Projekt p\nline 1:15: Projekt is not mapped');
    const e2 = error(() => compileHql('select p from Project p where p.nmae = :n', { scope: SCOPES.adminAll, params: { n: 'x' } }));
    assert.ok(e2 instanceof QueryException);
    assert.equal(
      e2.message,
      'Illegal query:select p from Project p where p.nmae = :n\nline 1:31: could not resolve property: nmae of: ome.model.containers.Project',
    );
    const e3 = error(() => compileHql('select p.details.owner.nope from Project p', { scope: SCOPES.adminAll }));
    assert.match(e3.message, /line 1:8: could not resolve property: nope of: ome.model.meta.Experimenter$/);
  });

  it('a missing or null parameter is "Null parameters not allowed"', () => {
    for (const params of [{}, { id: null }, { id: undefined }, { ids: [1] }]) {
      const e = error(() => compileHql('select p from Project p where p.id = :id', { scope: SCOPES.adminAll, params }));
      assert.ok(e instanceof ApiUsageException && !(e instanceof QueryException));
      assert.equal(e.message, 'Null parameters not allowed: id');
    }
    const e = error(() => compileHql('select p from Project p where p.id in (:ids)', { scope: SCOPES.adminAll, params: { ids: [1, null] } }));
    assert.equal(e.message, 'Null parameters not allowed: ids');
  });

  it('parameters of other types are refused (no knex raw or callbacks through bindings)', () => {
    const q = 'select p from Project p where p.name = :n';
    for (const n of [{ toSQL: () => 'x' }, () => 'x', Symbol('x'), Number.NaN, [['x']], new Date('nope')]) {
      const e = error(() => compileHql(q, { scope: SCOPES.adminAll, params: { n } }));
      assert.ok(e instanceof ApiUsageException, String(e));
    }
    assert.match(error(() => compileHql(q, { scope: SCOPES.adminAll, params: { n: ['a'] } })).message, /is a list/);
    assert.ok(error(() => compileHql('select p from Project p', { scope: SCOPES.adminAll, limit: -1 })) instanceof ApiUsageException);
  });

  it('semantic errors', () => {
    const cases: ReadonlyArray<readonly [string, RegExp]> = [
      ['select l.child from Project p join fetch p.datasetLinks l', /join fetching, but the owner of the fetched association was not present/],
      ['select name from Project p, Dataset d', /name is not an alias, and an unqualified path needs exactly one root/],
      ['select p.datasetLinks.id from Project p', /illegal attempt to dereference collection datasetLinks/],
      ['select p.name.x from Project p', /cannot dereference scalar property name/],
      ['select p from Project p where index(p) = 0', /index\(\) takes the alias of an element of an ordered collection/],
      ['select frobnicate(p.id) from Project p', /unknown function frobnicate\(\)/],
      ['select p from Project p join p.name n', /join path p.name is not an association/],
      ['select p from Project p, Dataset p', /duplicate alias p/],
      ['select p from Project p where p.name', /expected a condition/],
      ['select p.details.permissions from Project p where p.details.permissions = 1', /details.permissions can only be selected/],
      ['select p.datasetLinks from Project p', /collection datasetLinks cannot be selected/],
      ['select p from Project p where p.datasetLinks = 1', /collection datasetLinks cannot be used as a value/],
      ['select p from Project p join fetch p.details.externalInfo', /could not resolve property: details.externalInfo/],
      ['select x from OriginalFile x', /OriginalFile is not mapped/],
    ];
    for (const [q, detail] of cases) {
      const e = error(() => compileHql(q, { scope: SCOPES.adminAll }));
      assert.ok(e instanceof QueryException, `${q}: ${String(e)}`);
      assert.ok(e.message.startsWith(`Illegal query:${q}\n`));
      assert.match(e.message, detail, q);
    }
  });
});

describe('pathological queries', () => {
  it('deep nesting and long chains are QueryExceptions, not crashes', () => {
    const deep = `select p from Project p where ${'('.repeat(101)}p.id = 1${')'.repeat(101)}`;
    const e1 = error(() => compileHql(deep, { scope: SCOPES.adminAll }));
    assert.ok(e1 instanceof QueryException);
    assert.match(e1.message, /line 1:131: parentheses nested deeper than 100 levels$/);
    assert.ok(compileHql(`select p from Project p where ${'('.repeat(100)}p.id = 1${')'.repeat(100)}`, { scope: SCOPES.adminAll }));
    const long = `select p from Project p where ${Array(20000).fill('p.id = 1').join(' and ')}`;
    const e2 = error(() => compileHql(long, { scope: SCOPES.adminAll }));
    assert.ok(e2 instanceof QueryException);
    assert.match(e2.message, /query too complex/);
    assert.equal(compileHql(`select p from Project p where p.id in (${Array(20000).fill('1').join(',')})`, { scope: SCOPES.adminAll }).bindings.length, 20000);
  });
});

describe('random queries (fast-check)', () => {
  it('fail only with QueryException or ApiUsageException, and compile to consistent SQL', () => {
    const word = fc.constantFrom(
      'select', 'from', 'where', 'join', 'left', 'fetch', 'and', 'or', 'not', 'in', 'is', 'null', 'like', 'exists', 'group by',
      'order by', 'distinct', 'count(', 'size(', 'index(', 'lower(', ')', '(', ',', '=', '<>', ':id', ':ids', "'x'", '1',
      'Project', 'Dataset', 'Experimenter', 'Annotation', 'MapAnnotation', 'Session', 'p', 'p.id', 'p.name', 'p.datasetLinks',
      'p.details.owner', 'p.details.owner.omeName', 'p.details.permissions', 'l', 'l.child', 'l.child.name', 'e.omeName',
      'e.groupExperimenterMap', 'm', 'a.mapValue', 'nv.name', 'name', 'id', 'new map(', 'as', 'k', 'is empty',
    );
    const prefix = fc.constantFrom(
      'select p from Project p', 'from Project p join p.datasetLinks l', 'select e from Experimenter e join e.groupExperimenterMap m',
      'select a from MapAnnotation a join a.mapValue nv', 'from Project p where', 'select',
    );
    fc.assert(
      fc.property(prefix, fc.array(word, { maxLength: 12 }), (start, words) => {
        const hql = `${start} ${words.join(' ')}`;
        try {
          const c = compileHql(hql, { scope: SCOPES.user3ReadOnly, params: { id: 1, ids: [1, 2] } });
          assert.equal(c.sql.split('?').length - 1, c.bindings.length);
        } catch (e) {
          assert.ok(e instanceof ApiUsageException, `${hql}: ${(e as Error).stack}`);
        }
      }),
      { numRuns: 3000 },
    );
  });
});

describe('knex.raw compatibility and injection (fast-check)', () => {
  const knex = knexFactory({ client: 'pg' });
  /** Text no SQL we generate could contain by chance. */
  const userText = fc.string({ minLength: 1, maxLength: 30 }).map((s) => `zq${s}`);

  it('no user-supplied literal text reaches the SQL; placeholders match bindings', () => {
    fc.assert(
      fc.property(userText, userText, fc.integer(), (a, b, n) => {
        const hql =
          `select p from Project p where p.name = '${a.replaceAll("'", "''")}' or p.description like :b ` +
          `or lower(p.name) in ('${b.replaceAll("'", "''")}', :b) or p.id = ${Math.abs(n)}`;
        const compiled = compileHql(hql, { scope: SCOPES.user2ReadOnly, params: { b } });
        assert.ok(!compiled.sql.includes(a) && !compiled.sql.includes(b));
        assert.ok(compiled.bindings.includes(a) && compiled.bindings.includes(b));
        const native = knex.raw(compiled.sql, compiled.bindings as never[]).toSQL().toNative();
        assert.equal(native.bindings.length, compiled.bindings.length);
        assert.ok(!native.sql.includes('?'));
      }),
      { numRuns: 300 },
    );
  });

  it('question marks in values stay values', () => {
    const compiled = compileHql("select p from Project p where p.name = '?? ?' and p.description = :d", {
      scope: SCOPES.adminAll,
      params: { d: 'a ? b ??' },
    });
    const native = knex.raw(compiled.sql, compiled.bindings as never[]).toSQL().toNative();
    assert.deepEqual(native.bindings, ['?? ?', 'a ? b ??']);
    assert.match(native.sql, /where \(\("t0"\."name" = \$1\) and \("t0"\."description" = \$2\)\)$/);
  });
});
