import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Knex } from 'knex';
import { bindTemplate, compileHql } from '../../../src/server/hql/compile-hql.js';
import { compilePlan } from '../../../src/server/hql/compiler/hql-compiler.js';
import { parseHql } from '../../../src/server/hql/parser/parse-hql.js';
import { resolveQuery } from '../../../src/server/hql/resolver/hql-resolver.js';
import { walkPageByGroup } from '../../../src/server/hql/transformer/page-walk.js';
import { securePlan } from '../../../src/server/hql/transformer/security-transformer.js';
import type { ReadScope } from '../../../src/server/security/read-scope.js';
import { canReadRow } from '../../../src/server/security/visibility.js';
import { SCOPES, testDatabaseOpeners, type TestDatabase } from './fixture.js';

/**
 * The page walk (`transformer/page-walk.ts`): which queries get it, and that a walked page is
 * exactly the page the ordinary statement returns — and the page an in-memory reading of the
 * visibility rules gives — for every fixture scope, both directions, offsets, limits and
 * conditions, on a table with rows of every owner in every group.
 */

const PAGE = { limit: 50 };
const walked = (sql: string): boolean => sql.includes('cross join lateral') || sql.includes('"page"');

describe('which queries read their page group by group', () => {
  const compile = (hql: string, scope: ReadScope, options: { offset?: number; limit?: number } = PAGE, params = {}) =>
    compileHql(hql, { scope, params, ...options }).sql;

  it('"newest 50 readable": one data table in id order with a page', () => {
    for (const scope of [SCOPES.user2All, SCOPES.user2Private, SCOPES.user2ReadOnly, SCOPES.piPrivate]) {
      assert.ok(walked(compile('select p from Project p order by p.id desc', scope)));
      assert.ok(walked(compile('select p.name from Project p where p.name like :n order by p.id', scope, PAGE, { n: 'x%' })));
    }
    assert.ok(walked(compile('select a from TagAnnotation a order by a.id desc', SCOPES.user2All)));
  });

  it('the walk keeps the visibility predicate in the outer statement', () => {
    const sql = compile('select p from Project p order by p.id desc', SCOPES.user2All);
    const outer = sql.slice(0, sql.indexOf('any(array('));
    assert.match(outer, /"t0"\.group_id = any\(\?\) or "t0"\.owner_id = \?/);
  });

  const ordinary: Array<[string, string, ReadScope, { offset?: number; limit?: number }]> = [
    ['no page', 'select p from Project p order by p.id desc', SCOPES.user2All, {}],
    ['a deep page', 'select p from Project p order by p.id desc', SCOPES.user2All, { offset: 990, limit: 20 }],
    ['another order', 'select p from Project p order by p.name', SCOPES.user2All, PAGE],
    ['a second key', 'select p from Project p order by p.id desc, p.name', SCOPES.user2All, PAGE],
    ['no order', 'select p from Project p', SCOPES.user2All, PAGE],
    ['a join', 'select l from ProjectDatasetLink l join l.parent p order by l.id desc', SCOPES.user2All, PAGE],
    ['distinct', 'select distinct p from Project p order by p.id desc', SCOPES.user2All, PAGE],
    ['grouping', 'select p.id, count(p) from Project p group by p.id order by p.id', SCOPES.user2All, PAGE],
    ['an admin reading everything', 'select p from Project p order by p.id desc', SCOPES.adminAll, PAGE],
    ['a global table', 'select e from Experimenter e order by e.id desc', SCOPES.user2All, PAGE],
  ];
  for (const [name, hql, scope, options] of ordinary) {
    it(`not with ${name}`, () => {
      let sql: string;
      try {
        sql = compile(hql, scope, options);
      } catch (e) {
        throw new Error(`${hql} does not compile: ${String(e)}`);
      }
      assert.ok(!walked(sql), sql);
    });
  }

  it('not for a caller who may read nothing (the predicate is `false`)', () => {
    const nothing: ReadScope = { ...SCOPES.user2Private, groupIds: [], ownGroupIds: [] };
    const sql = compile('select p from Project p order by p.id desc', nothing);
    assert.ok(!walked(sql), sql);
    assert.match(sql, /\(false\)/);
  });

  it('a subquery keeps its own shape; only the outermost page is walked', () => {
    const sql = compile('select p from Project p where p.id in (select l.parent.id from ProjectDatasetLink l) order by p.id desc', SCOPES.user2All);
    assert.equal(sql.split('any(array(').length, 2);
  });
});

