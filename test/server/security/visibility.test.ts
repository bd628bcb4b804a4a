/**
 * visibilitySql / canReadRow / sessionVisibilitySql / quoteIdent (reference permissions §2.2–§2.4).
 * The predicate is executed in an in-memory PGlite and must agree, row by row, with canReadRow
 * and with the spec formulas.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { PGlite } from '@electric-sql/pglite';
import type { ReadScope, SqlFragment } from '../../../src/server/security/read-scope.js';
import { readScopeFor } from '../../../src/server/security/read-scope-for.js';
import {
  canReadRow,
  quoteIdent,
  sessionVisibilitySql,
  visibilityBranches,
  visibilitySql,
  WALK,
} from '../../../src/server/security/visibility.js';
import { GUEST, ROOT } from './fixtures.js';
import { ALL_GROUPS, facts, OTHER, READ_ROLES, readCaller, specCanRead } from './read-model.js';

/** `?` → `$1…$n` in order (PGlite's extended protocol). Aliases used here contain no `?`. */
function toDollar(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}
const placeholders = (sql: string): number => (sql.match(/\?/g) ?? []).length;

describe('quoteIdent', () => {
  const cases: ReadonlyArray<[string, string]> = [
    ['p', '"p"'],
    ['Project', '"Project"'],
    ['a"b', '"a""b"'],
    ['"', '""""'],
    ['x"; drop table project; --', '"x""; drop table project; --"'],
    ['', '""'],
  ];
  for (const [input, want] of cases) it(`${JSON.stringify(input)} ⇒ ${want}`, () => assert.equal(quoteIdent(input), want));
});

const USERS_IN_ROWS = [101, 102, 103, 106, 108, GUEST, ROOT, OTHER];
const ROWS = ALL_GROUPS.flatMap((groupId) => USERS_IN_ROWS.map((ownerId) => ({ ownerId, groupId })));
const SCOPES: Array<[string, ReturnType<typeof readCaller>, ReadScope]> = READ_ROLES.flatMap((role) =>
  [-1, ...ALL_GROUPS].map((ctx): [string, ReturnType<typeof readCaller>, ReadScope] => {
    const c = readCaller(role, ctx);
    return [`${role}, context ${ctx}`, c, readScopeFor(c, facts)];
  }),
);

describe('visibilitySql shape: only placeholders, ids travel in bindings', () => {
  for (const [name, c, scope] of SCOPES) {
    it(name, () => {
      const frag = visibilitySql(scope, 'p');
      assert.equal(placeholders(frag.sql), frag.bindings.length, 'one binding per ?');
      assert.doesNotMatch(frag.sql, /\d/, `no literal ids in SQL: ${frag.sql}`);
      assert.doesNotMatch(frag.sql, /\$/, 'no $n placeholders');
      if (scope.everything) {
        assert.deepEqual(frag, { sql: 'true', bindings: [] });
        return;
      }
      assert.match(frag.sql, /"p"\.group_id/);
      const flat = frag.bindings.flatMap((b) => (Array.isArray(b) ? b : [b]));
      for (const b of flat) assert.equal(typeof b, 'number');
      assert.ok(flat.includes(c.userId), 'the caller id is bound');
      for (const g of scope.groupIds) assert.ok(flat.includes(g), `group ${g} bound`);
    });
  }
  it('a hostile alias stays inside its quotes', () => {
    const scope = readScopeFor(readCaller('member', 10), facts);
    const frag = visibilitySql(scope, 'x" or true --');
    assert.ok(frag.sql.includes('"x"" or true --".group_id'));
    assert.ok(!frag.sql.includes('"x" or'));
  });
  it('an empty scope is "false" with no bindings', () => {
    const empty: ReadScope = { everything: false, groupIds: [], ownGroupIds: [], userId: 5, isAdmin: false, readsAllSessions: false, visibleUserIds: [5] };
    assert.deepEqual(visibilitySql(empty, 'p'), { sql: 'false', bindings: [] });
    assert.equal(canReadRow(empty, { ownerId: 5, groupId: 1 }), false);
  });
});

describe('sessionVisibilitySql (§2.2 owner_or_admin, §3.1 ReadSession)', () => {
  it('full admin (holds ReadSession): true', () => {
    const scope = readScopeFor(readCaller('full admin', 10), facts);
    assert.deepEqual(sessionVisibilitySql(scope, 's'), { sql: 'true', bindings: [] });
  });
  it('restricted admin without ReadSession: own sessions only, as a non-admin', () => {
    const scope = readScopeFor(readCaller('restricted admin (no privileges)', 10), facts);
    assert.deepEqual(sessionVisibilitySql(scope, 's'), { sql: '"s".owner = ?', bindings: [106] });
  });
  it('non-admin: own sessions only, id bound', () => {
    const scope = readScopeFor(readCaller('member', 10), facts);
    assert.deepEqual(sessionVisibilitySql(scope, 's'), { sql: '"s".owner = ?', bindings: [101] });
  });
});

