import type { AdminPrivilege } from './roles.js';

/**
 * Who is calling, as the security rules need it: the server builds one per call from the session
 * row and the call context (`omero.group`).
 */
export interface Caller {
  readonly userId: number;
  /** Group ids the user belongs to, default group first (reference permissions §5.1). */
  readonly memberOf: readonly number[];
  /** Group ids the user owns (is PI of). */
  readonly leaderOf: readonly number[];
  /** Member of the "system" group. */
  readonly isAdmin: boolean;
  /** Light-admin privileges; all 15 for a full admin, none for others. */
  readonly privileges: ReadonlySet<AdminPrivilege>;
  /** The call's group: `omero.group` from the call context, else the session's group; -1 = all groups. */
  readonly contextGroupId: number;
  /**
   * The only groups the session may reach, or undefined when unbounded: a group owner's sudo
   * session reaches no further than the owner's groups (reference permissions §5.4, 2019-SV6;
   * `sudoSessionMembership`). The "user" group is always in it.
   */
  readonly confinedTo?: readonly number[];
}

/** Whether the caller's session may reach group `groupId` at all (see `Caller.confinedTo`). */
export function withinReach(caller: Pick<Caller, 'confinedTo'>, groupId: number): boolean {
  return caller.confinedTo === undefined || caller.confinedTo.includes(groupId);
}

/** A full admin holds every privilege. */
export function isFullAdmin(caller: Caller): boolean {
  return caller.isAdmin && caller.privileges.size === 15;
}

export function hasPrivilege(caller: Caller, privilege: AdminPrivilege): boolean {
  return caller.isAdmin && caller.privileges.has(privilege);
}
