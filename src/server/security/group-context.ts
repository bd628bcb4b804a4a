import type { Caller } from './caller.js';
import { isGranted, Right, Role } from './permission-bits.js';

/**
 * Whether the caller may work in group `groupId` (reference permissions §2.1): admins anywhere,
 * members in their groups, anyone in a world-readable group. Returns the refusal message or null.
 */
export function groupContextRefusal(
  caller: Pick<Caller, 'userId' | 'isAdmin' | 'memberOf'>,
  groupId: number,
  groupPerm1: number | undefined,
): string | null {
  if (groupId < 0 || caller.isAdmin || caller.memberOf.includes(groupId)) return null;
  if (groupPerm1 !== undefined && isGranted(groupPerm1, Role.WORLD, Right.READ)) return null;
  return `User ${caller.userId} is not a member of group ${groupId} and cannot login`;
}
