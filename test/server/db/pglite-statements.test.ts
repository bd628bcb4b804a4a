import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { PGlite } from '@electric-sql/pglite';
import knexFactory, { type Knex } from 'knex';
import { PgliteKnexClient } from '../../../src/server/db/pglite-client.js';
import { PgliteStatements } from '../../../src/server/db/pglite-statements.js';

/**
 * Statements prepared by name on the embedded database answer exactly as PGlite's own `query()`
 * does (rows, types, counts, errors), are parsed once, and never outlive a change of the tables
 * they read.
 */
describe('prepared statements on PGlite', () => {
  let pg: PGlite;
  let statements: PgliteStatements;
  const prepared = async (): Promise<string[]> =>
    ((await pg.query<{ name: string }>('select name from pg_prepared_statements order by name')).rows).map((r) => r.name);

  before(async () => {
    pg = await PGlite.create();
    await pg.exec(`create table item (id bigserial primary key, name text unique not null, tags text[], meta json, seen timestamptz, ok boolean, n int8);
                   insert into item (name, tags, meta, seen, ok, n) values ('a', '{x,y}', '{"k": [1, 2]}', '2026-01-02T03:04:05.678Z', true, 9007199254740991), ('b', null, null, null, false, null)`);
    statements = new PgliteStatements(pg);
  });
  after(async () => {
    if (!pg.closed) await pg.close();
  });

  it('answers as query() does: rows with parsed types, fields, commands and counts', async () => {
    const cases: Array<[string, unknown[]]> = [
      ['select * from item order by id', []],
      ['select * from item where name = any($1::text[]) and seen < $2', [['a', 'b'], new Date('2027-01-01T00:00:00Z')]],
      ['select $1::json as j, $2::boolean as b, $3::int8 as big, $4::text as nothing', [{ deep: [1, 'x'] }, false, 42, null]],
      ['with t as (select id from item) select count(*) from t', []],
      ['select id from item where false', []],
    ];
    for (const [sql, params] of cases) assert.deepEqual(await statements.query(sql, params), await pg.query(sql, params), sql);
    // Writes: both ways, on rows made for each, so the counts are comparable.
    for (const run of [(s: string, p: unknown[]) => statements.query(s, p), (s: string, p: unknown[]) => pg.query(s, p)]) {
      const inserted = await run('insert into item (name) values ($1), ($2) returning id, name, tags', ['w1', 'w2']);
      assert.deepEqual(inserted.rows.map((r) => (r as { name: string }).name), ['w1', 'w2']);
      assert.equal(inserted.affectedRows, 2);
      assert.equal((await run('update item set ok = $1 where name like $2', [true, 'w%'])).affectedRows, 2);
      assert.equal((await run('delete from item where name like $1', ['w%'])).affectedRows, 2);
    }
    const [mine, theirs] = [await statements.query('update item set ok = ok where false', []), await pg.query('update item set ok = ok where false', [])];
    assert.deepEqual(mine, theirs);
  });

  it('parses a statement once, then only binds and executes it', async () => {
    const sql = 'select name from item where id = $1';
    const before = await prepared();
    for (let id = 1; id <= 5; id++) await statements.query(sql, [id]);
    const added = (await prepared()).filter((n) => !before.includes(n));
    assert.equal(added.length, 1, `prepared: ${added.join(', ')}`);
    assert.deepEqual((await statements.query(sql, [2])).rows, [{ name: 'b' }]);
    assert.equal((await prepared()).length, before.length + 1);
  });

  it('throws the database error query() throws, and the session goes on', async () => {
    const failure = (p: Promise<unknown>) => p.then(() => assert.fail('no error'), (e: unknown) => e as Record<string, unknown>);
    const theirs = await failure(pg.query('insert into item (name) values ($1)', ['a']));
    const mine = await failure(statements.query('insert into item (name) values ($1)', ['a']));
    assert.equal(mine.code, '23505');
    for (const field of ['code', 'message', 'constraint', 'table', 'severity', 'query', 'params']) assert.deepEqual(mine[field], theirs[field], field);
    await assert.rejects(statements.query('select nonsense from item', []), (e: unknown) => (e as { code?: string }).code === '42703');
    assert.deepEqual((await statements.query('select count(*)::int as n from item', [])).rows, [{ n: 2 }]);
  });

  it('an error inside a transaction aborts it as with query(); after the rollback statements run again', async () => {
    await pg.query('begin');
    await assert.rejects(statements.query('insert into item (name) values ($1)', ['a']), (e: unknown) => (e as { code?: string }).code === '23505');
    await assert.rejects(statements.query('select name from item where id = $1', [1]), (e: unknown) => (e as { code?: string }).code === '25P02');
    await pg.query('rollback');
    assert.deepEqual((await statements.query('select name from item where id = $1', [1])).rows, [{ name: 'a' }]);
  });

  it('a table changed by DDL is read in its new shape, whether the DDL ran here or behind it', async () => {
    const sql = 'select * from item where id = $1';
    assert.deepEqual(Object.keys((await statements.query(sql, [1])).rows[0] as object), ['id', 'name', 'tags', 'meta', 'seen', 'ok', 'n']);
    await statements.query('alter table item add column extra text', []);
    assert.ok('extra' in ((await statements.query(sql, [1])).rows[0] as object));
    // Behind its back: PostgreSQL refuses the old plan (0A000), and the statement is prepared again.
    await pg.exec('alter table item add column behind text');
    assert.ok('behind' in ((await statements.query(sql, [1])).rows[0] as object));
  });

  it('keeps at most 256 statements prepared, closing the least recently used', async () => {
    for (let i = 0; i < 300; i++) await statements.query(`select ${i} as n, name from item where id = $1`, [1]);
    const names = await prepared();
    assert.ok(names.length <= 256, `${names.length} prepared`);
    assert.ok(names.length >= 250, `${names.length} prepared`);
  });

  it('Knex on the embedded database runs through it', async () => {
    const knex: Knex = knexFactory({ client: PgliteKnexClient as unknown as typeof Knex.Client, connection: { pglite: pg } as unknown as Knex.StaticConnectionConfig });
    const before = await prepared();
    const rows = await knex('item').where({ name: 'a' }).select('id', 'name');
    assert.deepEqual(rows, [{ id: 1, name: 'a' }]);
    assert.equal(await knex('item').where({ name: 'nobody' }).delete(), 0);
    assert.ok((await prepared()).length > before.length, 'Knex statements were not prepared');
    // Knex's own transactions (BEGIN, COMMIT) pass through query().
    await knex.transaction(async (trx) => {
      await trx('item').insert({ name: 'in-tx' });
    });
    assert.equal(await knex('item').where({ name: 'in-tx' }).delete(), 1);
    await knex.destroy(); // closes the engine too: the last case
  });
});
