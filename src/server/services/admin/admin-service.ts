import type { IAdmin, Served } from '../../../contract/index.js';
import {
  ApiUsageException,
  EventContext,
  type ExperimenterGroupI,
  type ExperimenterI,
  PermissionsI,
  Roles,
  SecurityViolation,
  ValidationException,
  rlong,
  rstring,
  type RString,
} from '../../../model/index.js';
import type { CallContext } from '../../call/call-context.js';
import { loadMembership } from '../../call/membership.js';
import {
  adminRefusal,
  adminOrLeaderRefusal,
  canSeeUserDetails,
  groupRenameRefusal,
  isGranted,
  Right,
  Role,
  SystemIds,
} from '../../security/index.js';
import { recordChange } from '../audit/audit-log.js';
import { readAuditLog, type AuditQuery, type AuditRecord } from '../audit/audit-reader.js';
import { throwIfRefused } from '../refusal-exception.js';
import { idOf, listOf, requiredStr, strOf, type IdLike } from './admin-arguments.js';
import { loadExperimenters, loadGroups } from './admin-loader.js';
import { adminsWithPrivileges, privilegeArguments, requireCommandPrivileges, restrictNewAdmin, setAdminPrivileges } from './admin-privileges.js';
import { addGroups, changeOwners, removeGroups } from './group-memberships.js';
import { makeDefault, membershipIds } from './membership-ops.js';
import { checkOwnPassword } from './own-password.js';
import { changeGroupPermissions } from './group-permissions.js';
import type { LdapDirectory } from '../../auth/ldap/index.js';
import { lookupLdapAuthExperimenter, lookupLdapAuthExperimenters, type LdapAuthExperimenter } from '../ldap/index.js';
import { importExperimenters } from './import/import-experimenters.js';
import { importGroups } from './import/import-groups.js';
import { auditImport } from './import/import-audit.js';
import type { GroupImportRow, ImportOptions, ImportRowResult, UserImportRow } from './import/import-types.js';
import { createUserAccount, requirePassword, setUserPassword, updateUserFields } from './user-accounts.js';
import { hashPassword } from '../../auth/password-hash.js';

const PRIVATE = -120;

/**
 * IAdmin (reference api §1.3): users, groups, memberships, passwords, the EventContext. Each
 * method runs in the call's transaction; authorisation follows OMERO's rules and messages.
 */
export class AdminService implements Served<IAdmin, CallContext> {
  readonly #ldap: LdapDirectory | null;

  /** `ldap` is the directory, or null while LDAP is switched off. */
  constructor(ldap: LdapDirectory | null = null) {
    this.#ldap = ldap;
  }

  async getEventContext(call: CallContext): Promise<EventContext> {
    const s = call.session;
    // One statement: the names of the user, the group and the sudoer (on PGlite each costs a millisecond).
    const names = (await call
      .db('experimenter as e')
      .crossJoin(call.db.raw('experimentergroup as g'))
      .where('e.id', s.owner)
      .andWhere('g.id', s.group_id)
      .select('e.omename', 'g.name', 'g.permissions', ...(s.sudoer === null ? [] : [call.db('experimenter').select('omename').where({ id: s.sudoer }).as('sudoer_name')]))
      .first()) as { omename: string; name: string; permissions: number; sudoer_name?: string | null };
    const ec = new EventContext();
    ec.shareId = -1;
    ec.sessionId = s.id;
    ec.sessionUuid = call.sessionKey;
    ec.userId = s.owner;
    ec.userName = names.omename;
    ec.sudoerId = s.sudoer === null ? null : rlong(s.sudoer);
    ec.sudoerName = names.sudoer_name == null ? null : rstring(names.sudoer_name);
    ec.groupId = s.group_id;
    ec.groupName = names.name;
    ec.isAdmin = call.membership.isAdmin;
    ec.adminPrivileges = [...call.membership.privileges];
    ec.eventId = -1;
    ec.eventType = 'User';
    ec.memberOfGroups = [...call.membership.memberOf];
    ec.leaderOfGroups = [...call.membership.leaderOf];
    // Built from the group's level: empty (not absent) restriction lists, as the seed prints them.
    const perms = new PermissionsI(Number(names.permissions));
    perms._restrictions = [];
    perms._extendedRestrictions = [];
    ec.groupPermissions = perms;
    return ec;
  }

  async getSecurityRoles(_call: CallContext): Promise<Roles> {
    return new Roles();
  }

