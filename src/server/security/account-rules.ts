import { hasPrivilege, type Caller } from './caller.js';
import { refuse, type Refusal } from './refusal.js';
import { SystemIds, type AdminPrivilege } from './roles.js';

/**
 * Who may manage accounts (reference permissions §3, §3.1, §5.2; field notes 2018-SV3 and the
 * 5.6.1 narrowing of group owners' powers). Pure rules: they answer with a refusal or null, the
 * services turn refusals into exceptions.
 */

/** A user whose account is about to change, as the account rules need it. */
export interface AccountTarget {
  readonly userId: number;
  /** The target's light-admin privileges now (empty for a non-admin). */
  readonly privileges: readonly AdminPrivilege[];
  /** Group ids the target belongs to. */
  readonly memberOf: readonly number[];
}

/** Admin-only methods (`@RolesAllowed("system")`), optionally needing a light-admin privilege. */
export function adminRefusal(caller: Caller, privilege?: AdminPrivilege): Refusal | null {
  if (!caller.isAdmin) return refuse('SecurityViolation', 'No matching roles found for this session (allowed: [system])');
  if (privilege && !hasPrivilege(caller, privilege)) return refuse('SecurityViolation', `Admin restrictions: ${privilege}`);
  return null;
}

/**
 * OMERO's `@admin_only(privileges)` guard of a CLI command (reference cli §0.2), decided by the
 * server so that the refusal is the server's, and audited: "Admins only!" for a non-admin,
 * "Admin restrictions: <missing, sorted>" for an administrator lacking some of `privileges`.
 */
export function adminCommandRefusal(caller: Caller, privileges: readonly AdminPrivilege[]): Refusal | null {
  if (!caller.isAdmin) return refuse('SecurityViolation', 'Admins only!');
  const missing = privilegesLacking(caller, privileges).sort();
  return missing.length === 0 ? null : refuse('SecurityViolation', `Admin restrictions: ${missing.join(', ')}`);
}

/** Allowed for admins holding `privilege`, or for owners (PIs) of every group in `groupIds`. */
export function adminOrLeaderRefusal(caller: Caller, privilege: AdminPrivilege, groupIds: readonly number[], action: string): Refusal | null {
  if (hasPrivilege(caller, privilege)) return null;
  if (groupIds.length > 0 && groupIds.every((g) => caller.leaderOf.includes(g))) return null;
  return refuse(
    'SecurityViolation',
    caller.isAdmin ? `Admin restrictions: ${privilege}` : `${action} requires an administrator or an owner of the group(s) ${groupIds.join(', ')}`,
  );
}

/** The privileges of `privileges` that the caller does not hold (anti-elevation, §3.1). */
export function privilegesLacking(caller: Caller, privileges: Iterable<AdminPrivilege>): AdminPrivilege[] {
  return [...privileges].filter((p) => !hasPrivilege(caller, p));
}

/** What an identity or credential edit changes: names and email, or the password. */
export type AccountEdit = 'identity' | 'password';

/**
 * Editing another user's identity (login, names, email, institution) or credentials (password,
 * LDAP flag) — 2018-SV3 and OMERO 5.6.1:
 * - root's account is root's alone;
 * - nobody edits a user holding privileges they lack ("more privileged user");
 * - admins holding ModifyUser may edit anyone else;
 * - a group owner may only fill in a user they have just created (`justCreated`: created by this
 *   caller in this session and never logged in) in a group they own; existing users are no
 *   longer theirs to edit.
 * Edits of oneself go through `updateSelf`/`changePassword`, not this rule.
 */
export function accountEditRefusal(caller: Caller, target: AccountTarget, edit: AccountEdit, justCreated: boolean): Refusal | null {
  const what = edit === 'password' ? 'the password of' : 'the account of';
  if (target.userId === SystemIds.ROOT_USER && caller.userId !== SystemIds.ROOT_USER) {
    return refuse('SecurityViolation', `Only root may change ${what} root`);
  }
  const lacking = privilegesLacking(caller, target.privileges);
  if (lacking.length > 0) {
    return refuse('SecurityViolation', `Cannot change ${what} a more privileged user (holds ${lacking.join(', ')}, which you lack)`);
  }
  if (hasPrivilege(caller, 'ModifyUser')) return null;
  const ownsAGroup = target.memberOf.some((g) => g !== SystemIds.USER_GROUP && caller.leaderOf.includes(g));
  if (justCreated && ownsAGroup) return null;
  return refuse(
    'SecurityViolation',
    caller.isAdmin
      ? 'Admin restrictions: ModifyUser'
      : `Only an administrator with the ModifyUser privilege may change ${what} an existing user; a group owner may only complete a user they have just created`,
  );
}

/**
 * Making `target` an administrator (adding it to "system") gives it every privilege its
 * configuration does not restrict (`privilegesIfAdmin`): the caller needs ModifyGroupMembership
 * and every one of them ("cannot give administrator privileges that current user does not have").
 */
