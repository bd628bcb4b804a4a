import { hasPrivilege, isFullAdmin, withinReach, type Caller } from './caller.js';
import { isGranted, isGroupReadable, Right, Role } from './permission-bits.js';
import { SystemIds, type AdminPrivilege } from './roles.js';

/** Operations with a restriction bit, in OMERO's index order (reference permissions §1.4). */
export const Operation = { LINK: 0, EDIT: 1, DELETE: 2, ANNOTATE: 3, CHGRP: 4, CHOWN: 5 } as const;
export type Operation = (typeof Operation)[keyof typeof Operation];

/** Object kinds that decide which privilege a light admin needs. */
export type ObjectKind = 'data' | 'Experimenter' | 'ExperimenterGroup' | 'GroupExperimenterMap' | 'system';

/** The object whose rights are asked for. */
export interface RightsTarget {
  readonly ownerId: number;
  readonly groupId: number;
  readonly kind: ObjectKind;
}

/** `perm1` of a group the rules need: the object's group and the call's context group. */
export type GroupPermsLookup = (groupId: number) => number | undefined;

/** rw---- : objects in the "user" group are judged as if the group were private (§1.5 step 4). */
const USER_GROUP_EFFECTIVE = -120;
/** ------ : no group known. */
const EMPTY = -1912;

/**
 * The per-object algorithm of reference permissions §1.5: for each of LINK, EDIT, DELETE,
 * ANNOTATE, CHGRP, CHOWN, whether `caller` may do it to `target`. Index i of the result is
 * `true` when operation i is allowed.
 */
export function allowedOperations(caller: Caller, target: RightsTarget, perms: GroupPermsLookup): boolean[] {
  const allowed = [false, false, false, false, false, false];
  const system = target.kind !== 'data';
  const uid = caller.userId;

  // Step 2: graph-critical (private context group + admin or PI) blocks linking/annotating others' data.
  const criticalGroup = caller.contextGroupId >= 0 ? caller.contextGroupId : target.groupId;
  const criticalPerms = perms(criticalGroup) ?? EMPTY;
  const critical =
    !isGroupReadable(criticalPerms) && (caller.isAdmin || caller.leaderOf.includes(criticalGroup));
  const blockLinkAnnotate =
    !system && target.groupId !== SystemIds.USER_GROUP && critical && target.ownerId !== uid;

  // A group owner's sudo session has no rights over data outside the owner's groups (§5.4, 2019-SV6).
  if (!system && !withinReach(caller, target.groupId)) return allowed;

  const full = isFullAdmin(caller);
  const egp = target.groupId === SystemIds.USER_GROUP ? USER_GROUP_EFFECTIVE : (perms(target.groupId) ?? EMPTY);

  for (const op of [Operation.LINK, Operation.EDIT, Operation.DELETE, Operation.ANNOTATE]) {
    if (blockLinkAnnotate && (op === Operation.LINK || op === Operation.ANNOTATE)) continue;
    allowed[op] = full || scopeAllowed(caller, target, op, egp);
  }
  allowed[Operation.CHGRP] = hasPrivilege(caller, 'Chgrp') || target.ownerId === uid;
  allowed[Operation.CHOWN] = hasPrivilege(caller, 'Chown') || caller.leaderOf.includes(target.groupId);
  if (caller.userId === SystemIds.GUEST_USER && !system) allowed.fill(false);
  return allowed;
}

function scopeAllowed(caller: Caller, target: RightsTarget, op: Operation, egp: number): boolean {
  const right = op === Operation.ANNOTATE ? Right.ANNOTATE : Right.WRITE;
  const linkish = op === Operation.LINK || op === Operation.ANNOTATE;
  const privilege = privilegeFor(target.kind, op);
  // §1.5 step 5: the matching privilege grants the scope; "any other system type ⇒ any admin".
  if (privilege ? hasPrivilege(caller, privilege) : caller.isAdmin) return true;
  if (target.kind !== 'data') return linkish;
  if (caller.leaderOf.includes(target.groupId)) return true;
  if (isGranted(egp, Role.WORLD, right)) return true;
  if (target.ownerId === caller.userId && isGranted(egp, Role.USER, right)) return true;
  if (caller.memberOf.includes(target.groupId) && isGranted(egp, Role.GROUP, right)) return true;
  return linkish && (target.groupId === SystemIds.SYSTEM_GROUP || target.groupId === SystemIds.USER_GROUP);
}

function privilegeFor(kind: ObjectKind, op: Operation): AdminPrivilege | null {
  switch (kind) {
    case 'data':
      return op === Operation.DELETE ? 'DeleteOwned' : 'WriteOwned';
    case 'Experimenter':
      return 'ModifyUser';
    case 'ExperimenterGroup':
      return 'ModifyGroup';
    case 'GroupExperimenterMap':
      return 'ModifyGroupMembership';
    case 'system':
      return null;
  }
}

/**
 * The restrictions array a returned object carries (`true` = disallowed), or null when every
 * operation is allowed, as OMERO sends it (reference permissions §1.4).
 */
export function restrictionsFor(caller: Caller, target: RightsTarget, perms: GroupPermsLookup): boolean[] | null {
  const allowed = allowedOperations(caller, target, perms);
  return allowed.every(Boolean) ? null : allowed.map((a) => !a);
}

/** Whether one operation is allowed. */
export function isAllowed(caller: Caller, target: RightsTarget, op: Operation, perms: GroupPermsLookup): boolean {
  return allowedOperations(caller, target, perms)[op] ?? false;
}
