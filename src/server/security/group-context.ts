import { withinReach, type Caller } from './caller.js';
import { isGranted, Right, Role } from './permission-bits.js';

/**
 * Whether the caller may work in group `groupId` (reference permissions §2.1): admins anywhere,
 * members in their groups, anyone in a world-readable group — except that a group owner's sudo
 * session stays inside the owner's groups (`confinedTo`, reference §5.4: "Group-sudo session cannot
 * change context"). `-1` (all groups) is always allowed; what it reads is confined by the read
 * scope. Returns the refusal message or null.
 */
export function groupContextRefusal(
  caller: Pick<Caller, 'userId' | 'isAdmin' | 'memberOf' | 'confinedTo'>,
  groupId: number,
  groupPerm1: number | undefined,
): string | null {
  if (groupId < 0) return null;
  if (!withinReach(caller, groupId)) return `A group owner's sudo session cannot use group ${groupId}: it reaches only the groups the owner owns`;
  if (caller.isAdmin || caller.memberOf.includes(groupId)) return null;
  if (groupPerm1 !== undefined && isGranted(groupPerm1, Role.WORLD, Right.READ)) return null;
  return `User ${caller.userId} is not a member of group ${groupId} and cannot login`;
}
