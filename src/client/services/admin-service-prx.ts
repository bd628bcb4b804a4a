import type {
  EventContext,
  ExperimenterGroupI,
  ExperimenterI,
  IObject,
  PermissionsI,
  Roles,
  RString,
} from '../../model/index.js';
import type { LdapAuthExperimenter } from '../../server/services/ldap/index.js';
import type { ArgsOf, AuditQuery, AuditRecord, Blocking, Ctx, GroupImportRow, GroupRef, ImportOptions, ImportRowResult, ImportStatus, MethodName, ResultOf, IAdmin, UserImportRow } from '../../contract/index.js';
import type { ServiceCaller } from '../remote.js';

export type { GroupImportRow, GroupRef, ImportOptions, ImportRowResult, ImportStatus, LdapAuthExperimenter, UserImportRow };

type Id = number | IObject | { readonly val: number };
type Str = string | RString;

/**
 * The IAdmin proxy (reference api §1.3). Every method blocks and takes an optional trailing call
 * context, as in Python: `admin_service.getEventContext()`, `admin_service.lookupGroup('private-1')`.
 */
export class AdminServicePrx implements Blocking<IAdmin> {
  readonly #s: ServiceCaller;

  constructor(session: ServiceCaller) {
    this.#s = session;
  }

  #call<M extends MethodName<IAdmin>>(method: M, args: ArgsOf<IAdmin, M>, ctx?: Ctx | null): ResultOf<IAdmin, M> {
    return this.#s.call('IAdmin', method, args, ctx);
  }

  /** The caller's user, group, memberships and session (reference permissions §5.1). */
  getEventContext(ctx?: Ctx | null): EventContext { return this.#call('getEventContext', [], ctx); }
  getSecurityRoles(ctx?: Ctx | null): Roles { return this.#call('getSecurityRoles', [], ctx); }
  /** A user by login name; `ApiUsageException` "No such experimenter: <name>" when missing. */
  lookupExperimenter(name: Str, ctx?: Ctx | null): ExperimenterI { return this.#call('lookupExperimenter', [name], ctx); }
  getExperimenter(id: Id, ctx?: Ctx | null): ExperimenterI { return this.#call('getExperimenter', [id], ctx); }
  lookupExperimenters(ctx?: Ctx | null): ExperimenterI[] { return this.#call('lookupExperimenters', [], ctx); }
  /** A group by name, members loaded: `group.linkedExperimenterList()` works. */
  lookupGroup(name: Str, ctx?: Ctx | null): ExperimenterGroupI { return this.#call('lookupGroup', [name], ctx); }
  getGroup(id: Id, ctx?: Ctx | null): ExperimenterGroupI { return this.#call('getGroup', [id], ctx); }
  lookupGroups(ctx?: Ctx | null): ExperimenterGroupI[] { return this.#call('lookupGroups', [], ctx); }
  containedExperimenters(groupId: Id, ctx?: Ctx | null): ExperimenterI[] { return this.#call('containedExperimenters', [groupId], ctx); }
  containedGroups(experimenterId: Id, ctx?: Ctx | null): ExperimenterGroupI[] { return this.#call('containedGroups', [experimenterId], ctx); }
  getDefaultGroup(experimenterId: Id, ctx?: Ctx | null): ExperimenterGroupI { return this.#call('getDefaultGroup', [experimenterId], ctx); }
  getMemberOfGroupIds(experimenter: Id, ctx?: Ctx | null): number[] { return this.#call('getMemberOfGroupIds', [experimenter], ctx); }
  getLeaderOfGroupIds(experimenter: Id, ctx?: Ctx | null): number[] { return this.#call('getLeaderOfGroupIds', [experimenter], ctx); }
  getAdminPrivileges(experimenter: Id, ctx?: Ctx | null): string[] { return this.#call('getAdminPrivileges', [experimenter], ctx); }
  getCurrentAdminPrivileges(ctx?: Ctx | null): string[] { return this.#call('getCurrentAdminPrivileges', [], ctx); }
  /** The DN of an LDAP user (looked up live), null for a user with `ldap=false`. */
  lookupLdapAuthExperimenter(id: Id, ctx?: Ctx | null): string | null { return this.#call('lookupLdapAuthExperimenter', [id], ctx); }
  /** Every LDAP user as `{ dn, experimenter_id }`; `dn` is `ERROR` when LDAP no longer finds it. */
  lookupLdapAuthExperimenters(ctx?: Ctx | null): LdapAuthExperimenter[] { return this.#call('lookupLdapAuthExperimenters', [], ctx); }
  /** Creates a group (admins with ModifyGroup); level from `group.details.permissions`, default `rw----`. */
  createGroup(group: ExperimenterGroupI, ctx?: Ctx | null): number { return this.#call('createGroup', [group], ctx); }
  createUser(experimenter: ExperimenterI, groupName: Str, ctx?: Ctx | null): number { return this.#call('createUser', [experimenter, groupName], ctx); }
  createSystemUser(experimenter: ExperimenterI, ctx?: Ctx | null): number { return this.#call('createSystemUser', [experimenter], ctx); }
  createExperimenter(experimenter: ExperimenterI, defaultGroup: Id, groups: Id[] = [], ctx?: Ctx | null): number {
    return this.#call('createExperimenter', [experimenter, defaultGroup, groups], ctx);
  }
  createExperimenterWithPassword(experimenter: ExperimenterI, password: Str, defaultGroup: Id, groups: Id[] = [], ctx?: Ctx | null): number {
    return this.#call('createExperimenterWithPassword', [experimenter, password, defaultGroup, groups], ctx);
  }
  addGroups(experimenter: Id, groups: Id[], ctx?: Ctx | null): void { return this.#call('addGroups', [experimenter, groups], ctx); }
  removeGroups(experimenter: Id, groups: Id[], ctx?: Ctx | null): void { return this.#call('removeGroups', [experimenter, groups], ctx); }
  setDefaultGroup(experimenter: Id, group: Id, ctx?: Ctx | null): void { return this.#call('setDefaultGroup', [experimenter, group], ctx); }
  setGroupOwner(group: Id, experimenter: Id, ctx?: Ctx | null): void { return this.#call('setGroupOwner', [group, experimenter], ctx); }
  unsetGroupOwner(group: Id, experimenter: Id, ctx?: Ctx | null): void { return this.#call('unsetGroupOwner', [group, experimenter], ctx); }
  addGroupOwners(group: Id, experimenters: Id[], ctx?: Ctx | null): void { return this.#call('addGroupOwners', [group, experimenters], ctx); }
  removeGroupOwners(group: Id, experimenters: Id[], ctx?: Ctx | null): void { return this.#call('removeGroupOwners', [group, experimenters], ctx); }
  changePassword(password: Str, ctx?: Ctx | null): void { return this.#call('changePassword', [password], ctx); }
  changePasswordWithOldPassword(oldPassword: Str, password: Str, ctx?: Ctx | null): void {
    return this.#call('changePasswordWithOldPassword', [oldPassword, password], ctx);
  }
  changeUserPassword(omeName: Str, password: Str, ctx?: Ctx | null): void { return this.#call('changeUserPassword', [omeName, password], ctx); }
  updateSelf(experimenter: ExperimenterI, ctx?: Ctx | null): void { return this.#call('updateSelf', [experimenter], ctx); }
  updateExperimenter(experimenter: ExperimenterI, ctx?: Ctx | null): void { return this.#call('updateExperimenter', [experimenter], ctx); }
  updateGroup(group: ExperimenterGroupI, ctx?: Ctx | null): void { return this.#call('updateGroup', [group], ctx); }
  /**
   * Creates or updates users to match `rows` (one transaction per row, or all in one with
   * `atomic`; nothing with `dryRun`) and answers what happened to each: `omero user import`.
   */
  importExperimenters(rows: UserImportRow[], options: ImportOptions = {}, ctx?: Ctx | null): ImportRowResult[] {
    return this.#call('importExperimenters', [rows, options], ctx);
  }
  /** The same for groups (name, permissions, owners, description): `omero group import`. */
  importGroups(rows: GroupImportRow[], options: ImportOptions = {}, ctx?: Ctx | null): ImportRowResult[] {
    return this.#call('importGroups', [rows, options], ctx);
  }
  /** Creates an administrator holding only `privileges` (names such as `'ModifyGroupMembership'`). */
  createRestrictedSystemUser(experimenter: ExperimenterI, privileges: readonly unknown[], ctx?: Ctx | null): number {
    return this.#call('createRestrictedSystemUser', [experimenter, privileges], ctx);
  }
  createRestrictedSystemUserWithPassword(experimenter: ExperimenterI, privileges: readonly unknown[], password: Str, ctx?: Ctx | null): number {
    return this.#call('createRestrictedSystemUserWithPassword', [experimenter, privileges, password], ctx);
  }
  /** Sets a user's light-admin privileges to exactly `privileges`. */
  setAdminPrivileges(experimenter: Id, privileges: readonly unknown[], ctx?: Ctx | null): void {
    return this.#call('setAdminPrivileges', [experimenter, privileges], ctx);
  }
  /** Refuses unless the caller is an administrator holding `privileges` (ours: the CLI's audited `@admin_only`). */
  requireAdminPrivileges(privileges: readonly string[], command: string | null = null, ctx?: Ctx | null): void {
    return this.#call('requireAdminPrivileges', [privileges, command], ctx);
  }
  /** The administrators holding every one of `privileges`. */
  getAdminsWithPrivileges(privileges: readonly unknown[], ctx?: Ctx | null): ExperimenterI[] {
    return this.#call('getAdminsWithPrivileges', [privileges], ctx);
  }
  /** The audit log of administrative changes, oldest first (not in OMERO's API; full admins only). */
  getAuditLog(query: AuditQuery = {}, ctx?: Ctx | null): AuditRecord[] { return this.#call('getAuditLog', [query], ctx); }
  /** Deprecated in OMERO (use Chmod2) but kept: changes a group's permission level. */
  changePermissions(group: ExperimenterGroupI, permissions: PermissionsI, ctx?: Ctx | null): void {
    return this.#call('changePermissions', [group, permissions], ctx);
  }
}
