import type { AccountTarget } from './account-rules.js';
import { privilegesLacking } from './account-rules.js';
import { hasPrivilege, type Caller } from './caller.js';
import { refuse, type Refusal } from './refusal.js';
import { SystemIds, type AdminPrivilege } from './roles.js';

/**
 * `--sudo` (reference permissions §5.4; advisories 2018-SV3 and 2019-SV6): who may open a session
 * as `target` in group `groupId`.
 * - an admin holding Sudo may sudo as anyone, in any group, except root (unless root itself) and
 *   users holding privileges the sudoer lacks: restrictions cannot be escaped by sudo;
 * - anyone else is a "group sudo": only into a group the sudoer owns, as a member of it who is
 *   not an administrator; the session then reaches no further than the sudoer's groups
 *   (`groupSudoMembership`).
 * The refusals never say whether the target exists beyond what the caller may know.
 */
export function sudoRefusal(sudoer: Caller, target: AccountTarget & { readonly isAdmin: boolean }, groupId: number): Refusal | null {
  if (target.userId === sudoer.userId) return refuse('SecurityViolation', 'Sudo as oneself is pointless: log in directly');
  if (hasPrivilege(sudoer, 'Sudo')) {
    if (target.userId === SystemIds.ROOT_USER) return refuse('SecurityViolation', 'Nobody may sudo as root');
    const lacking = privilegesLacking(sudoer, target.privileges);
    if (lacking.length > 0) {
      return refuse('SecurityViolation', `Cannot sudo as a more privileged user (holds ${lacking.join(', ')}, which you lack)`);
    }
    return null;
  }
  if (!sudoer.leaderOf.includes(groupId) || groupId === SystemIds.USER_GROUP || groupId === SystemIds.SYSTEM_GROUP) {
    return refuse('SecurityViolation', `Group sudo is not permitted for group ${groupId}`);
  }
  if (!target.memberOf.includes(groupId)) return refuse('SecurityViolation', `Group sudo is not permitted for group ${groupId}`);
  if (target.isAdmin) return refuse('SecurityViolation', 'A group owner may not sudo as an administrator');
  return null;
}

/** A user's memberships and privileges, as a session sees them. */
export interface SessionMembership {
  readonly memberOf: readonly number[];
  readonly leaderOf: readonly number[];
  readonly isAdmin: boolean;
  readonly privileges: readonly AdminPrivilege[];
  /** Set for a group owner's sudo session: the groups it may reach (see `Caller.confinedTo`). */
  readonly confinedTo?: readonly number[];
}

/**
 * What a sudo session may do (reference permissions §5.4): with an admin sudoer holding Sudo,
 * the target's memberships and the privileges both hold; with a group-owner sudoer (2019-SV6),
 * only the groups the sudoer owns (and "user", which keeps the session active), no admin rights,
 * and `confinedTo` those groups: such a session may not name another group as `omero.group`,
 * even a world-readable one, and with `omero.group=-1` reads only inside them (`readScopeFor`).
 */
export function sudoSessionMembership(target: SessionMembership, sudoer: SessionMembership): SessionMembership {
  const sudoerHasSudo = sudoer.isAdmin && sudoer.privileges.includes('Sudo');
  if (sudoerHasSudo) {
    return { ...target, privileges: target.isAdmin ? target.privileges.filter((p) => sudoer.privileges.includes(p)) : [] };
  }
  const reach = (g: number) => g === SystemIds.USER_GROUP || (sudoer.leaderOf.includes(g) && g !== SystemIds.SYSTEM_GROUP);
  const memberOf = target.memberOf.filter(reach);
  return {
    memberOf,
    leaderOf: target.leaderOf.filter(reach),
    isAdmin: false,
    privileges: [],
    confinedTo: memberOf.includes(SystemIds.USER_GROUP) ? memberOf : [...memberOf, SystemIds.USER_GROUP],
  };
}
