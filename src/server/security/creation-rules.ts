import { hasPrivilege, isFullAdmin, type Caller } from './caller.js';
import { isGranted, Right, Role } from './permission-bits.js';
import { refuse, type Refusal } from './refusal.js';
import type { GroupPermsLookup, ObjectKind } from './rights.js';
import { SystemIds } from './roles.js';

/**
 * A "privileged creator" for objects of `kind` (reference permissions §2.6, INT
 * `newTransientDetails`): an admin holding the class-appropriate light-admin privilege —
 * `WriteOwned` for data, `ModifyUser` for Experimenter, `ModifyGroup` for ExperimenterGroup,
 * `ModifyGroupMembership` for GroupExperimenterMap, a full admin for any other system type. Only a
 * privileged creator may set another owner, create outside its groups, or create system types.
 */
export function isPrivilegedCreator(caller: Caller, kind: ObjectKind): boolean {
  switch (kind) {
    case 'data':
      return hasPrivilege(caller, 'WriteOwned');
    case 'Experimenter':
      return hasPrivilege(caller, 'ModifyUser');
    case 'ExperimenterGroup':
      return hasPrivilege(caller, 'ModifyGroup');
    case 'GroupExperimenterMap':
      return hasPrivilege(caller, 'ModifyGroupMembership');
    case 'system':
      return isFullAdmin(caller);
  }
}

/** A new object about to be inserted, as the creation rules see it. */
export interface NewObject {
  /** Server class name, for messages (`ome.model.containers.Project`). */
  readonly className: string;
  readonly kind: ObjectKind;
  /** The call's group G (`omero.group`, never -1: see `requireConcreteGroup`). */
  readonly contextGroupId: number;
  /** `details.owner` set by the client, or null. */
  readonly explicitOwnerId: number | null;
  /** `details.group` set by the client, or null. */
  readonly explicitGroupId: number | null;
  /** `details.permissions.perm1` set by the client, or null. */
  readonly explicitPermissions: number | null;
  /** The object is an `*AnnotationLink` (WORLD ANNOTATE then suffices for non-members). */
  readonly annotationLink: boolean;
}

/**
 * Whether the caller may insert `obj` (reference permissions §2.6; ACL `allowCreation`, INT
 * `newTransientDetails`), or why not:
 * - the guest user creates nothing; normal users never create system types ("… is a System-type");
 * - another owner needs a privileged creator ("You are not authorized to set the Experimenter…");
 * - the group is G; another group only for a privileged creator targeting the "user" group
 *   ("You are not authorized to set the ExperimenterGroup…");
 * - client-supplied permissions must equal G's (PermissionMismatchGroupSecurityViolation), except for
 *   system types and the "user" group;
 * - the caller must be a member of the group, or a privileged creator, or the group grants WORLD
 *   WRITE (WORLD ANNOTATE for annotation links).
 * Returns null when the insert may proceed.
 */
export function creationRefusal(caller: Caller, obj: NewObject, perms: GroupPermsLookup): Refusal | null {
  const privileged = isPrivilegedCreator(caller, obj.kind);
  if (caller.userId === SystemIds.GUEST_USER && obj.kind !== 'system') {
    return refuse('SecurityViolation', `The guest user may not create ${obj.className}`);
  }
  if (obj.kind !== 'data' && !privileged) {
    return refuse('SecurityViolation', `${obj.className} is a System-type, and may be created only through privileged APIs.`);
  }
  if (obj.explicitOwnerId !== null && obj.explicitOwnerId !== caller.userId && !privileged) {
    return refuse(
      'SecurityViolation',
      `You are not authorized to set the Experimenter for ${obj.className} to Experimenter:${obj.explicitOwnerId}`,
    );
  }
  const group = effectiveGroup(caller, obj);
  if (group === null) {
    return refuse(
      'SecurityViolation',
      `You are not authorized to set the ExperimenterGroup for ${obj.className} to ExperimenterGroup:${obj.explicitGroupId}`,
    );
  }
  const groupPerms = perms(group);
  if (
    obj.explicitPermissions !== null &&
    obj.kind === 'data' &&
    group !== SystemIds.USER_GROUP &&
    obj.explicitPermissions !== groupPerms
  ) {
    return refuse('PermissionMismatchGroupSecurityViolation', 'Manually setting permissions currently disallowed');
  }
  if (privileged || caller.memberOf.includes(group)) return null;
  const worldRight = obj.annotationLink ? Right.ANNOTATE : Right.WRITE;
  if (groupPerms !== undefined && isGranted(groupPerms, Role.WORLD, worldRight)) return null;
  return refuse('SecurityViolation', `You are not authorized to create ${obj.className} in group ${group}`);
}

/**
 * The group a new object goes into: G, or an explicit group equal to G, or the "user" group for a
 * privileged creator; null when the explicit group is not allowed.
 */
export function effectiveGroup(caller: Caller, obj: NewObject): number | null {
  const g = obj.explicitGroupId;
  if (g === null || g === obj.contextGroupId) return obj.contextGroupId;
  if (g === SystemIds.USER_GROUP && isPrivilegedCreator(caller, obj.kind)) return g;
  return null;
}