export function adminGrantRefusal(caller: Caller, privilegesIfAdmin: readonly AdminPrivilege[]): Refusal | null {
  const admin = adminRefusal(caller, 'ModifyGroupMembership');
  if (admin) return admin;
  const lacking = privilegesLacking(caller, privilegesIfAdmin);
  if (lacking.length === 0) return null;
  return refuse('SecurityViolation', `cannot give administrator privileges that current user does not have: ${lacking.join(', ')}`);
}

/**
 * Changing a user's privileges (setAdminPrivileges, createRestrictedSystemUser, config entries):
 * root is never restricted; the caller must hold every privilege whose state changes, and may
 * not change the privileges of a user holding some they lack.
 */
export function privilegeChangeRefusal(
  caller: Caller,
  target: Pick<AccountTarget, 'userId' | 'privileges'> | null,
  before: ReadonlySet<AdminPrivilege>,
  after: ReadonlySet<AdminPrivilege>,
): Refusal | null {
  const changed = [...new Set([...before, ...after])].filter((p) => before.has(p) !== after.has(p));
  if (target !== null && target.userId === SystemIds.ROOT_USER && changed.some((p) => !after.has(p))) {
    return refuse('ApiUsageException', 'Cannot restrict the privileges of root');
  }
  if (changed.length === 0 || target?.userId === SystemIds.ROOT_USER) return null;
  const lacking = privilegesLacking(caller, changed);
  if (lacking.length > 0) {
    return refuse('SecurityViolation', `cannot give administrator privileges that current user does not have: ${lacking.join(', ')}`);
  }
  const stronger = target === null ? [] : privilegesLacking(caller, target.privileges);
  if (stronger.length > 0) {
    return refuse('SecurityViolation', `Cannot change the privileges of a more privileged user (holds ${stronger.join(', ')}, which you lack)`);
  }
  return null;
}

/**
 * Removing memberships (reference permissions §5.2, ADM `removeGroups`): root never leaves
 * system or user, guest never leaves guest, nobody removes themselves from system or user, and
 * nobody demotes (removes from system) a user holding privileges they lack.
 */
export function membershipRemovalRefusal(caller: Caller, target: AccountTarget, groupIds: readonly number[]): Refusal | null {
  const special: readonly number[] = [SystemIds.SYSTEM_GROUP, SystemIds.USER_GROUP];
  if (target.userId === SystemIds.ROOT_USER && groupIds.some((g) => special.includes(g))) {
    return refuse('ValidationException', 'experimenter root may not be removed from the system or user group');
  }
  if (target.userId === SystemIds.GUEST_USER && groupIds.includes(SystemIds.GUEST_GROUP)) {
    return refuse('ValidationException', 'experimenter guest may not be removed from the guest group');
  }
  if (target.userId === caller.userId && groupIds.some((g) => special.includes(g))) {
    return refuse('ValidationException', 'experimenter may not remove themselves from the system or user group');
  }
  if (groupIds.includes(SystemIds.SYSTEM_GROUP)) {
    const lacking = privilegesLacking(caller, target.privileges);
    if (lacking.length > 0) {
      return refuse('SecurityViolation', `Cannot remove a more privileged user from the system group (holds ${lacking.join(', ')}, which you lack)`);
    }
  }
  return null;
}

/** Logins nobody else may take, whatever the case (they would pass for the system users), with their owners. */
const RESERVED_LOGINS: ReadonlyMap<string, number> = new Map([
  ['root', SystemIds.ROOT_USER],
  ['guest', SystemIds.GUEST_USER],
]);

/**
 * A login a user may be given (created or renamed): printable, no surrounding spaces, no `/` (the
 * session store's layout), at most 255 characters, and not `root` or `guest` in any case — a
 * member renamed to `ROOT` would read as root in every listing.
 */
export function loginNameRefusal(name: string, currentUserId: number | null): Refusal | null {
  if (name.trim() === '' || name !== name.trim() || name.length > 255 || /[\x00-\x1f\x7f/]/.test(name)) {
    return refuse('ApiUsageException', `Invalid user name: ${JSON.stringify(name)}`);
  }
  const owner = RESERVED_LOGINS.get(name.toLowerCase());
  if (owner !== undefined && owner !== currentUserId) return refuse('ValidationException', `The login name '${name}' is reserved`);
  return null;
}

/** Root and guest keep their logins. */
export function renameRefusal(userId: number, currentName: string): Refusal | null {
  if (userId === SystemIds.ROOT_USER || userId === SystemIds.GUEST_USER) {
    return refuse('ValidationException', `cannot change name of special experimenter '${currentName}'`);
  }
  return null;
}

/** The system groups keep their names. */
export function groupRenameRefusal(groupId: number, currentName: string): Refusal | null {
  if (groupId <= SystemIds.GUEST_GROUP) return refuse('ValidationException', `cannot change name of special group '${currentName}'`);
  return null;
}