describe('visibilitySql executed in PostgreSQL (PGlite) agrees with canReadRow and the spec', () => {
  let db: PGlite;
  const ids = new Map<number, { ownerId: number; groupId: number }>();
  before(async () => {
    db = new PGlite();
    await db.exec('create table project (id integer primary key, owner_id bigint not null, group_id bigint not null)');
    let id = 0;
    for (const row of ROWS) {
      id += 1;
      ids.set(id, row);
      await db.query('insert into project (id, owner_id, group_id) values ($1, $2, $3)', [id, row.ownerId, row.groupId]);
    }
  });
  after(async () => {
    await db?.close();
  });

  async function run(frag: SqlFragment, alias = 'p'): Promise<number[]> {
    const res = await db.query<{ id: number }>(
      `select id from project ${quoteIdent(alias)} where ${toDollar(frag.sql)} order by id`,
      [...frag.bindings],
    );
    return res.rows.map((r) => r.id);
  }

  it('the table holds every (owner, group) combination', async () => {
    const res = await db.query<{ n: number }>('select count(*)::int as n from project');
    assert.equal(res.rows[0]!.n, ROWS.length);
  });

  for (const [name, c, scope] of SCOPES) {
    it(name, async () => {
      const got = await run(visibilitySql(scope, 'p'));
      const inMemory = [...ids].filter(([, row]) => canReadRow(scope, row)).map(([id]) => id);
      const spec = [...ids].filter(([, row]) => specCanRead(c, row)).map(([id]) => id);
      assert.deepEqual(got, inMemory, 'SQL vs canReadRow');
      assert.deepEqual(got, spec, 'SQL vs §2.3/§2.4');
      assert.ok(got.length > 0, 'never empty here: "user"-group rows are always visible');
    });
  }

  // The page walk (hql/transformer/page-walk.ts) reads these branches instead of the predicate:
  // together they must be exactly its rows, and no row may be in two (it would count twice).
  for (const [name, , scope] of SCOPES) {
    it(`${name}: visibilityBranches are disjoint and read exactly visibilitySql's rows`, async () => {
      const branches = visibilityBranches(scope, 'p');
      if (scope.everything) {
        assert.equal(branches, null);
        return;
      }
      assert.ok(branches && branches.length > 0);
      const found: number[] = [];
      for (const b of branches) {
        assert.equal(placeholders(b.sql), b.bindings.length, 'one binding per ?');
        assert.doesNotMatch(b.sql, /\d/, `no literal ids in SQL: ${b.sql}`);
        const walked = b.groupIds !== null;
        assert.equal(b.sql.includes(`"${WALK.alias}"."${WALK.column}"`), walked, 'a walked branch names the walked group');
        const sql = walked
          ? `select p.id from unnest($1::bigint[]) as "${WALK.alias}"("${WALK.column}") cross join lateral ` +
            `(select id from project "p" where ${toDollar(b.sql).replace(/\$(\d+)/g, (_, n) => `$${Number(n) + 1}`)}) as p`
          : `select id from project "p" where ${toDollar(b.sql)}`;
        const params = walked ? [[...b.groupIds!], ...b.bindings] : [...b.bindings];
        found.push(...(await db.query<{ id: number }>(sql, params)).rows.map((r) => r.id));
      }
      const sorted = [...found].sort((a, b) => a - b);
      assert.equal(new Set(found).size, found.length, 'no row in two branches');
      assert.deepEqual(sorted, await run(visibilitySql(scope, 'p')));
    });
  }

  it('a hostile alias executes as an identifier and changes nothing', async () => {
    const scope = readScopeFor(readCaller('member', 10), facts);
    const plain = await run(visibilitySql(scope, 'p'), 'p');
    const hostile = await run(visibilitySql(scope, 'p" or true --'), 'p" or true --');
    assert.deepEqual(hostile, plain);
    assert.ok(hostile.length < ROWS.length);
  });

  it('"false" executes and returns nothing', async () => {
    assert.deepEqual(await run({ sql: 'false', bindings: [] }), []);
  });

  it('sessionVisibilitySql executes: non-admin and restricted admin see own sessions only', async () => {
    await db.exec('create table session (id integer primary key, owner bigint not null)');
    await db.exec('insert into session values (1, 101), (2, 102), (3, 101), (4, 106)');
    const member = sessionVisibilitySql(readScopeFor(readCaller('member', 10), facts), 's');
    const admin = sessionVisibilitySql(readScopeFor(readCaller('full admin', -1), facts), 's');
    const restricted = sessionVisibilitySql(readScopeFor(readCaller('restricted admin (no privileges)', -1), facts), 's');
    const q = async (f: SqlFragment) =>
      (await db.query<{ id: number }>(`select id from session "s" where ${toDollar(f.sql)} order by id`, [...f.bindings])).rows.map((r) => r.id);
    assert.deepEqual(await q(member), [1, 3]);
    assert.deepEqual(await q(admin), [1, 2, 3, 4]);
    assert.deepEqual(await q(restricted), [4]);
  });
});
