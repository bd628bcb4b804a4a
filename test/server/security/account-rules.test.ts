/** Account, sudo and refusal-text rules (reference permissions §3.1, §5.2, §5.4; issue 11). */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  accountEditRefusal,
  adminGrantRefusal,
  grantedSql,
  loginNameRefusal,
  membershipRemovalRefusal,
  privilegeChangeRefusal,
  refusedObjectsText,
  Right,
  Role,
  sudoRefusal,
  sudoSessionMembership,
  type AdminPrivilege,
} from '../../../src/server/security/index.js';
import { ALL_PRIVILEGES, caller } from './fixtures.js';

const ROOT = 0;
const LAB = 5;
const admin = (privileges: readonly AdminPrivilege[]) => caller({ userId: 20, memberOf: [0, 1], isAdmin: true, privileges: new Set(privileges), contextGroupId: -1 });
const full = caller({ userId: 21, memberOf: [0, 1], isAdmin: true, privileges: ALL_PRIVILEGES, contextGroupId: -1 });
const pi = caller({ userId: 30, memberOf: [LAB, 1], leaderOf: [LAB], contextGroupId: LAB });
const member = { userId: 40, privileges: [] as AdminPrivilege[], memberOf: [LAB, 1] };
const strongAdmin = { userId: 50, privileges: [...ALL_PRIVILEGES], memberOf: [0, 1, LAB] };

describe('accountEditRefusal (2018-SV3, OMERO 5.6.1)', () => {
  const cases: ReadonlyArray<[string, ReturnType<typeof caller>, typeof member, boolean, boolean]> = [
    ['ModifyUser admin edits a member', admin(['ModifyUser']), member, false, true],
    ['admin without ModifyUser', admin(['ModifyGroup']), member, false, false],
    ['ModifyUser admin edits a full admin', admin(['ModifyUser']), strongAdmin, false, false],
    ['full admin edits a full admin', full, strongAdmin, false, true],
    ['full admin edits root', full, { ...strongAdmin, userId: ROOT }, false, false],
    ['group owner edits an existing member', pi, member, false, false],
    ['group owner fills in a user it just created', pi, member, true, true],
    ['group owner and a just-created user outside its groups', pi, { ...member, memberOf: [9, 1] }, true, false],
  ];
  for (const [name, who, target, justCreated, allowed] of cases) {
    it(`${name} ⇒ ${allowed ? 'allowed' : 'refused'}`, () => {
      for (const edit of ['identity', 'password'] as const) assert.equal(accountEditRefusal(who, target, edit, justCreated) === null, allowed, edit);
    });
  }
  it('root edits root', () => assert.equal(accountEditRefusal(caller({ userId: ROOT, isAdmin: true, privileges: ALL_PRIVILEGES, contextGroupId: -1 }), { ...strongAdmin, userId: ROOT }, 'password', false), null));
});

describe('privilege changes and admin grants (anti-elevation)', () => {
  it('a restricted admin grants or withdraws only privileges it holds', () => {
    const ra = admin(['ModifyUser', 'Sudo']);
    assert.equal(privilegeChangeRefusal(ra, member, new Set(), new Set(['Sudo'])), null);
    assert.match(privilegeChangeRefusal(ra, member, new Set(), new Set(['Chown']))!.message, /Chown/);
    assert.match(privilegeChangeRefusal(ra, strongAdmin, new Set(ALL_PRIVILEGES), new Set(['Sudo']))!.message, /does not have|more privileged/);
  });
  it('root is never restricted, but clearing a stale restriction is fine', () => {
    assert.equal(privilegeChangeRefusal(full, { userId: ROOT, privileges: [] }, new Set(ALL_PRIVILEGES), new Set(['Sudo']))!.kind, 'ApiUsageException');
    assert.equal(privilegeChangeRefusal(full, { userId: ROOT, privileges: [] }, new Set(['Sudo']), new Set(ALL_PRIVILEGES)), null);
  });
  it('making an admin needs ModifyGroupMembership and every privilege it would get', () => {
    assert.equal(adminGrantRefusal(full, [...ALL_PRIVILEGES]), null);
    assert.notEqual(adminGrantRefusal(admin(['ModifyGroupMembership']), [...ALL_PRIVILEGES]), null);
    assert.equal(adminGrantRefusal(admin(['ModifyGroupMembership', 'Sudo']), ['Sudo']), null);
    assert.notEqual(adminGrantRefusal(pi, []), null);
  });
});

