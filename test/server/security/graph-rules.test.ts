/**
 * The per-object rules of Delete2, Chgrp2 and Chown2 against reference permissions §6 and the
 * D, G and O columns of §1.6 (where G and O include the membership conditions of the real moves).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Caller } from '../../../src/server/security/caller.js';
import {
  chgrpDestinationRefusal,
  chownCallerRefusal,
  mayDeleteInGraph,
  mayGiveInGraph,
  mayMoveInGraph,
} from '../../../src/server/security/graph-rules.js';
import type { AdminPrivilege } from '../../../src/server/security/roles.js';
import { ALL_PRIVILEGES, caller, PERM, SYSTEM_GROUP, USER_GROUP } from './fixtures.js';

const LEVELS = ['rw----', 'rwr---', 'rwra--', 'rwrw--'] as const;
type Level = (typeof LEVELS)[number];
const GROUP: Record<Level, number> = { 'rw----': 10, 'rwr---': 11, 'rwra--': 12, 'rwrw--': 13 };
const DEST = 20;
const groupPerms = new Map<number, number>([[USER_GROUP, PERM['rwr-r-']], [DEST, PERM['rwr---']], ...LEVELS.map((l) => [GROUP[l], PERM[l]] as [number, number])]);
const perms = (g: number) => groupPerms.get(g);
const OWNER = 100;
const RECIPIENT_GROUPS = [...Object.values(GROUP), USER_GROUP];

const privileged = (p: readonly AdminPrivilege[], g: number): Caller =>
  caller({ userId: 107, memberOf: [SYSTEM_GROUP, USER_GROUP], isAdmin: true, privileges: new Set(p), contextGroupId: -1 });
const ROLES: Record<string, (g: number) => Caller> = {
  owner: (g) => caller({ userId: OWNER, memberOf: [g, DEST, USER_GROUP], contextGroupId: -1 }),
  member: (g) => caller({ userId: 101, memberOf: [g, DEST, USER_GROUP], contextGroupId: -1 }),
  pi: (g) => caller({ userId: 102, memberOf: [g, DEST, USER_GROUP], leaderOf: [g], contextGroupId: -1 }),
  admin: () => caller({ userId: 103, memberOf: [SYSTEM_GROUP, USER_GROUP], isAdmin: true, privileges: ALL_PRIVILEGES, contextGroupId: -1 }),
  ra4: (g) => privileged(['WriteOwned', 'DeleteOwned', 'Chgrp', 'Chown'], g),
  ra0: (g) => privileged([], g),
  ra0member: (g) => caller({ userId: 106, memberOf: [SYSTEM_GROUP, g, DEST, USER_GROUP], isAdmin: true, contextGroupId: -1 }),
};

/** §1.6, columns D G O, for the owner's object (same in every level but D for members). */
const EXPECTED: Record<string, Record<Level, string>> = {
  owner: { 'rw----': 'DG.', 'rwr---': 'DG.', 'rwra--': 'DG.', 'rwrw--': 'DG.' },
  member: { 'rw----': '...', 'rwr---': '...', 'rwra--': '...', 'rwrw--': 'D..' },
  pi: { 'rw----': 'D.O', 'rwr---': 'D.O', 'rwra--': 'D.O', 'rwrw--': 'D.O' },
  admin: { 'rw----': 'DGO', 'rwr---': 'DGO', 'rwra--': 'DGO', 'rwrw--': 'DGO' },
  ra4: { 'rw----': 'DGO', 'rwr---': 'DGO', 'rwra--': 'DGO', 'rwrw--': 'DGO' },
  ra0: { 'rw----': '...', 'rwr---': '...', 'rwra--': '...', 'rwrw--': '...' },
  ra0member: { 'rw----': '...', 'rwr---': '...', 'rwra--': '...', 'rwrw--': 'D..' },
};

describe('graph rules: the D, G and O columns of §1.6', () => {
  for (const [role, make] of Object.entries(ROLES)) {
    for (const level of LEVELS) {
      const want = EXPECTED[role]![level];
      it(`${role} in ${level}: ${want}`, () => {
        const c = make(GROUP[level]);
        const t = { ownerId: OWNER, groupId: GROUP[level], kind: 'data' as const };
        const d = mayDeleteInGraph(c, t, perms);
        const g = mayMoveInGraph(c, t) && chgrpDestinationRefusal(c, DEST) === null;
        const o = chownCallerRefusal(c) === null && mayGiveInGraph(c, t, RECIPIENT_GROUPS, perms);
        assert.equal(`${d ? 'D' : '.'}${g ? 'G' : '.'}${o ? 'O' : '.'}`, want);
      });
    }
  }
});

describe('Chgrp2 destination and Chown2 caller', () => {
  it('a non-member of the destination is refused unless it holds Chgrp', () => {
    const owner = caller({ userId: OWNER, memberOf: [11, USER_GROUP], contextGroupId: -1 });
    assert.equal(chgrpDestinationRefusal(owner, DEST), `user ${OWNER} is not a member of the destination group ${DEST}`);
    assert.equal(chgrpDestinationRefusal(owner, 11), null);
    assert.equal(chgrpDestinationRefusal(privileged(['Chgrp'], 11), DEST), null);
    assert.notEqual(chgrpDestinationRefusal(privileged(['Chown'], 11), DEST), null);
  });
  it('a caller leading no group cannot chown without the Chown privilege', () => {
    assert.equal(chownCallerRefusal(caller({ userId: OWNER, memberOf: [11], contextGroupId: -1 })), `user ${OWNER} is not an owner of any group`);
    assert.equal(chownCallerRefusal(privileged(['Chown'], 11)), null);
    assert.notEqual(chownCallerRefusal(privileged(['Chgrp'], 11)), null);
  });
  it('a PI gives only to members of the object\'s group, and only in groups it leads', () => {
    const pi = ROLES.pi!(11);
    const t = { ownerId: OWNER, groupId: 11, kind: 'data' as const };
    assert.equal(mayGiveInGraph(pi, t, [11], perms), true);
    assert.equal(mayGiveInGraph(pi, t, [12, USER_GROUP], perms), false);
    assert.equal(mayGiveInGraph(pi, { ...t, groupId: 12 }, [12], perms), false);
  });
});
