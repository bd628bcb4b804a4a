/**
 * readScopeFor + canReadRow against reference permissions §2.3 (one group), §2.4 (all groups)
 * and §2.5 (user-detail masking). The SQL twin is executed in visibility.test.ts.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readScopeFor } from '../../../src/server/security/read-scope-for.js';
import { canReadRow, canSeeUserDetails } from '../../../src/server/security/visibility.js';
import { groupContextRefusal } from '../../../src/server/security/group-context.js';
import { caller, PERM, SYSTEM_GROUP, USER_GROUP, GUEST_GROUP, ROOT, GUEST } from './fixtures.js';
import {
  ALL_GROUPS,
  facts,
  GROUP_PERMS,
  NM_PRIV,
  NM_RW,
  OTHER,
  OWN,
  PRIV,
  RA,
  READ_ROLES,
  readCaller,
  RO,
  RW,
  specCanRead,
  WORLD,
  type ReadRole,
} from './read-model.js';

/**
 * One group G (§2.3): whether a caller allowed into G sees *others'* rows in G. Own rows in G and
 * every "user"-group row are always visible; rows of any other group never.
 * Only contexts the caller may enter (§2.1) are listed.
 */
const ONE_GROUP: ReadonlyArray<[ReadRole, number, boolean, string]> = [
  ['member', PRIV, false, 'private group: a member sees only own rows'],
  ['member', RO, true, 'read-only: all rows'],
  ['member', RA, true, 'read-annotate: all rows'],
  ['member', RW, true, 'read-write: all rows'],
  ['member', WORLD, true, 'world-readable non-member group: all rows'],
  ['member', USER_GROUP, true, '"user" group as context'],
  ['PI', PRIV, true, 'private group led: all rows'],
  ['PI', RO, true, 'read-only, member only: all rows'],
  ['PI', RW, true, 'read-write led: all rows'],
  ['PI', WORLD, true, 'world-readable: all rows'],
  ['full admin', PRIV, true, 'private group, not member: all rows'],
  ['full admin', NM_PRIV, true, 'another private group: all rows'],
  ['full admin', SYSTEM_GROUP, true, 'system group: all rows'],
  ['full admin', NM_RW, true, 'read-write non-member: all rows'],
  ['restricted admin (no privileges)', PRIV, true, 'admins read everything even without privileges'],
  ['restricted admin (no privileges)', NM_PRIV, true, 'another private group'],
  ['restricted admin (no privileges)', RO, true, 'read-only'],
  ['outsider', OWN, false, 'own private group: own rows only'],
  ['outsider', WORLD, true, 'world-readable group entered without membership'],
  ['guest', GUEST_GROUP, false, 'guest group is rw----'],
  ['guest', WORLD, true, 'world-readable group'],
];

describe('one-group context (§2.3)', () => {
  for (const [role, G, othersVisible, why] of ONE_GROUP) {
    const c = readCaller(role, G);
    it(`${role} in ${G} (${why}): others' rows ${othersVisible ? 'visible' : 'hidden'}; own rows and "user" rows visible; other groups hidden`, () => {
      assert.equal(groupContextRefusal(c, G, GROUP_PERMS.get(G)), null, 'the caller may enter this context');
      const scope = readScopeFor(c, facts);
      assert.equal(canReadRow(scope, { ownerId: c.userId, groupId: G }), true, 'own row in G');
      assert.equal(canReadRow(scope, { ownerId: OTHER, groupId: G }), othersVisible, "other's row in G");
      assert.equal(canReadRow(scope, { ownerId: ROOT, groupId: G }), othersVisible, "root's row in G");
      assert.equal(canReadRow(scope, { ownerId: c.userId, groupId: USER_GROUP }), true, 'own "user" row');
      assert.equal(canReadRow(scope, { ownerId: OTHER, groupId: USER_GROUP }), true, 'other\'s "user" row');
      for (const g of ALL_GROUPS) {
        if (g === G || g === USER_GROUP) continue;
        assert.equal(canReadRow(scope, { ownerId: c.userId, groupId: g }), false, `own row in other group ${g}`);
        assert.equal(canReadRow(scope, { ownerId: OTHER, groupId: g }), false, `other's row in other group ${g}`);
      }
    });
  }
  it('unknown context-group permissions fail closed (own rows only) for a non-admin', () => {
    const c = caller({ userId: 101, memberOf: [77], contextGroupId: 77 });
    const scope = readScopeFor(c, { perms: () => undefined, worldReadableGroupIds: [], colleagueIds: [] });
    assert.equal(canReadRow(scope, { ownerId: 101, groupId: 77 }), true);
    assert.equal(canReadRow(scope, { ownerId: OTHER, groupId: 77 }), false);
  });
});

