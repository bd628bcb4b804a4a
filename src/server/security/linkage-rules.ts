import { formatPermissions } from '../../model/permissions/permission-bits.js';
import type { Caller } from './caller.js';
import { isGroupReadable } from './permission-bits.js';
import { refuse, type Refusal } from './refusal.js';
import { isAllowed, Operation, type GroupPermsLookup, type RightsTarget } from './rights.js';
import { SystemIds } from './roles.js';

/**
 * The right a link needs on each object it references (reference permissions §2.6, INT
 * `evaluateLinkages`, step 3): ANNOTATE for annotation links (`*AnnotationLink`), WRITE (the LINK
 * scope) for every other link.
 */
export function linkOperation(annotationLink: boolean): Operation {
  return annotationLink ? Operation.ANNOTATE : Operation.LINK;
}

/** One object a new or changed link references. */
export interface LinkTarget extends RightsTarget {
  /** For messages: `ome.model.containers.Project:Id_5`. */
  readonly label: string;
}

/** A link (new or changed) and one of the objects it references. */
export interface Linkage {
  /** Group of the link: the call's group for a new link. */
  readonly linkGroupId: number;
  /** The link is an `*AnnotationLink`. */
  readonly annotationLink: boolean;
  readonly target: LinkTarget;
}

/**
 * Whether the caller may make a link reference `target` (reference permissions §2.6, the linkage
 * check), or why not:
 * 1. system types and objects of the system or "user" group are always linkable;
 * 2. the target must be in the link's group: else GroupSecurityViolation "MIXED GROUP…" (graphs
 *    never span groups);
 * 3. graph-critical (private context group, caller admin or its PI) and the target owned by someone
 *    else: ReadOnlyGroupSecurityViolation "… It is not allowed to link to users' data";
 * 4. the caller needs `linkOperation(annotationLink)` on the target (owner, member, PI, privileged
 *    admin, world rights per `allowedOperations`): else SecurityViolation "Group is rwr---. Cannot
 *    link to object: …".
 * OMERO's exemption #8979 (an admin setting the link's owner to the target's owner) is not modelled.
 */
export function linkageRefusal(caller: Caller, linkage: Linkage, perms: GroupPermsLookup): Refusal | null {
  const t = linkage.target;
  if (t.kind !== 'data' || t.groupId === SystemIds.SYSTEM_GROUP || t.groupId === SystemIds.USER_GROUP) return null;
  if (t.groupId !== linkage.linkGroupId) {
    return refuse(
      'GroupSecurityViolation',
      `MIXED GROUP: ${t.label} is in group ${t.groupId} and cannot be linked to an object in group ${linkage.linkGroupId}`,
    );
  }
  const contextGroup = caller.contextGroupId >= 0 ? caller.contextGroupId : t.groupId;
  const critical =
    !isGroupReadable(perms(contextGroup) ?? 0) && (caller.isAdmin || caller.leaderOf.includes(contextGroup));
  if (critical && t.ownerId !== caller.userId) {
    return refuse(
      'ReadOnlyGroupSecurityViolation',
      `Cannot link to ${t.label}. It is not allowed to link to users' data in the private group ${contextGroup}`,
    );
  }
  if (!isAllowed(caller, t, linkOperation(linkage.annotationLink), perms)) {
    const level = formatPermissions(perms(contextGroup) ?? -1912);
    return refuse('SecurityViolation', `Group is ${level}. Cannot link to object: ${t.label}`);
  }
  return null;
}
