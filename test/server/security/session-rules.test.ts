/**
 * Issue 11's last gaps in the security layer: ReadSession (reference permissions §2.2, §3.1), the
 * reach of a group owner's sudo session (§5.4, advisory 2019-SV6) and the server-side
 * `@admin_only` guard of CLI commands (`adminCommandRefusal`).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  adminCommandRefusal,
  groupContextRefusal,
  readScopeFor,
  readsAllSessions,
  sessionView,
  sudoSessionMembership,
  withinReach,
  allowedOperations,
  type AdminPrivilege,
  type Caller,
} from '../../../src/server/security/index.js';
import { canReadRow } from '../../../src/server/security/visibility.js';
import { ALL_PRIVILEGES, caller, PERM } from './fixtures.js';

const ALL_PRIVILEGES_BUT_READ_SESSION: readonly AdminPrivilege[] = [...ALL_PRIVILEGES].filter((p) => p !== 'ReadSession');
const LAB = 5;
const OTHER_LAB = 6;
const WORLD = 7;
const restricted = (privileges: readonly AdminPrivilege[]) => caller({ userId: 20, memberOf: [0, 1], isAdmin: true, privileges: new Set(privileges), contextGroupId: -1 });
const full = caller({ userId: 21, memberOf: [0, 1], isAdmin: true, privileges: ALL_PRIVILEGES, contextGroupId: -1 });
const owner = caller({ userId: 30, memberOf: [LAB, 1], leaderOf: [LAB], contextGroupId: LAB });
const member = caller({ userId: 40, memberOf: [LAB, 1], contextGroupId: LAB });

describe('ReadSession: who sees which sessions', () => {
  it('only admins holding ReadSession read every session', () => {
    assert.equal(readsAllSessions(full), true);
    assert.equal(readsAllSessions(restricted(['ReadSession'])), true);
    assert.equal(readsAllSessions(restricted(ALL_PRIVILEGES_BUT_READ_SESSION)), false);
    assert.equal(readsAllSessions(owner), false);
    assert.equal(readsAllSessions(member), false);
  });
  const cases: ReadonlyArray<[string, Caller, number, boolean, string]> = [
    ['full admin, another user', full, 99, true, 'details'],
    ['restricted admin with ReadSession, another user', restricted(['ReadSession']), 99, true, 'details'],
    ['restricted admin without ReadSession, another user', restricted(ALL_PRIVILEGES_BUT_READ_SESSION), 99, true, 'hidden'],
    ['restricted admin without ReadSession, own session', restricted([]), 20, true, 'details'],
    ['group owner, a visible user', owner, 40, true, 'names'],
    ['member, a visible user', member, 30, true, 'names'],
    ['member, a user it may not see', member, 99, false, 'hidden'],
    ['member, own session', member, 40, false, 'details'],
  ];
  for (const [name, who, sessionOwner, visible, want] of cases) {
    it(`${name}: ${want}`, () => assert.equal(sessionView(who, sessionOwner, visible), want));
  }
  it('the read scope carries ReadSession', () => {
    const facts = { perms: () => PERM['rw----'], worldReadableGroupIds: [], colleagueIds: [] };
    assert.equal(readScopeFor(full, facts).readsAllSessions, true);
    assert.equal(readScopeFor(restricted(['Sudo']), facts).readsAllSessions, false);
    assert.equal(readScopeFor(member, facts).readsAllSessions, false);
  });
});

describe("a group owner's sudo session stays inside the owner's groups (2019-SV6)", () => {
  // The target belongs to LAB (owned by the sudoer), OTHER_LAB (not owned) and "user".
  const target = { memberOf: [LAB, OTHER_LAB, 1], leaderOf: [], isAdmin: false, privileges: [] as AdminPrivilege[] };
  const sudoer = { memberOf: [LAB, 1], leaderOf: [LAB], isAdmin: false, privileges: [] as AdminPrivilege[] };
  const m = sudoSessionMembership(target, sudoer);
  const session = (contextGroupId: number) =>
    caller({ userId: 40, memberOf: m.memberOf, leaderOf: m.leaderOf, contextGroupId, ...(m.confinedTo ? { confinedTo: m.confinedTo } : {}) });
  it('is confined to the owned groups and "user"', () => assert.deepEqual(m.confinedTo, [LAB, 1]));
  it('may use an owned group, "user" and -1', () => {
    for (const g of [LAB, 1, -1]) assert.equal(groupContextRefusal(session(g), g, PERM['rwr-r-']), null, `group ${g}`);
  });
  it('may not use a world-readable group it does not own, nor another group of the target', () => {
    assert.match(groupContextRefusal(session(WORLD), WORLD, PERM['rwrwrw']) ?? '', /sudo session cannot use group 7/);
    assert.match(groupContextRefusal(session(OTHER_LAB), OTHER_LAB, PERM['rwr-r-']) ?? '', /sudo session cannot use group 6/);
  });
  it('the same world-readable group is open to a session that is not confined', () => {
    assert.equal(groupContextRefusal(member, WORLD, PERM['rwrwrw']), null);
    assert.equal(withinReach(member, WORLD), true);
  });
  it('with -1 it reads only inside the owned groups', () => {
    const facts = { perms: (g: number) => (g === WORLD ? PERM['rwrwrw'] : PERM['rwr---']), worldReadableGroupIds: [WORLD], colleagueIds: [] };
    const scope = readScopeFor(session(-1), facts);
    assert.equal(canReadRow(scope, { ownerId: 99, groupId: LAB }), true, 'others’ rows of the owned group');
    assert.equal(canReadRow(scope, { ownerId: 99, groupId: WORLD }), false, 'a world-readable group not owned');
    assert.equal(canReadRow(scope, { ownerId: 40, groupId: OTHER_LAB }), false, 'the target’s own rows elsewhere');
    assert.equal(canReadRow(scope, { ownerId: 40, groupId: LAB }), true);
    // Without confinement, the target itself reads the world-readable group and its own rows everywhere.
    const own = readScopeFor(caller({ userId: 40, memberOf: target.memberOf, contextGroupId: -1 }), facts);
    assert.equal(canReadRow(own, { ownerId: 99, groupId: WORLD }), true);
    assert.equal(canReadRow(own, { ownerId: 40, groupId: OTHER_LAB }), true);
  });
});

describe('rights of a confined sudo session', () => {
  it('none over data outside the owner’s groups, even world-writable; the usual ones inside', () => {
    const perms = (g: number) => (g === WORLD ? PERM['rwrwrw'] : PERM['rwrw--']);
    const confined = caller({ userId: 40, memberOf: [LAB, 1], contextGroupId: -1, confinedTo: [LAB, 1] });
    const free = caller({ userId: 40, memberOf: [LAB, 1], contextGroupId: -1 });
    const worldRow = { ownerId: 99, groupId: WORLD, kind: 'data' as const };
    assert.deepEqual(allowedOperations(confined, worldRow, perms), [false, false, false, false, false, false]);
    assert.equal(allowedOperations(free, worldRow, perms)[1], true, 'control: EDIT of a world-writable row');
    const labRow = { ownerId: 40, groupId: LAB, kind: 'data' as const };
    assert.deepEqual(allowedOperations(confined, labRow, perms), allowedOperations(free, labRow, perms));
  });
});

describe('adminCommandRefusal: the @admin_only guard, decided by the server', () => {
  it('non-admins: Admins only!', () => assert.equal(adminCommandRefusal(member, [])?.message, 'Admins only!'));
  it('restricted admins: the missing privileges, sorted', () => {
    assert.equal(adminCommandRefusal(restricted(['ModifyGroupMembership']), ['ModifyUser', 'ModifyGroupMembership', 'Chown'])?.message, 'Admin restrictions: Chown, ModifyUser');
    assert.equal(adminCommandRefusal(restricted(['ModifyUser']), ['ModifyUser']), null);
  });
  it('full admins pass', () => assert.equal(adminCommandRefusal(full, [...ALL_PRIVILEGES]), null));
});
