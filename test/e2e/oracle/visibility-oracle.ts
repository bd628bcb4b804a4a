import { GUEST, ROOT, SYSTEM_GROUP, USER_GROUP, groupsOf, type Owned, type SessionRow, type World } from './world.js';

/**
 * Who may see what, written from the reference text alone (reference permissions §2.1–§2.5,
 * api §3.4) and sharing no code with src/server/security. It answers four questions for a
 * caller in a call context:
 *
 * - may the caller use that group as context at all (§2.1)?
 * - may the caller read a data row (§2.3 one group, §2.4 all groups)?
 * - may the caller read a session row (§2.2 `owner_or_admin`)?
 * - may the caller see a user's names and contact details unmasked (§2.5, advisory 2019-SV3)?
 *
 * Permission strings are read character by character (`rwr---`: position 0 user read, 2 group
 * read, 4 world read), never through bit arithmetic, so that a bit-level slip in the server does
 * not cancel out here.
 */

/** The caller of one query as the oracle sees it. */
export interface OracleCaller {
  readonly userId: number;
  /** Groups the user belongs to. */
  readonly memberOf: readonly number[];
  /** Groups the user owns (is PI of). */
  readonly leaderOf: readonly number[];
  /** Member of "system". */
  readonly isAdmin: boolean;
  /** The call's group: a group id, or -1 for all groups. */
  readonly context: number;
}

/** The oracle's answers. A plain object of functions, so that a test can build a wrong variant. */
export interface VisibilityOracle {
  readonly name: string;
  contextRefused(world: World, caller: OracleCaller): boolean;
  canRead(world: World, caller: OracleCaller, row: Owned): boolean;
  canReadSession(world: World, caller: OracleCaller, row: SessionRow): boolean;
  canSeeUser(world: World, caller: OracleCaller, userId: number): boolean;
}

/** Whether the group's permission string gives `who` the read right. */
export function reads(world: World, groupId: number, who: 'user' | 'group' | 'world'): boolean {
  const perms = world.groups.find((g) => g.id === groupId)?.perms;
  if (!perms) return false;
  return perms.charAt(who === 'user' ? 0 : who === 'group' ? 2 : 4) === 'r';
}

/** The caller of `userId` with `context` (-1 for all groups). */
export function oracleCaller(world: World, userId: number, context: number): OracleCaller {
  const memberOf = groupsOf(world, userId);
  return {
    userId,
    memberOf,
    leaderOf: world.members.filter((m) => m.userId === userId && m.owner).map((m) => m.groupId),
    isAdmin: memberOf.includes(SYSTEM_GROUP),
    context,
  };
}

/** The oracle, from the reference. */
export const ORACLE: VisibilityOracle = {
  name: 'reference',

  // §2.1: a non-admin may use a group as context if a member, or if the group is world-readable.
  // A group that does not exist is refused to everybody.
  contextRefused(world, c) {
    if (c.context < 0) return false;
    if (!world.groups.some((g) => g.id === c.context)) return true;
    return !c.isAdmin && !c.memberOf.includes(c.context) && !reads(world, c.context, 'world');
  },

  canRead(world, c, row) {
    if (c.context >= 0) {
      // §2.3: rows of the context group — all of them if the group is not private or the caller
      // is admin or PI there, else only the caller's own; plus every row of the "user" group.
      const g = c.context;
      const nonPrivate = reads(world, g, 'group') || reads(world, g, 'world');
      if (row.groupId === USER_GROUP) return true;
      return row.groupId === g && (nonPrivate || c.isAdmin || c.leaderOf.includes(g) || row.ownerId === c.userId);
    }
    // §2.4: all groups.
    return (
      c.isAdmin ||
      c.leaderOf.includes(row.groupId) ||
      (row.ownerId === c.userId && reads(world, row.groupId, 'user')) ||
      (c.memberOf.includes(row.groupId) && reads(world, row.groupId, 'group')) ||
      reads(world, row.groupId, 'world')
    );
  },

  // §2.2: sessions are owner_or_admin.
  canReadSession(_world, c, row) {
    return c.isAdmin || row.ownerId === c.userId;
  },

  // §2.5: unmasked for oneself, admins, leaders of any group, root and guest, and fellow members
  // of a group-readable group other than "user".
  canSeeUser(world, c, userId) {
    if (userId === c.userId || c.isAdmin || c.leaderOf.length > 0 || userId === ROOT || userId === GUEST) return true;
    return world.members.some(
      (m) =>
        m.userId === userId &&
        m.groupId !== USER_GROUP &&
        c.memberOf.includes(m.groupId) &&
        reads(world, m.groupId, 'group'),
    );
  },
};

/**
 * Deliberately wrong oracles: each must be caught by the property test (proof that the test can
 * fail). Each changes one rule the way a plausible implementation bug would.
 */
export const WRONG_ORACLES: readonly VisibilityOracle[] = [
  {
    ...ORACLE,
    name: 'read-only groups treated as private',
    canRead: (w, c, row) =>
      ORACLE.canRead(w, c, row) &&
      !(c.context >= 0 && row.groupId === c.context && w.groups.find((g) => g.id === row.groupId)?.perms === 'rwr---' && row.ownerId !== c.userId && !c.isAdmin && !c.leaderOf.includes(row.groupId)),
  },
  {
    ...ORACLE,
    name: '"user" group rows forgotten in a one-group context',
    canRead: (w, c, row) => ORACLE.canRead(w, c, row) && !(c.context >= 0 && c.context !== USER_GROUP && row.groupId === USER_GROUP),
  },
  {
    ...ORACLE,
    name: 'world-readable groups forgotten with omero.group=-1',
    canRead: (w, c, row) =>
      c.context < 0 && !c.isAdmin && !c.leaderOf.includes(row.groupId) && !c.memberOf.includes(row.groupId) && row.ownerId !== c.userId
        ? false
        : ORACLE.canRead(w, c, row),
  },
  {
    ...ORACLE,
    name: 'nobody masked',
    canSeeUser: () => true,
  },
  {
    ...ORACLE,
    name: 'colleagues in private groups unmasked',
    canSeeUser: (w, c, userId) =>
      ORACLE.canSeeUser(w, c, userId) || w.members.some((m) => m.userId === userId && m.groupId !== USER_GROUP && c.memberOf.includes(m.groupId)),
  },
  {
    ...ORACLE,
    name: 'sessions of others visible',
    canReadSession: () => true,
  },
];