  async lookupExperimenter(call: CallContext, name: string | RString): Promise<ExperimenterI> {
    const n = strOf(name);
    const scope = await call.scope();
    const [e] = await loadExperimenters(call.db, (q) => q.where({ omename: n }), scope);
    // A name the caller may not see cannot be matched either (2019-SV3/SV5): same answer as absent.
    if (!e || (scope !== null && !canSeeUserDetails(scope, e.id!.val))) throw new ApiUsageException(`No such experimenter: ${n}`);
    return e;
  }

  async getExperimenter(call: CallContext, id: IdLike): Promise<ExperimenterI> {
    const i = idOf(id, 'Experimenter');
    const [e] = await loadExperimenters(call.db, (q) => q.where({ id: i }), await call.scope());
    if (!e) throw new ApiUsageException(`No such experimenter: ${i}`);
    return e;
  }

  async lookupExperimenters(call: CallContext): Promise<ExperimenterI[]> {
    return loadExperimenters(call.db, (q) => q, await call.scope());
  }

  async lookupGroup(call: CallContext, name: string | RString): Promise<ExperimenterGroupI> {
    const n = strOf(name);
    const [g] = await loadGroups(call.db, (q) => q.where({ name: n }), await call.scope());
    if (!g) throw new ApiUsageException(`No such group: ${n}`);
    return g;
  }

  async getGroup(call: CallContext, id: IdLike): Promise<ExperimenterGroupI> {
    const i = idOf(id, 'ExperimenterGroup');
    const [g] = await loadGroups(call.db, (q) => q.where({ id: i }), await call.scope());
    if (!g) throw new ApiUsageException(`No such group: ${i}`);
    return g;
  }

  async lookupGroups(call: CallContext): Promise<ExperimenterGroupI[]> {
    return loadGroups(call.db, (q) => q, await call.scope());
  }

  async containedExperimenters(call: CallContext, groupId: IdLike): Promise<ExperimenterI[]> {
    const g = idOf(groupId, 'ExperimenterGroup');
    return loadExperimenters(
      call.db,
      (q) => q.whereIn('id', call.db('groupexperimentermap').select('child').where({ parent: g })),
      await call.scope(),
    );
  }

  async containedGroups(call: CallContext, experimenterId: IdLike): Promise<ExperimenterGroupI[]> {
    const ids = await membershipIds(call.db, idOf(experimenterId, 'Experimenter'));
    const groups = await loadGroups(call.db, (q) => q.whereIn('id', ids), await call.scope());
    return ids.map((id) => groups.find((g) => g.id!.val === id)!).filter(Boolean);
  }

  async getDefaultGroup(call: CallContext, experimenterId: IdLike): Promise<ExperimenterGroupI> {
    const uid = idOf(experimenterId, 'Experimenter');
    const ids = await membershipIds(call.db, uid);
    if (ids.length === 0 || ids[0] === SystemIds.USER_GROUP) {
      throw new ValidationException(`The user ${uid} has no default group set.`);
    }
    return this.getGroup(call, ids[0]!);
  }

  async getMemberOfGroupIds(call: CallContext, experimenter: IdLike): Promise<number[]> {
    return membershipIds(call.db, idOf(experimenter, 'Experimenter'));
  }

  async getLeaderOfGroupIds(call: CallContext, experimenter: IdLike): Promise<number[]> {
    const rows = await call.db('groupexperimentermap').select('parent').where({ child: idOf(experimenter, 'Experimenter'), owner: true }).orderBy('child_index');
    return rows.map((r) => Number(r.parent));
  }

  /** A user's light-admin privileges (empty for a non-admin; reference permissions §3.1). */
  async getAdminPrivileges(call: CallContext, experimenter: IdLike): Promise<string[]> {
    return [...(await loadMembership(call.db, idOf(experimenter, 'Experimenter'))).privileges];
  }

  async getCurrentAdminPrivileges(call: CallContext): Promise<string[]> {
    return [...call.membership.privileges];
  }

  /**
   * Sets a user's privileges to exactly `privileges` (names or AdminPrivilege objects). Refused
   * for root, for privileges the caller lacks, and for users holding privileges the caller lacks;
   * the user's sessions end when privileges shrink.
   */
  async setAdminPrivileges(call: CallContext, experimenter: IdLike, privileges: unknown): Promise<void> {
    throwIfRefused(adminRefusal(call.caller, 'ModifyUser'));
    await setAdminPrivileges(call, idOf(experimenter, 'Experimenter'), privilegeArguments(privileges));
  }

