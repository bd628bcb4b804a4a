import type { ExperimenterGroupI } from '../../model/index.js';
import { out, type CliIO } from '../cli-io.js';
import type { Found } from './entity-finder.js';
import { ownerIds, userIds } from './group-members.js';

/** Which side of a membership change is asked for. */
export interface MembershipChange {
  /** Owner list (`--as-owner`) rather than plain membership. */
  readonly owner: boolean;
  /** Joining (add) rather than leaving (remove). */
  readonly join: boolean;
}

function relation(owner: boolean): string {
  return owner ? 'owner of' : 'in';
}

function isIn(group: ExperimenterGroupI, uid: number, owner: boolean): boolean {
  return (owner ? ownerIds(group) : userIds(group)).includes(uid);
}

/**
 * The groups `uid` still has to join or leave (omero-py `UserControl.filter_groups`, reference
 * cli §1.2): the others are reported on stdout — `<uid> is already in group <gid>` /
 * `<uid> is already owner of group <gid>` when joining, `<uid> is not in group <gid>` /
 * `<uid> is not owner of group <gid>` when leaving — and skipped. "In" counts owners too.
 */
export function groupsToChange(groups: readonly Found<ExperimenterGroupI>[], uid: number, change: MembershipChange, io: CliIO): Found<ExperimenterGroupI>[] {
  return groups.filter((g) => {
    const present = isIn(g.object, uid, change.owner);
    if (change.join && present) out(io, `${uid} is already ${relation(change.owner)} group ${g.id}`);
    if (!change.join && !present) out(io, `${uid} is not ${relation(change.owner)} group ${g.id}`);
    return change.join ? !present : present;
  });
}

/** The users still to be added to or removed from `group` (`GroupControl.filter_users`), same messages. */
export function usersToChange(uids: readonly number[], group: Found<ExperimenterGroupI>, change: MembershipChange, io: CliIO): number[] {
  return uids.filter((uid) => {
    const present = isIn(group.object, uid, change.owner);
    if (change.join && present) out(io, `${uid} is already ${relation(change.owner)} group ${group.id}`);
    if (!change.join && !present) out(io, `${uid} is not ${relation(change.owner)} group ${group.id}`);
    return change.join ? !present : present;
  });
}
