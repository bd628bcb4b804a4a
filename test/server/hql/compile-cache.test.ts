import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compileHql, compileHqlCached } from '../../../src/server/hql/index.js';
import type { ReadScope } from '../../../src/server/security/read-scope.js';
import { SCOPES } from './fixture.js';

/** A copy of a scope: equal in every value, but another object (another caller's facts). */
function copyOf(scope: ReadScope): ReadScope {
  return structuredClone(scope);
}

describe('compileHqlCached: one compile per query shape and scope, values bound per call', () => {
  it('gives exactly what compileHql gives, for every value', () => {
    const scope = copyOf(SCOPES.user2ReadOnly);
    for (const id of [5, 6, 7, 5]) {
      const cached = compileHqlCached('select p from Project p where p.id = :id', { params: { id }, scope });
      const fresh = compileHql('select p from Project p where p.id = :id', { params: { id }, scope });
      assert.equal(cached.sql, fresh.sql);
      assert.deepEqual(cached.bindings, fresh.bindings);
      assert.equal(cached.bindings.at(-1), id);
      assert.ok(Object.isFrozen(cached) && Object.isFrozen(cached.bindings));
    }
  });

  it('reuses the compiled statement within a scope (same shape object), never across scopes', () => {
    const a = copyOf(SCOPES.user2ReadOnly);
    const b = copyOf(SCOPES.user2ReadOnly);
    const hql = 'select p from Project p where p.id = :id';
    const first = compileHqlCached(hql, { params: { id: 1 }, scope: a });
    assert.equal(compileHqlCached(hql, { params: { id: 2 }, scope: a }).shape, first.shape, 'the second call compiled again');
    assert.notEqual(compileHqlCached(hql, { params: { id: 1 }, scope: b }).shape, first.shape, 'another scope shared an entry');
  });

  it('another scope gets its own predicate values, even for the same query text', () => {
    const hql = 'select p from Project p where p.id = :id';
    const user2 = compileHqlCached(hql, { params: { id: 1 }, scope: copyOf(SCOPES.user2ReadOnly) });
    const user3 = compileHqlCached(hql, { params: { id: 1 }, scope: copyOf(SCOPES.user3All) });
    assert.deepEqual(user2.bindings, compileHql(hql, { params: { id: 1 }, scope: SCOPES.user2ReadOnly }).bindings);
    assert.deepEqual(user3.bindings, compileHql(hql, { params: { id: 1 }, scope: SCOPES.user3All }).bindings);
    assert.notDeepEqual(user2.bindings, user3.bindings);
  });

  it('a list spread among other values compiles per length; a list alone is one `any(?)` for every length', () => {
    const scope = copyOf(SCOPES.user2ReadOnly);
    const spread = (ids: number[]) => compileHqlCached('select p from Project p where p.id in (:ids, 99)', { params: { ids }, scope });
    const two = spread([1, 2]);
    const three = spread([1, 2, 3]);
    assert.notEqual(two.sql, three.sql);
    assert.deepEqual(three.bindings.slice(-4), [1, 2, 3, 99]);
    assert.deepEqual(spread([7, 8]).bindings.slice(-3), [7, 8, 99]);
    const alone = (ids: number[]) => compileHqlCached('select p from Project p where p.id in (:ids)', { params: { ids }, scope });
    assert.equal(alone([1]).sql, alone([1, 2, 3]).sql);
    assert.deepEqual(alone([4, 5]).bindings.at(-1), [4, 5]);
  });

  it('a parameter of another kind compiles again (and is checked as compileHql checks it)', () => {
    const scope = copyOf(SCOPES.user2ReadOnly);
    const hql = 'select p from Project p where p.name = :name';
    assert.equal(compileHqlCached(hql, { params: { name: 'p10' }, scope }).bindings.at(-1), 'p10');
    assert.throws(() => compileHqlCached(hql, { params: { name: null }, scope }), /Null parameters not allowed: name/);
    assert.throws(() => compileHqlCached(hql, { params: {}, scope }), /Null parameters not allowed: name/);
    compileHqlCached('select p from Project p where p.id = :id', { params: { id: 1 }, scope });
    assert.throws(() => compileHqlCached('select p from Project p where p.id = :id', { params: { id: { raw: 'x' } }, scope }), /Invalid value for parameter id/);
  });

  it('paging is part of the key: offset and limit are bound, never borrowed from another call', () => {
    const scope = copyOf(SCOPES.user2ReadOnly);
    const hql = 'select p from Project p order by p.id';
    const page = (offset: number, limit: number) => compileHqlCached(hql, { params: {}, scope, offset, limit });
    assert.deepEqual(page(10, 5).bindings.slice(-2), compileHql(hql, { params: {}, scope, offset: 10, limit: 5 }).bindings.slice(-2));
    assert.deepEqual(page(20, 5).bindings.slice(-2), compileHql(hql, { params: {}, scope, offset: 20, limit: 5 }).bindings.slice(-2));
    assert.notEqual(compileHqlCached(hql, { params: {}, scope }).sql, page(10, 5).sql);
  });

  it('a query that fails to compile fails every time (errors are not cached)', () => {
    const scope = copyOf(SCOPES.user2ReadOnly);
    for (let i = 0; i < 2; i++) assert.throws(() => compileHqlCached('select p from Nothing p', { params: {}, scope }), /Nothing/);
  });
});