describe('membershipRemovalRefusal (§5.2)', () => {
  it('root stays in system and user; guest in guest; nobody leaves system or user themselves', () => {
    assert.notEqual(membershipRemovalRefusal(full, { ...strongAdmin, userId: ROOT }, [0]), null);
    assert.notEqual(membershipRemovalRefusal(full, { userId: 1, privileges: [], memberOf: [2] }, [2]), null);
    assert.notEqual(membershipRemovalRefusal(full, { ...strongAdmin, userId: full.userId }, [0]), null);
    assert.notEqual(membershipRemovalRefusal(admin(['ModifyGroupMembership']), strongAdmin, [0]), null);
    assert.equal(membershipRemovalRefusal(full, strongAdmin, [0]), null);
    assert.equal(membershipRemovalRefusal(pi, member, [LAB]), null);
  });
});

describe('loginNameRefusal', () => {
  it('refuses root and guest in any case for others, and unprintable names', () => {
    for (const n of ['ROOT', 'Root', 'guest', 'a/b', ' x', 'nul\u0000']) assert.notEqual(loginNameRefusal(n, 7), null, n);
    assert.equal(loginNameRefusal('root', ROOT), null);
    assert.equal(loginNameRefusal('rooted', 7), null);
  });
});

describe('sudoRefusal and sudo sessions (§5.4, 2019-SV6)', () => {
  const target = { ...member, isAdmin: false };
  it('an admin with Sudo sudoes as users no more privileged, never as root', () => {
    assert.equal(sudoRefusal(admin(['Sudo']), target, LAB), null);
    assert.notEqual(sudoRefusal(admin(['Sudo']), { ...strongAdmin, isAdmin: true }, LAB), null);
    assert.notEqual(sudoRefusal(full, { ...strongAdmin, userId: ROOT, isAdmin: true }, 0), null);
    assert.equal(sudoRefusal(full, { ...strongAdmin, isAdmin: true }, 0), null);
  });
  it('a group owner sudoes only into its group, as a non-admin member of it', () => {
    assert.equal(sudoRefusal(pi, target, LAB), null);
    assert.match(sudoRefusal(pi, target, 9)!.message, /Group sudo is not permitted for group 9/);
    assert.notEqual(sudoRefusal(pi, { ...strongAdmin, isAdmin: true }, LAB), null);
    assert.notEqual(sudoRefusal(caller({ userId: 41, memberOf: [LAB, 1], contextGroupId: LAB }), target, LAB), null);
  });
  it("a group sudo session reaches only the owner's groups and is no admin", () => {
    const t = { memberOf: [LAB, 9, 1], leaderOf: [9], isAdmin: false, privileges: [] };
    const s = { memberOf: [LAB, 1], leaderOf: [LAB], isAdmin: false, privileges: [] };
    assert.deepEqual(sudoSessionMembership(t, s), { memberOf: [LAB, 1], leaderOf: [], isAdmin: false, privileges: [], confinedTo: [LAB, 1] });
    const adminTarget = { memberOf: [0, 1], leaderOf: [], isAdmin: true, privileges: [...ALL_PRIVILEGES] };
    const sudoer = { memberOf: [0, 1], leaderOf: [], isAdmin: true, privileges: ['Sudo', 'Chown'] as AdminPrivilege[] };
    assert.deepEqual(sudoSessionMembership(adminTarget, sudoer).privileges, ['Chown', 'Sudo']);
    // An admin sudoer holding Sudo is not confined: the session is the target's.
    assert.equal(sudoSessionMembership(adminTarget, sudoer).confinedTo, undefined);
  });
});

describe('refusedObjectsText and grantedSql', () => {
  const scope = { everything: false, groupIds: [LAB], ownGroupIds: 'any' as const, userId: 40, isAdmin: false, readsAllSessions: false, visibleUserIds: 'all' as const };
  it('names readable objects only; the others are counted', () => {
    const rows = [{ ownerId: 1, groupId: LAB, n: 'Project:1' }, { ownerId: 2, groupId: 99, n: 'Dataset:7' }, { ownerId: 3, groupId: 98, n: 'Image:8' }];
    const text = refusedObjectsText(scope, rows, (r) => r.n);
    assert.equal(text, 'Project:1 and 2 objects you cannot read');
    assert.doesNotMatch(text, /Dataset:7|Image:8/);
  });
  it('builds the bit test from the model bits', () => {
    assert.equal(grantedSql('g', Role.WORLD, Right.READ), '("g".permissions & 4) = 4');
    assert.equal(grantedSql(null, Role.GROUP, Right.READ), '(permissions & 64) = 64');
  });
});