  /**
   * Ours: OMERO's `@admin_only(privileges)` guard of a CLI command, checked by the server (and a
   * refusal audited, as `command`). Answers nothing when the caller holds them all.
   */
  async requireAdminPrivileges(call: CallContext, privileges: unknown, command: unknown = null): Promise<void> {
    requireCommandPrivileges(call, privileges, command);
  }

  /** Ids of the administrators holding every one of `privileges`. */
  async getAdminsWithPrivileges(call: CallContext, privileges: unknown): Promise<ExperimenterI[]> {
    throwIfRefused(adminRefusal(call.caller));
    const ids = await adminsWithPrivileges(call, privilegeArguments(privileges));
    return ids.length === 0 ? [] : loadExperimenters(call.db, (q) => q.whereIn('id', ids), await call.scope());
  }

  /**
   * Creates an administrator holding only `privileges` (in "system" and "user", "system" as the
   * default group). The caller needs ModifyUser, ModifyGroupMembership and every privilege given.
   */
  async createRestrictedSystemUser(call: CallContext, experimenter: ExperimenterI, privileges: unknown): Promise<number> {
    throwIfRefused(adminRefusal(call.caller, 'ModifyUser'));
    const wanted = privilegeArguments(privileges);
    const uid = await createUserAccount(call, experimenter, {
      groups: [SystemIds.SYSTEM_GROUP, SystemIds.USER_GROUP],
      privileges: wanted,
      action: 'createRestrictedSystemUser',
    });
    await restrictNewAdmin(call, uid, wanted);
    return uid;
  }

  async createRestrictedSystemUserWithPassword(call: CallContext, experimenter: ExperimenterI, privileges: unknown, password: RString | string): Promise<number> {
    const pw = requirePassword(password);
    const uid = await this.createRestrictedSystemUser(call, experimenter, privileges);
    await call.trx('password').insert({ experimenter_id: uid, hash: await hashPassword(pw) });
    return uid;
  }

  /** The audit log of administrative changes (not OMERO's API; `omero audit`), full admins only. */
  async getAuditLog(call: CallContext, query: AuditQuery = {}): Promise<AuditRecord[]> {
    return readAuditLog(call, query);
  }