/** All groups (-1, §2.4): groups where others' rows are visible. Own rows: every group. */
const ALL_GROUPS_TABLE: ReadonlyArray<[ReadRole, 'all' | number[], string]> = [
  ['member', [USER_GROUP, RO, RA, RW, WORLD], 'non-private groups they belong to + world-readable; not the private one'],
  ['PI', [USER_GROUP, PRIV, RO, RA, RW, WORLD], 'plus everything in the led private group'],
  ['full admin', 'all', 'admin sees everything'],
  ['restricted admin (no privileges)', 'all', 'any admin sees everything'],
  ['outsider', [USER_GROUP, WORLD], 'only world-readable groups (not its own private group)'],
  ['guest', [USER_GROUP, WORLD], 'only world-readable groups'],
];

describe('all-groups context -1 (§2.4)', () => {
  for (const [role, othersVisibleIn, why] of ALL_GROUPS_TABLE) {
    it(`${role}: ${why}`, () => {
      const c = readCaller(role, -1);
      assert.equal(groupContextRefusal(c, -1, undefined), null);
      const scope = readScopeFor(c, facts);
      for (const g of ALL_GROUPS) {
        assert.equal(canReadRow(scope, { ownerId: c.userId, groupId: g }), true, `own row in ${g}`);
        const want = othersVisibleIn === 'all' || othersVisibleIn.includes(g);
        assert.equal(canReadRow(scope, { ownerId: OTHER, groupId: g }), want, `other's row in ${g}`);
      }
      // a group nobody told us about: only admins see others' rows there
      assert.equal(canReadRow(scope, { ownerId: OTHER, groupId: 999 }), othersVisibleIn === 'all', 'unknown group');
    });
  }
  it('membership of a group-readable group counts only while its perms grant GROUP READ (fail closed if unknown)', () => {
    const c = caller({ userId: 101, memberOf: [77, 78], contextGroupId: -1 });
    const scope = readScopeFor(c, {
      perms: (g) => (g === 78 ? PERM['rwr---'] : undefined),
      worldReadableGroupIds: [],
      colleagueIds: [],
    });
    assert.equal(canReadRow(scope, { ownerId: OTHER, groupId: 77 }), false);
    assert.equal(canReadRow(scope, { ownerId: OTHER, groupId: 78 }), true);
  });
});

describe('readScopeFor agrees with the §2.3/§2.4 formulas for every role, context and row', () => {
  for (const role of READ_ROLES) {
    for (const ctx of [-1, ...ALL_GROUPS]) {
      it(`${role}, context ${ctx}`, () => {
        const c = readCaller(role, ctx);
        const scope = readScopeFor(c, facts);
        // every group exists with known perms here (the SQL sub-select reads the real row)
        for (const g of ALL_GROUPS) {
          for (const ownerId of [c.userId, OTHER, ROOT, GUEST]) {
            const row = { ownerId, groupId: g };
            assert.equal(canReadRow(scope, row), specCanRead(c, row), `row owner ${ownerId} group ${g}`);
          }
        }
      });
    }
  }
});

describe('user-detail masking (§2.5)', () => {
  const colleagues = { ...facts, colleagueIds: [300, 301] };
  it('admins see everybody', () => {
    const scope = readScopeFor(readCaller('restricted admin (no privileges)', -1), colleagues);
    for (const id of [0, 1, 300, 500]) assert.equal(canSeeUserDetails(scope, id), true);
  });
  it('a leader of any group sees everybody', () => {
    const scope = readScopeFor(readCaller('PI', PRIV), colleagues);
    assert.equal(canSeeUserDetails(scope, 500), true);
  });
  it('a member sees self, root, guest and colleagues only', () => {
    const scope = readScopeFor(readCaller('member', RW), colleagues);
    assert.equal(canSeeUserDetails(scope, 101), true, 'self');
    assert.equal(canSeeUserDetails(scope, ROOT), true, 'root');
    assert.equal(canSeeUserDetails(scope, GUEST), true, 'guest');
    assert.equal(canSeeUserDetails(scope, 300), true, 'colleague');
    assert.equal(canSeeUserDetails(scope, 301), true, 'colleague');
    assert.equal(canSeeUserDetails(scope, 500), false, 'stranger');
  });
  it('the masking list does not depend on the context group', () => {
    const a = readScopeFor(readCaller('member', -1), colleagues);
    const b = readScopeFor(readCaller('member', PRIV), colleagues);
    assert.deepEqual(a.visibleUserIds, b.visibleUserIds);
  });
});

describe('scope flags', () => {
  it('isAdmin follows the caller; everything only for admins in -1', () => {
    assert.equal(readScopeFor(readCaller('full admin', -1), facts).everything, true);
    assert.equal(readScopeFor(readCaller('full admin', PRIV), facts).everything, false);
    assert.equal(readScopeFor(readCaller('PI', -1), facts).everything, false);
    assert.equal(readScopeFor(readCaller('restricted admin (no privileges)', PRIV), facts).isAdmin, true);
    assert.equal(readScopeFor(readCaller('member', PRIV), facts).isAdmin, false);
  });
});
