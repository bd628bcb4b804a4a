import { withinReach, type Caller } from './caller.js';
import { isGranted, isGroupReadable, Right, Role } from './permission-bits.js';
import type { ReadScope } from './read-scope.js';
import { SystemIds } from './roles.js';
import { readsAllSessions } from './session-rules.js';

/** Facts about groups that the read scope depends on, loaded by the server per call. */
export interface GroupFacts {
  /** `perm1` of the context group and of every group the caller belongs to. */
  readonly perms: (groupId: number) => number | undefined;
  /** Every group granting WORLD READ (needed for `omero.group = -1`). */
  readonly worldReadableGroupIds: readonly number[];
  /** Users sharing a group-readable group (other than "user") with the caller. */
  readonly colleagueIds: readonly number[];
}

/**
 * Reduces the caller and its call group to a `ReadScope` (reference permissions §2.3 one group,
 * §2.4 all groups, §2.5 user-detail masking).
 */
export function readScopeFor(caller: Caller, facts: GroupFacts): ReadScope {
  const visibleUserIds =
    caller.isAdmin || caller.leaderOf.length > 0
      ? ('all' as const)
      : unique([caller.userId, SystemIds.ROOT_USER, SystemIds.GUEST_USER, ...facts.colleagueIds]);
  const base = { userId: caller.userId, isAdmin: caller.isAdmin, readsAllSessions: readsAllSessions(caller), visibleUserIds };
  const g = caller.contextGroupId;
  if (g >= 0) {
    const seesAll = isGroupReadable(facts.perms(g) ?? 0) || caller.isAdmin || caller.leaderOf.includes(g);
    return {
      ...base,
      everything: false,
      groupIds: unique(seesAll ? [g, SystemIds.USER_GROUP] : [SystemIds.USER_GROUP]),
      ownGroupIds: [g],
    };
  }
  if (caller.isAdmin) return { ...base, everything: true, groupIds: [], ownGroupIds: 'any' };
  const readable = caller.memberOf.filter((m) => isGranted(facts.perms(m) ?? 0, Role.GROUP, Right.READ));
  // A group owner's sudo session reads only inside the owner's groups (§5.4, 2019-SV6).
  const reach = (g: number) => withinReach(caller, g);
  return {
    ...base,
    everything: false,
    groupIds: unique([...caller.leaderOf, ...readable, ...facts.worldReadableGroupIds].filter(reach)),
    ownGroupIds: caller.confinedTo === undefined ? 'any' : unique(caller.confinedTo),
  };
}

function unique(ids: readonly number[]): number[] {
  return [...new Set(ids)].sort((a, b) => a - b);
}
