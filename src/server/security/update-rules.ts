import { hasPrivilege, type Caller } from './caller.js';
import { refuse, type Refusal } from './refusal.js';
import { isAllowed, Operation, type GroupPermsLookup, type ObjectKind, type RightsTarget } from './rights.js';
import { SystemIds } from './roles.js';

/** An existing row about to be changed or deleted through IUpdate. */
export interface StoredTarget extends RightsTarget {
  /** Server class name (`ome.model.containers.Project`). */
  readonly className: string;
  /** For messages: `ome.model.containers.Project:Id_5`. */
  readonly label: string;
}

const MODIFY_PRIVILEGE: Partial<Record<ObjectKind, string>> = {
  Experimenter: 'ModifyUser',
  ExperimenterGroup: 'ModifyGroup',
  GroupExperimenterMap: 'ModifyGroupMembership',
};

/**
 * The call's group must be the row's group (reference permissions §2.6, INT `checkManagedDetails`):
 * SecurityViolation "Currently logged into group G. Cannot alter object in group g" unless g == G,
 * g is the "user" group, or the call spans all groups (`omero.group=-1`, where OMERO uses the
 * object's own group). System types have no group and are never refused here.
 */
export function alterContextRefusal(caller: Caller, target: StoredTarget): Refusal | null {
  const g = caller.contextGroupId;
  if (target.kind !== 'data' || g < 0 || target.groupId === g || target.groupId === SystemIds.USER_GROUP) return null;
  return refuse('SecurityViolation', `Currently logged into group ${g}. Cannot alter object in group ${target.groupId}`);
}

/**
 * Changing `details.owner` or `details.group` of a stored row through IUpdate (reference
 * permissions §2.6): a new owner needs the `Chown` privilege, a new group the `Chgrp` privilege.
 * OMERO's legacy group change by a member of the new group is not copied: moves go through Chgrp2
 * (reference §8). `newOwnerId`/`newGroupId` are null when the client did not set them.
 */
export function detailsChangeRefusal(
  caller: Caller,
  target: StoredTarget,
  newOwnerId: number | null,
  newGroupId: number | null,
): Refusal | null {
  if (newOwnerId !== null && newOwnerId !== target.ownerId && !hasPrivilege(caller, 'Chown')) {
    return refuse(
      'SecurityViolation',
      `You are not authorized to change the owner of ${target.label} from Experimenter:${target.ownerId} to Experimenter:${newOwnerId}`,
    );
  }
  if (newGroupId !== null && newGroupId !== target.groupId && !hasPrivilege(caller, 'Chgrp')) {
    return refuse(
      'SecurityViolation',
      `You are not authorized to change the group of ${target.label} from ExperimenterGroup:${target.groupId} to ExperimenterGroup:${newGroupId}`,
    );
  }
  return null;
}

/**
 * Updating a stored row needs the EDIT right (reference permissions §1.5, ACL pre-update). For
 * system types that is the matching Modify* privilege: normal users get "… is a System-type".
 */
export function editRefusal(caller: Caller, target: StoredTarget, perms: GroupPermsLookup): Refusal | null {
  if (isAllowed(caller, target, Operation.EDIT, perms)) return null;
  if (target.kind !== 'data') {
    const privilege = MODIFY_PRIVILEGE[target.kind];
    return refuse(
      'SecurityViolation',
      `${target.className} is a System-type, and may be changed only by an administrator${privilege ? ` with the ${privilege} privilege` : ''}: cannot update ${target.label}`,
    );
  }
  return refuse('SecurityViolation', `Cannot update ${target.label}: the caller may not edit it`);
}

/** Deleting one stored row (IUpdate.deleteObject) needs the DELETE right (ACL pre-delete). */
export function deleteRefusal(caller: Caller, target: StoredTarget, perms: GroupPermsLookup): Refusal | null {
  if (isAllowed(caller, target, Operation.DELETE, perms)) return null;
  if (target.kind !== 'data') {
    return refuse('SecurityViolation', `${target.className} is a System-type, and may be deleted only through privileged APIs.`);
  }
  return refuse('SecurityViolation', `Deleting ${target.label} is not allowed`);
}
