import { hasPrivilege, type Caller } from './caller.js';
import type { ReadScope } from './read-scope.js';
import { canReadRow } from './visibility.js';
import { isAllowed, Operation, type GroupPermsLookup, type RightsTarget } from './rights.js';

/**
 * Per-object rules of the graph commands (reference permissions §6, api §4.1). They answer yes or
 * no; the commands collect the objects refused and report them in one GraphException.
 * Full admins pass every check (they hold every privilege and every right).
 */

/** Delete2: the DELETE right on every object of the planned graph. */
export function mayDeleteInGraph(caller: Caller, target: RightsTarget, perms: GroupPermsLookup): boolean {
  return isAllowed(caller, target, Operation.DELETE, perms);
}

/**
 * Chgrp2, destination: the caller must be a member of the destination group unless it holds the
 * `Chgrp` privilege (Chgrp2I "not-in-group"). Returns the refusal message or null.
 */
export function chgrpDestinationRefusal(caller: Caller, destinationGroupId: number): string | null {
  if (hasPrivilege(caller, 'Chgrp') || caller.memberOf.includes(destinationGroupId)) return null;
  return `user ${caller.userId} is not a member of the destination group ${destinationGroupId}`;
}

/**
 * Chgrp2, per object: without the `Chgrp` privilege the caller must own every object it moves — a
 * PI cannot move members' data (Chgrp2I "does not own").
 */
export function mayMoveInGraph(caller: Caller, target: RightsTarget): boolean {
  return hasPrivilege(caller, 'Chgrp') || target.ownerId === caller.userId;
}

/**
 * Chown2, caller: without the `Chown` privilege the caller must own (lead) at least one group
 * (Chown2I "not an owner of any group"). Returns the refusal message or null.
 */
export function chownCallerRefusal(caller: Caller): string | null {
  if (hasPrivilege(caller, 'Chown') || caller.leaderOf.length > 0) return null;
  return `user ${caller.userId} is not an owner of any group`;
}

/**
 * Chown2, per object: with the `Chown` privilege anything may be given to anyone; otherwise the
 * caller must lead the object's group, the recipient must be a member of it, and the caller needs
 * DELETE on the object (which a PI has on its group's data).
 */
export function mayGiveInGraph(
  caller: Caller,
  target: RightsTarget,
  recipientMemberOf: readonly number[],
  perms: GroupPermsLookup,
): boolean {
  if (hasPrivilege(caller, 'Chown')) return true;
  return (
    caller.leaderOf.includes(target.groupId) &&
    recipientMemberOf.includes(target.groupId) &&
    isAllowed(caller, target, Operation.DELETE, perms)
  );
}

/**
 * The objects a graph command's refusal may name: those the caller can read; the others only as
 * a count, so a refusal never reveals the id of an object the caller cannot see (issue 11).
 *
 * ### Examples
 *
 * ```ts
 * refusedObjectsText(scope, rows, label)  // 'Dataset:5, Image:9 and 2 objects you cannot read'
 * ```
 */
export function refusedObjectsText<T extends { readonly ownerId: number; readonly groupId: number }>(
  scope: ReadScope,
  rows: readonly T[],
  label: (row: T) => string,
): string {
  const readable = rows.filter((r) => canReadRow(scope, r)).map(label);
  const hidden = rows.length - readable.length;
  const rest = hidden === 0 ? [] : [`${hidden} object${hidden === 1 ? '' : 's'} you cannot read`];
  const parts = [...readable, ...rest];
  return parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}
