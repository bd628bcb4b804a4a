/**
 * A small world for the read tests (reference permissions §2.3–§2.4), plus the spec's two SQL
 * formulas transcribed literally as an oracle that does not use the implementation.
 */
import type { Caller } from '../../../src/server/security/caller.js';
import type { GroupFacts } from '../../../src/server/security/read-scope-for.js';
import { ALL_PRIVILEGES, caller, PERM, SYSTEM_GROUP, USER_GROUP, GUEST_GROUP, GUEST } from './fixtures.js';

export const PRIV = 10; // rw----
export const RO = 11; // rwr---
export const RA = 12; // rwra--
export const RW = 13; // rwrw--
export const WORLD = 14; // rwr-r-, nobody below is a member
export const NM_PRIV = 20; // rw----, nobody below is a member
export const NM_RW = 21; // rwrw--, nobody below is a member
export const OWN = 30; // rw----, the outsider's group

export const GROUP_PERMS = new Map<number, number>([
  [SYSTEM_GROUP, PERM['rw----']],
  [USER_GROUP, PERM['rwr-r-']],
  [GUEST_GROUP, PERM['rw----']],
  [PRIV, PERM['rw----']],
  [RO, PERM['rwr---']],
  [RA, PERM['rwra--']],
  [RW, PERM['rwrw--']],
  [WORLD, PERM['rwr-r-']],
  [NM_PRIV, PERM['rw----']],
  [NM_RW, PERM['rwrw--']],
  [OWN, PERM['rw----']],
]);
export const ALL_GROUPS = [...GROUP_PERMS.keys()].sort((a, b) => a - b);
export const WORLD_READABLE = ALL_GROUPS.filter((g) => (GROUP_PERMS.get(g)! & 4) === 4); // [1, 14]

export const facts: GroupFacts = {
  perms: (g) => GROUP_PERMS.get(g),
  worldReadableGroupIds: WORLD_READABLE,
  colleagueIds: [],
};

export const OTHER = 200; // owns rows everywhere, is none of the callers

export type ReadRole = 'member' | 'PI' | 'full admin' | 'restricted admin (no privileges)' | 'outsider' | 'guest';
export const READ_ROLES: readonly ReadRole[] = ['member', 'PI', 'full admin', 'restricted admin (no privileges)', 'outsider', 'guest'];

export function readCaller(role: ReadRole, contextGroupId: number): Caller {
  switch (role) {
    case 'member':
      return caller({ userId: 101, memberOf: [PRIV, RO, RA, RW, USER_GROUP], contextGroupId });
    case 'PI':
      return caller({ userId: 102, memberOf: [PRIV, RO, RA, RW, USER_GROUP], leaderOf: [PRIV, RW], contextGroupId });
    case 'full admin':
      return caller({ userId: 103, memberOf: [SYSTEM_GROUP, USER_GROUP], isAdmin: true, privileges: ALL_PRIVILEGES, contextGroupId });
    case 'restricted admin (no privileges)':
      return caller({ userId: 106, memberOf: [SYSTEM_GROUP, USER_GROUP], isAdmin: true, contextGroupId });
    case 'outsider':
      return caller({ userId: 108, memberOf: [OWN, USER_GROUP], contextGroupId });
    case 'guest':
      return caller({ userId: GUEST, memberOf: [GUEST_GROUP], contextGroupId });
  }
}

const grants = (g: number, bit: number): boolean => {
  const p = GROUP_PERMS.get(g);
  return p !== undefined && (p & bit) === bit;
};

/** §2.3 (G ≥ 0) and §2.4 (G < 0), is_share = 0, transcribed from the reference. */
export function specCanRead(c: Caller, row: { ownerId: number; groupId: number }): boolean {
  const G = c.contextGroupId;
  if (G >= 0) {
    const isNonprivate = grants(G, 64) || grants(G, 4);
    const isAdminOrPi = c.isAdmin || c.leaderOf.includes(G);
    return (row.groupId === G && (isNonprivate || isAdminOrPi || row.ownerId === c.userId)) || row.groupId === USER_GROUP;
  }
  return (
    c.isAdmin ||
    c.leaderOf.includes(row.groupId) ||
    (row.ownerId === c.userId && grants(row.groupId, 1024)) ||
    (c.memberOf.includes(row.groupId) && grants(row.groupId, 64)) ||
    grants(row.groupId, 4)
  );
}
