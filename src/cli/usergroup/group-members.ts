import type { ExperimenterGroupI, GroupExperimenterMapI } from '../../model/index.js';

/**
 * Who belongs to a loaded group, from its `groupExperimenterMap` links in server order (omero-py
 * `getuserids` / `getmemberids` / `getownerids`).
 */

function maps(group: ExperimenterGroupI): GroupExperimenterMapI[] {
  return group.copyGroupExperimenterMap().filter((m) => m?.child?.id);
}

/** Every user of the group, owners included ("in group", reference cli §1.2). */
export function userIds(group: ExperimenterGroupI): number[] {
  return maps(group).map((m) => m.child!.id!.val);
}

/** The users of the group who are not owners. */
export function memberIds(group: ExperimenterGroupI): number[] {
  return maps(group).filter((m) => !m.owner?.val).map((m) => m.child!.id!.val);
}

/** The owners of the group. */
export function ownerIds(group: ExperimenterGroupI): number[] {
  return maps(group).filter((m) => m.owner?.val).map((m) => m.child!.id!.val);
}