for (const opener of testDatabaseOpeners()) {
  describe(`a walked page is the ordinary page (${opener.name})`, () => {
    let db: TestDatabase;
    let rows: Array<{ id: number; name: string; ownerId: number; groupId: number }>;
    before(async () => {
      db = await opener.open();
      // 240 more projects: every fixture owner in every group but system, interleaved so that no
      // group's rows are contiguous.
      const owners = [2, 3, 4, 5];
      const groups = [1, 3, 4, 5];
      const extra = Array.from({ length: 240 }, (_, i) => ({
        id: 1000 + i,
        name: `${i % 3 === 0 ? 'x' : 'y'}${i}`,
        owner_id: owners[i % owners.length]!,
        group_id: groups[Math.floor(i / owners.length) % groups.length]!,
        permissions: -120,
        creation_id: 90,
        update_id: 90,
      }));
      await db.knex('project').insert(extra);
      const all = await db.knex('project').select('id', 'name', 'owner_id', 'group_id');
      rows = all.map((r: Record<string, unknown>) => ({
        id: Number(r.id),
        name: String(r.name),
        ownerId: Number(r.owner_id),
        groupId: Number(r.group_id),
      }));
    });
    after(async () => {
      await db?.close();
    });

    async function page(hql: string, scope: ReadScope, params: Record<string, unknown>, offset: number, limit: number, walk: boolean): Promise<number[]> {
      const options = { hql, params, offset, limit };
      const { plan } = resolveQuery(parseHql(hql), options);
      const secured = securePlan(plan, scope);
      const final = walk ? walkPageByGroup(secured, scope) : secured;
      assert.equal(final.pageWalk !== undefined, walk, `${hql} ${offset}/${limit}: walked as expected`);
      const compiled = compilePlan(final);
      const { sql, bindings } = bindTemplate({ ...compiled, shape: resolveQuery(parseHql(hql), options).shape }, params);
      const result = await db.knex.raw(sql, bindings as readonly Knex.RawBinding[]);
      return (result.rows as Array<{ c0: unknown }>).map((r) => Number(r.c0));
    }

    const queries: Array<[string, Record<string, unknown>, (r: { id: number; name: string }) => boolean]> = [
      ['select p from Project p order by p.id DIR', {}, () => true],
      ["select p from Project p where p.name like :n order by p.id DIR", { n: 'x%' }, (r) => r.name.startsWith('x')],
      ['select p from Project p where p.id < :max order by p.id DIR', { max: 1100 }, (r) => r.id < 1100],
    ];
    const scopes = Object.entries(SCOPES).filter(([, s]) => !s.everything);

    for (const [scopeName, scope] of scopes) {
      it(`${scopeName}: every page agrees with the ordinary statement and with canReadRow`, async () => {
        let compared = 0;
        for (const [template, params, keep] of queries) {
          for (const dir of ['asc', 'desc'] as const) {
            const hql = template.replace('DIR', dir);
            const readable = rows
              .filter((r) => canReadRow(scope, r) && keep(r))
              .map((r) => r.id)
              .sort((a, b) => (dir === 'asc' ? a - b : b - a));
            assert.ok(readable.length > 10, `${scopeName} reads enough rows to page through`);
            for (const [offset, limit] of [[0, 1], [0, 7], [3, 5], [10, 50], [0, 1000], [readable.length - 2, 5]] as const) {
              const want = readable.slice(offset, offset + limit);
              const viaWalk = await page(hql, scope, params, offset, limit, true);
              const ordinary = await page(hql, scope, params, offset, limit, false);
              assert.deepEqual(viaWalk, ordinary, `${hql} offset ${offset} limit ${limit}: walked vs ordinary`);
              assert.deepEqual(viaWalk, want, `${hql} offset ${offset} limit ${limit}: vs canReadRow`);
              compared += 1;
            }
          }
        }
        assert.equal(compared, queries.length * 2 * 6);
      });
    }
  });
}