  /** The DN of an LDAP user (null for others); any user may ask, as in OMERO. */
  async lookupLdapAuthExperimenter(call: CallContext, id: IdLike): Promise<string | null> {
    return lookupLdapAuthExperimenter(call, this.#ldap, id);
  }

  /** Every LDAP user's id and DN (`ERROR` when LDAP no longer finds it); used by `omero ldap list`. */
  async lookupLdapAuthExperimenters(call: CallContext): Promise<LdapAuthExperimenter[]> {
    return lookupLdapAuthExperimenters(call, this.#ldap);
  }

  /** Creates a group; admins with ModifyGroup only. Default level private `rw----`. */
  async createGroup(call: CallContext, group: ExperimenterGroupI): Promise<number> {
    throwIfRefused(adminRefusal(call.caller, 'ModifyGroup'));
    const name = requiredStr(group?.name, 'ExperimenterGroup.name');
    const perms = group.details?.permissions ? normalisedPerms(group.details.permissions) : PRIVATE;
    if (await call.trx('experimentergroup').where({ name }).first()) {
      throw new ValidationException(`Group already exists: ${name}`);
    }
    const [row] = await call.trx('experimentergroup')
      .insert({ name, description: strOf(group.description), permissions: perms, ldap: Boolean(group.ldap?.val) })
      .returning('id');
    await recordChange(call, { action: 'createGroup', targetType: 'ExperimenterGroup', targetId: Number(row.id), targetName: name, after: { permissions: perms } });
    return Number(row.id);
  }

  async createUser(call: CallContext, experimenter: ExperimenterI, groupName: string | RString): Promise<number> {
    const group = await this.lookupGroup(call, groupName);
    return this.createExperimenter(call, experimenter, group, [SystemIds.USER_GROUP]);
  }

  /** Creates a full administrator: the caller needs ModifyUser and every privilege. */
  async createSystemUser(call: CallContext, experimenter: ExperimenterI): Promise<number> {
    throwIfRefused(adminRefusal(call.caller, 'ModifyUser'));
    return createUserAccount(call, experimenter, { groups: [SystemIds.SYSTEM_GROUP, SystemIds.USER_GROUP], action: 'createSystemUser' });
  }

  /**
   * Creates a user in `defaultGroup` (index 0) and `groups` (reference api §1.3). No password is
   * stored: the account cannot log in until one is set (OMERO stores a blank password, which lets
   * anyone in when passwords are not required — we do not copy that).
   */
  async createExperimenter(call: CallContext, experimenter: ExperimenterI, defaultGroup: IdLike, groups: readonly IdLike[] = []): Promise<number> {
    const def = idOf(defaultGroup, 'default group');
    const others = listOf(groups).map((g) => idOf(g, 'group'));
    return createUserAccount(call, experimenter, { groups: [def, ...others.filter((g) => g !== def)], action: 'createExperimenter' });
  }

  async createExperimenterWithPassword(
    call: CallContext,
    experimenter: ExperimenterI,
    password: RString | string,
    defaultGroup: IdLike,
    groups: readonly IdLike[] = [],
  ): Promise<number> {
    const pw = requirePassword(password);
    const uid = await this.createExperimenter(call, experimenter, defaultGroup, groups);
    await call.trx('password').insert({ experimenter_id: uid, hash: await hashPassword(pw) });
    return uid;
  }

  /** Adds memberships (admin with ModifyGroupMembership, or PI of each group). */
  async addGroups(call: CallContext, experimenter: IdLike, groups: readonly IdLike[]): Promise<void> {
    await addGroups(call, idOf(experimenter, 'Experimenter'), listOf(groups).map((g) => idOf(g, 'group')));
  }

  /** Removes memberships with OMERO's validation rules (reference permissions §5.2). */
  async removeGroups(call: CallContext, experimenter: IdLike, groups: readonly IdLike[]): Promise<void> {
    await removeGroups(call, idOf(experimenter, 'Experimenter'), listOf(groups).map((g) => idOf(g, 'group')));
  }

  async setDefaultGroup(call: CallContext, experimenter: IdLike, group: IdLike): Promise<void> {
    const uid = idOf(experimenter, 'Experimenter');
    const gid = idOf(group, 'ExperimenterGroup');
    if (uid !== call.caller.userId && !(call.caller.isAdmin && call.caller.privileges.has('ModifyUser'))) {
      throw new SecurityViolation(`User ${call.caller.userId} can only set own default group.`);
    }
    if (gid === SystemIds.USER_GROUP) throw new ApiUsageException('Cannot set default group to: user');
    const ids = await membershipIds(call.trx, uid);
    if (!ids.includes(gid)) throw new ApiUsageException(`Group ${gid} was not found for user ${uid}`);
    await makeDefault(call.trx, uid, gid);
    if (ids[0] !== gid) await recordChange(call, { action: 'setDefaultGroup', targetType: 'Experimenter', targetId: uid, before: { defaultGroup: ids[0] }, after: { defaultGroup: gid } });
  }

  async setGroupOwner(call: CallContext, group: IdLike, experimenter: IdLike): Promise<void> {
    await this.addGroupOwners(call, group, [experimenter]);
  }

  async unsetGroupOwner(call: CallContext, group: IdLike, experimenter: IdLike): Promise<void> {
    await this.removeGroupOwners(call, group, [experimenter]);
  }

  /** Makes users owners of a group, adding the membership when missing (as the CLI's --as-owner). */
  async addGroupOwners(call: CallContext, group: IdLike, experimenters: readonly IdLike[]): Promise<void> {
    await changeOwners(call, idOf(group, 'ExperimenterGroup'), listOf(experimenters).map((e) => idOf(e, 'Experimenter')), true);
  }

  async removeGroupOwners(call: CallContext, group: IdLike, experimenters: readonly IdLike[]): Promise<void> {
    await changeOwners(call, idOf(group, 'ExperimenterGroup'), listOf(experimenters).map((e) => idOf(e, 'Experimenter')), false);
  }

  /** Changes one's own password; the session must have been created with a password. */
  async changePassword(call: CallContext, password: RString | string): Promise<void> {
    if (!call.session.password_auth) {
      throw new SecurityViolation('changePassword requires a session created with a password (HasPassword)');
    }
    await setUserPassword(call, call.caller.userId, requirePassword(password), 'changePassword');
  }

  /** Changes one's own password given the old one; wrong old passwords are throttled as logins are. */
  async changePasswordWithOldPassword(call: CallContext, oldPassword: RString | string, password: RString | string): Promise<void> {
    await checkOwnPassword(call, strOf(oldPassword) ?? '', () => 'Old password is invalid');
    await setUserPassword(call, call.caller.userId, requirePassword(password), 'changePasswordWithOldPassword');
  }

  /**
   * Sets another user's password: admins with ModifyUser, never for root (but by root) nor for a
   * user holding privileges the caller lacks (2018-SV3); a group owner only for a user it has just
   * created (OMERO 5.6.1).
   */
  async changeUserPassword(call: CallContext, omeName: string | RString, password: RString | string): Promise<void> {
    const name = strOf(omeName);
    const user = await call.trx('experimenter').select('id').where({ omename: name }).first();
    const scope = await call.scope();
    if (!user || !canSeeUserDetails(scope, Number(user.id))) throw new ApiUsageException(`No such experimenter: ${name}`);
    await setUserPassword(call, Number(user.id), requirePassword(password), 'changeUserPassword');
  }

  /**
   * Updates one's own names and email. In a sudo session only when the session itself holds
   * ModifyUser (reference permissions §5.4, ADM `updateSelf`).
   */
  async updateSelf(call: CallContext, experimenter: ExperimenterI): Promise<void> {
    if (call.session.sudoer !== null && !call.caller.privileges.has('ModifyUser')) {
      throw new SecurityViolation('updateSelf is not allowed in a sudo session');
    }
    await updateUserFields(call, call.caller.userId, experimenter, false);
  }

  /**
   * Updates a user's names, email, institution and login: oneself, or another user as
   * `accountEditRefusal` allows (admins with ModifyUser over users no more privileged than
   * themselves; group owners only for a user they have just created).
   */
  async updateExperimenter(call: CallContext, experimenter: ExperimenterI): Promise<void> {
    const uid = idOf(experimenter, 'Experimenter');
    if (uid === call.caller.userId && !call.caller.isAdmin) return this.updateSelf(call, experimenter);
    await updateUserFields(call, uid, experimenter, true);
  }

  /** Updates a group's name and description (admin with ModifyGroup or its PI). */
  async updateGroup(call: CallContext, group: ExperimenterGroupI): Promise<void> {
    const gid = idOf(group, 'ExperimenterGroup');
    throwIfRefused(adminOrLeaderRefusal(call.caller, 'ModifyGroup', [gid], 'Updating groups'));
    const row = await this.#requireGroups(call, [gid]);
    const changes: Record<string, unknown> = {};
    if (group.name !== undefined && group.name !== null) {
      const name = requiredStr(group.name, 'ExperimenterGroup.name');
      if (name !== row[0]!.name) throwIfRefused(groupRenameRefusal(gid, row[0]!.name));
      changes.name = name;
    }
    if (group.description !== undefined) changes.description = strOf(group.description);
    if (Object.keys(changes).length > 0) {
      await call.trx('experimentergroup').where({ id: gid }).update({ ...changes, version: call.trx.raw('version + 1') });
      const before = Object.fromEntries(Object.keys(changes).map((k) => [k, row[0]![k] ?? null]));
      await recordChange(call, { action: 'updateGroup', targetType: 'ExperimenterGroup', targetId: gid, targetName: row[0]!.name, before, after: changes });
    }
  }

  /** Creates or updates users to match rows of a provisioning file (`omero user import`). */
  async importExperimenters(call: CallContext, rows: readonly UserImportRow[], options: ImportOptions = {}): Promise<ImportRowResult[]> {
    const results = await importExperimenters(call, rows, options);
    await auditImport(call, 'importExperimenters', 'Experimenter', results, options);
    return results;
  }

  /** Creates or updates groups to match rows of a provisioning file (`omero group import`). */
  async importGroups(call: CallContext, rows: readonly GroupImportRow[], options: ImportOptions = {}): Promise<ImportRowResult[]> {
    const results = await importGroups(call, rows, options);
    await auditImport(call, 'importGroups', 'ExperimenterGroup', results, options);
    return results;
  }

  /** Legacy chmod of a group (reference permissions §4); the rules live in group-permissions.ts. */
  async changePermissions(call: CallContext, object: ExperimenterGroupI, permissions: PermissionsI): Promise<void> {
    const gid = idOf(object, 'ExperimenterGroup');
    await changeGroupPermissions(call, gid, normalisedPerms(permissions));
  }

  async #requireGroups(call: CallContext, gids: number[]) {
    const rows = await call.trx('experimentergroup').select('*').whereIn('id', gids);
    const missing = gids.find((g) => !rows.some((r) => Number(r.id) === g));
    if (missing !== undefined) throw new ApiUsageException(`No such group: ${missing}`);
    return rows;
  }
}

/** Permissions from a PermissionsI or a string, with WRITE implying ANNOTATE, USER READ required. */
export function normalisedPerms(p: PermissionsI | string | number): number {
  const perms = p instanceof PermissionsI ? p : new PermissionsI(p as string);
  const normalised = new PermissionsI(perms.toString()).getPerm1();
  if (!isGranted(normalised, Role.USER, Right.READ)) throw new ApiUsageException('Cannot remove user read');
  return normalised;
}
