import type { EventContext, ExperimenterGroupI, ExperimenterI, PermissionsI, Roles } from '../model/index.js';
import type { Id, Str } from './argument-types.js';
import type { AuditQuery, AuditRecord } from './audit-types.js';
import type { GroupImportRow, ImportOptions, ImportRowResult, UserImportRow } from './import-types.js';

/** One row of `lookupLdapAuthExperimenters`: an LDAP user's id and its DN, `ERROR` or `<hidden>`. */
export interface LdapAuthExperimenter {
  readonly dn: string;
  readonly experimenter_id: number;
}

/**
 * IAdmin (reference api §1.3): users, groups, memberships, passwords, the EventContext.
 * Authorisation follows OMERO's rules and messages (reference permissions §3).
 */
export interface IAdmin {
  /** The caller's user, group, memberships and session (reference permissions §5.1). */
  getEventContext(): EventContext;
  getSecurityRoles(): Roles;
  /** A user by login name; `ApiUsageException` "No such experimenter: <name>" when missing. */
  lookupExperimenter(name: Str): ExperimenterI;
  getExperimenter(id: Id): ExperimenterI;
  lookupExperimenters(): ExperimenterI[];
  /** A group by name, members loaded: `group.linkedExperimenterList()` works. */
  lookupGroup(name: Str): ExperimenterGroupI;
  getGroup(id: Id): ExperimenterGroupI;
  lookupGroups(): ExperimenterGroupI[];
  containedExperimenters(groupId: Id): ExperimenterI[];
  containedGroups(experimenterId: Id): ExperimenterGroupI[];
  getDefaultGroup(experimenterId: Id): ExperimenterGroupI;
  getMemberOfGroupIds(experimenter: Id): number[];
  getLeaderOfGroupIds(experimenter: Id): number[];
  getAdminPrivileges(experimenter: Id): string[];
  getCurrentAdminPrivileges(): string[];
  /** The DN of an LDAP user (looked up live), null for a user with `ldap=false`. */
  lookupLdapAuthExperimenter(id: Id): string | null;
  /** Every LDAP user as `{ dn, experimenter_id }`; `dn` is `ERROR` when LDAP no longer finds it. */
  lookupLdapAuthExperimenters(): LdapAuthExperimenter[];
  /** Creates a group (admins with ModifyGroup); level from `group.details.permissions`, default `rw----`. */
  createGroup(group: ExperimenterGroupI): number;
  createUser(experimenter: ExperimenterI, groupName: Str): number;
  createSystemUser(experimenter: ExperimenterI): number;
  createExperimenter(experimenter: ExperimenterI, defaultGroup: Id, groups?: Id[]): number;
  createExperimenterWithPassword(experimenter: ExperimenterI, password: Str, defaultGroup: Id, groups?: Id[]): number;
  addGroups(experimenter: Id, groups: Id[]): void;
  removeGroups(experimenter: Id, groups: Id[]): void;
  setDefaultGroup(experimenter: Id, group: Id): void;
  setGroupOwner(group: Id, experimenter: Id): void;
  unsetGroupOwner(group: Id, experimenter: Id): void;
  addGroupOwners(group: Id, experimenters: Id[]): void;
  removeGroupOwners(group: Id, experimenters: Id[]): void;
  changePassword(password: Str): void;
  changePasswordWithOldPassword(oldPassword: Str, password: Str): void;
  changeUserPassword(omeName: Str, password: Str): void;
  updateSelf(experimenter: ExperimenterI): void;
  updateExperimenter(experimenter: ExperimenterI): void;
  updateGroup(group: ExperimenterGroupI): void;
  /** Deprecated in OMERO (use Chmod2) but kept: changes a group's permission level. */
  changePermissions(group: ExperimenterGroupI, permissions: PermissionsI): void;
  /**
   * Ours: creates or updates users to match `rows` (one transaction per row, or all in one with
   * `atomic`; nothing with `dryRun`) and answers what happened to each (`omero user import`).
   */
  importExperimenters(rows: UserImportRow[], options?: ImportOptions): ImportRowResult[];
  /** Ours: the same for groups (name, permissions, owners, description): `omero group import`. */
  importGroups(rows: GroupImportRow[], options?: ImportOptions): ImportRowResult[];
  /** Creates an administrator holding only `privileges` (names such as `'ModifyGroupMembership'`). */
  createRestrictedSystemUser(experimenter: ExperimenterI, privileges: readonly unknown[]): number;
  createRestrictedSystemUserWithPassword(experimenter: ExperimenterI, privileges: readonly unknown[], password: Str): number;
  /** Sets a user's light-admin privileges to exactly `privileges`. */
  setAdminPrivileges(experimenter: Id, privileges: readonly unknown[]): void;
  /**
   * Ours: refuses unless the caller is an administrator holding every one of `privileges`
   * (names or bundle names): "Admins only!" / "Admin restrictions: …" (SecurityViolation), or
   * ApiUsageException for an unknown name. The CLI's `@admin_only` guard; refusals are audited
   * under `command` (a label such as `user add`).
   */
  requireAdminPrivileges(privileges: readonly string[], command?: string | null): void;
  /** The administrators holding every one of `privileges`. */
  getAdminsWithPrivileges(privileges: readonly unknown[]): ExperimenterI[];
  /** Ours: the audit log of administrative changes, oldest first (full admins only). */
  getAuditLog(query?: AuditQuery): AuditRecord[];
}
