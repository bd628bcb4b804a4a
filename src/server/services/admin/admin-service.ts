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
import { hashPassword, verifyPassword } from '../../auth/password-hash.js';
import type { CallContext } from '../../call/call-context.js';
import { ADMIN_PRIVILEGES, SystemIds, canSeeUserDetails, isGranted, Right, Role } from '../../security/index.js';
import { idOf, listOf, requiredStr, strOf, type IdLike } from './admin-arguments.js';
import { requireAdmin, requireAdminOrLeader } from './admin-guards.js';
import { loadExperimenters, loadGroups } from './admin-loader.js';
import { addMembership, fixDefaultGroup, makeDefault, membershipIds, removeMembership, setOwner } from './membership-ops.js';
import { changeGroupPermissions } from './group-permissions.js';
import type { LdapDirectory } from '../../auth/ldap/index.js';
import { lookupLdapAuthExperimenter, lookupLdapAuthExperimenters, type LdapAuthExperimenter } from '../ldap/index.js';
import { assertGroupRenamable, assertUserRenamable, validateLogin } from './name-rules.js';
import { assertMembershipRemovable } from './membership-rules.js';
import { importExperimenters } from './import/import-experimenters.js';
import { importGroups } from './import/import-groups.js';
import type { GroupImportRow, ImportOptions, ImportRowResult, UserImportRow } from './import/import-types.js';

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
    const [user, group] = await Promise.all([
      call.trx('experimenter').select('omename').where({ id: s.owner }).first(),
      call.trx('experimentergroup').select('name', 'permissions').where({ id: s.group_id }).first(),
    ]);
    const sudoer = s.sudoer === null ? null : await call.trx('experimenter').select('omename').where({ id: s.sudoer }).first();
    const ec = new EventContext();
    ec.shareId = -1;
    ec.sessionId = s.id;
    ec.sessionUuid = call.sessionKey;
    ec.userId = s.owner;
    ec.userName = user.omename;
    ec.sudoerId = s.sudoer === null ? null : rlong(s.sudoer);
    ec.sudoerName = sudoer ? rstring(sudoer.omename) : null;
    ec.groupId = s.group_id;
    ec.groupName = group.name;
    ec.isAdmin = call.membership.isAdmin;
    ec.adminPrivileges = [...call.membership.privileges];
    ec.eventId = -1;
    ec.eventType = 'User';
    ec.memberOfGroups = [...call.membership.memberOf];
    ec.leaderOfGroups = [...call.membership.leaderOf];
    // Built from the group's level: empty (not absent) restriction lists, as the seed prints them.
    const perms = new PermissionsI(Number(group.permissions));
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
    const [e] = await loadExperimenters(call.trx, (q) => q.where({ omename: n }), scope);
    // A name the caller may not see cannot be matched either (2019-SV3/SV5): same answer as absent.
    if (!e || (scope !== null && !canSeeUserDetails(scope, e.id!.val))) throw new ApiUsageException(`No such experimenter: ${n}`);
    return e;
  }

  async getExperimenter(call: CallContext, id: IdLike): Promise<ExperimenterI> {
    const i = idOf(id, 'Experimenter');
    const [e] = await loadExperimenters(call.trx, (q) => q.where({ id: i }), await call.scope());
    if (!e) throw new ApiUsageException(`No such experimenter: ${i}`);
    return e;
  }

  async lookupExperimenters(call: CallContext): Promise<ExperimenterI[]> {
    return loadExperimenters(call.trx, (q) => q, await call.scope());
  }

  async lookupGroup(call: CallContext, name: string | RString): Promise<ExperimenterGroupI> {
    const n = strOf(name);
    const [g] = await loadGroups(call.trx, (q) => q.where({ name: n }), await call.scope());
    if (!g) throw new ApiUsageException(`No such group: ${n}`);
    return g;
  }

  async getGroup(call: CallContext, id: IdLike): Promise<ExperimenterGroupI> {
    const i = idOf(id, 'ExperimenterGroup');
    const [g] = await loadGroups(call.trx, (q) => q.where({ id: i }), await call.scope());
    if (!g) throw new ApiUsageException(`No such group: ${i}`);
    return g;
  }

  async lookupGroups(call: CallContext): Promise<ExperimenterGroupI[]> {
    return loadGroups(call.trx, (q) => q, await call.scope());
  }

  async containedExperimenters(call: CallContext, groupId: IdLike): Promise<ExperimenterI[]> {
    const g = idOf(groupId, 'ExperimenterGroup');
    return loadExperimenters(
      call.trx,
      (q) => q.whereIn('id', call.trx('groupexperimentermap').select('child').where({ parent: g })),
      await call.scope(),
    );
  }

  async containedGroups(call: CallContext, experimenterId: IdLike): Promise<ExperimenterGroupI[]> {
    const ids = await membershipIds(call.trx, idOf(experimenterId, 'Experimenter'));
    const groups = await loadGroups(call.trx, (q) => q.whereIn('id', ids), await call.scope());
    return ids.map((id) => groups.find((g) => g.id!.val === id)!).filter(Boolean);
  }

  async getDefaultGroup(call: CallContext, experimenterId: IdLike): Promise<ExperimenterGroupI> {
    const uid = idOf(experimenterId, 'Experimenter');
    const ids = await membershipIds(call.trx, uid);
    if (ids.length === 0 || ids[0] === SystemIds.USER_GROUP) {
      throw new ValidationException(`The user ${uid} has no default group set.`);
    }
    return this.getGroup(call, ids[0]!);
  }

  async getMemberOfGroupIds(call: CallContext, experimenter: IdLike): Promise<number[]> {
    return membershipIds(call.trx, idOf(experimenter, 'Experimenter'));
  }

  async getLeaderOfGroupIds(call: CallContext, experimenter: IdLike): Promise<number[]> {
    const rows = await call.trx('groupexperimentermap').select('parent').where({ child: idOf(experimenter, 'Experimenter'), owner: true }).orderBy('child_index');
    return rows.map((r) => Number(r.parent));
  }

  async getAdminPrivileges(call: CallContext, experimenter: IdLike): Promise<string[]> {
    const { loadMembership } = await import('../../call/membership.js');
    return [...(await loadMembership(call.trx, idOf(experimenter, 'Experimenter'))).privileges];
  }

  async getCurrentAdminPrivileges(call: CallContext): Promise<string[]> {
    return [...call.membership.privileges];
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
    requireAdmin(call, 'ModifyGroup');
    const name = requiredStr(group?.name, 'ExperimenterGroup.name');
    const perms = group.details?.permissions ? normalisedPerms(group.details.permissions) : PRIVATE;
    if (await call.trx('experimentergroup').where({ name }).first()) {
      throw new ValidationException(`Group already exists: ${name}`);
    }
    const [row] = await call.trx('experimentergroup')
      .insert({ name, description: strOf(group.description), permissions: perms, ldap: Boolean(group.ldap?.val) })
      .returning('id');
    return Number(row.id);
  }

  async createUser(call: CallContext, experimenter: ExperimenterI, groupName: string | RString): Promise<number> {
    const group = await this.lookupGroup(call, groupName);
    return this.createExperimenter(call, experimenter, group, [SystemIds.USER_GROUP]);
  }

  async createSystemUser(call: CallContext, experimenter: ExperimenterI): Promise<number> {
    requireAdmin(call, 'ModifyUser');
    if (call.caller.privileges.size !== ADMIN_PRIVILEGES.length) {
      throw new SecurityViolation('cannot give administrator privileges that current user does not have');
    }
    return this.createExperimenter(call, experimenter, SystemIds.SYSTEM_GROUP, [SystemIds.USER_GROUP]);
  }

  /**
   * Creates a user in `defaultGroup` (index 0) and `groups` (reference api §1.3). No password is
   * stored: the account cannot log in until one is set (OMERO stores a blank password, which lets
   * anyone in when passwords are not required — we do not copy that).
   */
  async createExperimenter(call: CallContext, experimenter: ExperimenterI, defaultGroup: IdLike, groups: readonly IdLike[] = []): Promise<number> {
    const def = idOf(defaultGroup, 'default group');
    const others = listOf(groups).map((g) => idOf(g, 'group'));
    const all = [def, ...others.filter((g) => g !== def)];
    requireAdminOrLeader(call, 'ModifyUser', all.filter((g) => g !== SystemIds.USER_GROUP), 'Creating users');
    if (all.includes(SystemIds.SYSTEM_GROUP)) requireAdmin(call, 'ModifyGroupMembership');
    const omeName = requiredStr(experimenter?.omeName, 'Experimenter.omeName');
    validateLogin(omeName);
    const firstName = requiredStr(experimenter.firstName, 'Experimenter.firstName');
    const lastName = requiredStr(experimenter.lastName, 'Experimenter.lastName');
    if (await call.trx('experimenter').where({ omename: omeName }).first()) {
      throw new ValidationException(`User already exists: ${omeName}`);
    }
    const found = await call.trx('experimentergroup').select('id').whereIn('id', all);
    const missing = all.filter((g) => !found.some((f) => Number(f.id) === g));
    if (missing.length > 0) throw new ApiUsageException(`No such group: ${missing[0]}`);
    const [row] = await call.trx('experimenter')
      .insert({
        omename: omeName,
        firstname: firstName,
        lastname: lastName,
        middlename: strOf(experimenter.middleName),
        institution: strOf(experimenter.institution),
        email: strOf(experimenter.email),
        ldap: Boolean(experimenter.ldap?.val),
      })
      .returning('id');
    const uid = Number(row.id);
    for (const g of all) await addMembership(call.trx, uid, g);
    await fixDefaultGroup(call.trx, uid);
    return uid;
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
    const uid = idOf(experimenter, 'Experimenter');
    const gids = listOf(groups).map((g) => idOf(g, 'group'));
    if (gids.length === 0) throw new ValidationException('Nothing to do.');
    requireAdminOrLeader(call, 'ModifyGroupMembership', gids, 'Changing group membership');
    if (gids.includes(SystemIds.SYSTEM_GROUP) && call.caller.privileges.size !== ADMIN_PRIVILEGES.length) {
      throw new SecurityViolation('cannot give administrator privileges that current user does not have');
    }
    await this.#requireExperimenter(call, uid);
    await this.#requireGroups(call, gids);
    for (const g of gids) await addMembership(call.trx, uid, g);
    await fixDefaultGroup(call.trx, uid);
  }

  /** Removes memberships with OMERO's validation rules (reference permissions §5.2). */
  async removeGroups(call: CallContext, experimenter: IdLike, groups: readonly IdLike[]): Promise<void> {
    const uid = idOf(experimenter, 'Experimenter');
    const gids = listOf(groups).map((g) => idOf(g, 'group'));
    if (gids.length === 0) throw new ValidationException('Nothing to do.');
    requireAdminOrLeader(call, 'ModifyGroupMembership', gids, 'Changing group membership');
    await this.#requireExperimenter(call, uid);
    const current = await membershipIds(call.trx, uid);
    assertMembershipRemovable(uid, call.caller.userId, gids, current.filter((g) => !gids.includes(g)));
    for (const g of gids) await removeMembership(call.trx, uid, g);
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
  }

  async setGroupOwner(call: CallContext, group: IdLike, experimenter: IdLike): Promise<void> {
    await this.addGroupOwners(call, group, [experimenter]);
  }

  async unsetGroupOwner(call: CallContext, group: IdLike, experimenter: IdLike): Promise<void> {
    await this.removeGroupOwners(call, group, [experimenter]);
  }

  /** Makes users owners of a group, adding the membership when missing (as the CLI's --as-owner). */
  async addGroupOwners(call: CallContext, group: IdLike, experimenters: readonly IdLike[]): Promise<void> {
    const gid = idOf(group, 'ExperimenterGroup');
    requireAdminOrLeader(call, 'ModifyGroupMembership', [gid], 'Changing group owners');
    await this.#requireGroups(call, [gid]);
    for (const e of listOf(experimenters)) {
      const uid = idOf(e, 'Experimenter');
      await this.#requireExperimenter(call, uid);
      if (!(await addMembership(call.trx, uid, gid, true))) await setOwner(call.trx, uid, gid, true);
      await fixDefaultGroup(call.trx, uid);
    }
  }

  async removeGroupOwners(call: CallContext, group: IdLike, experimenters: readonly IdLike[]): Promise<void> {
    const gid = idOf(group, 'ExperimenterGroup');
    requireAdminOrLeader(call, 'ModifyGroupMembership', [gid], 'Changing group owners');
    for (const e of listOf(experimenters)) await setOwner(call.trx, idOf(e, 'Experimenter'), gid, false);
  }

  /** Changes one's own password; the session must have been created with a password. */
  async changePassword(call: CallContext, password: RString | string): Promise<void> {
    if (!call.session.password_auth) {
      throw new SecurityViolation('changePassword requires a session created with a password (HasPassword)');
    }
    await this.#setPassword(call, call.caller.userId, requirePassword(password));
  }

  async changePasswordWithOldPassword(call: CallContext, oldPassword: RString | string, password: RString | string): Promise<void> {
    const row = await call.trx('password').select('hash').where({ experimenter_id: call.caller.userId }).first();
    if (!row?.hash || !(await verifyPassword(strOf(oldPassword) ?? '', row.hash))) {
      throw new SecurityViolation('Old password is invalid');
    }
    await this.#setPassword(call, call.caller.userId, requirePassword(password));
  }

  /** Admin (ModifyUser) sets another user's password; never that of a more privileged user. */
  async changeUserPassword(call: CallContext, omeName: string | RString, password: RString | string): Promise<void> {
    requireAdmin(call, 'ModifyUser');
    const name = strOf(omeName);
    const user = await call.trx('experimenter').select('id').where({ omename: name }).first();
    if (!user) throw new ApiUsageException(`No such experimenter: ${name}`);
    const { loadMembership } = await import('../../call/membership.js');
    const target = await loadMembership(call.trx, Number(user.id));
    if (target.privileges.some((p) => !call.caller.privileges.has(p))) {
      throw new SecurityViolation('Cannot change the password of a more privileged user.');
    }
    await this.#setPassword(call, Number(user.id), requirePassword(password));
  }

  async updateSelf(call: CallContext, experimenter: ExperimenterI): Promise<void> {
    await this.#updateUserFields(call, call.caller.userId, experimenter, false);
  }

  /** Updates a user's string fields (admin with ModifyUser, a PI of one of the user's groups, or self). */
  async updateExperimenter(call: CallContext, experimenter: ExperimenterI): Promise<void> {
    const uid = idOf(experimenter, 'Experimenter');
    if (uid === call.caller.userId && !call.caller.isAdmin) return this.updateSelf(call, experimenter);
    const groups = await membershipIds(call.trx, uid);
    const led = groups.filter((g) => call.caller.leaderOf.includes(g) && g !== SystemIds.USER_GROUP);
    requireAdminOrLeader(call, 'ModifyUser', led.length > 0 ? led : [-2], 'Updating users');
    await this.#updateUserFields(call, uid, experimenter, true);
  }

  /** Updates a group's name and description (admin with ModifyGroup or its PI). */
  async updateGroup(call: CallContext, group: ExperimenterGroupI): Promise<void> {
    const gid = idOf(group, 'ExperimenterGroup');
    requireAdminOrLeader(call, 'ModifyGroup', [gid], 'Updating groups');
    const row = await this.#requireGroups(call, [gid]);
    const changes: Record<string, unknown> = {};
    if (group.name !== undefined && group.name !== null) {
      const name = requiredStr(group.name, 'ExperimenterGroup.name');
      if (name !== row[0]!.name) assertGroupRenamable(gid, row[0]!.name);
      changes.name = name;
    }
    if (group.description !== undefined) changes.description = strOf(group.description);
    if (Object.keys(changes).length > 0) {
      await call.trx('experimentergroup').where({ id: gid }).update({ ...changes, version: call.trx.raw('version + 1') });
    }
  }

  /** Creates or updates users to match rows of a provisioning file (`omero user import`). */
  async importExperimenters(call: CallContext, rows: readonly UserImportRow[], options: ImportOptions = {}): Promise<ImportRowResult[]> {
    return importExperimenters(call, rows, options);
  }

  /** Creates or updates groups to match rows of a provisioning file (`omero group import`). */
  async importGroups(call: CallContext, rows: readonly GroupImportRow[], options: ImportOptions = {}): Promise<ImportRowResult[]> {
    return importGroups(call, rows, options);
  }

  /** Legacy chmod of a group (reference permissions §4); the rules live in group-permissions.ts. */
  async changePermissions(call: CallContext, object: ExperimenterGroupI, permissions: PermissionsI): Promise<void> {
    const gid = idOf(object, 'ExperimenterGroup');
    await changeGroupPermissions(call, gid, normalisedPerms(permissions));
  }

  async #setPassword(call: CallContext, uid: number, password: string): Promise<void> {
    const user = await call.trx('experimenter').select('ldap').where({ id: uid }).first();
    if (user?.ldap) throw new SecurityViolation('Cannot change the password of an LDAP user: the LDAP password is used');
    const hash = await hashPassword(password);
    await call.trx('password').insert({ experimenter_id: uid, hash, changed: new Date() }).onConflict('experimenter_id').merge();
  }

  async #updateUserFields(call: CallContext, uid: number, e: ExperimenterI, mayRename: boolean): Promise<void> {
    const current = await this.#requireExperimenter(call, uid);
    const changes: Record<string, unknown> = {};
    const name = strOf(e.omeName);
    if (name !== null && name !== current.omename) {
      if (!mayRename) throw new SecurityViolation('omeName cannot be changed by updateSelf');
      assertUserRenamable(uid, current.omename);
      validateLogin(name);
      changes.omename = name;
    }
    if (e.firstName !== undefined && e.firstName !== null) changes.firstname = requiredStr(e.firstName, 'Experimenter.firstName');
    if (e.lastName !== undefined && e.lastName !== null) changes.lastname = requiredStr(e.lastName, 'Experimenter.lastName');
    for (const [field, column] of [['middleName', 'middlename'], ['institution', 'institution'], ['email', 'email']] as const) {
      if (e[field] !== undefined) changes[column] = strOf(e[field]);
    }
    if (Object.keys(changes).length > 0) {
      await call.trx('experimenter').where({ id: uid }).update({ ...changes, version: call.trx.raw('version + 1') });
    }
  }

  async #requireExperimenter(call: CallContext, uid: number) {
    const row = await call.trx('experimenter').select('*').where({ id: uid }).first();
    if (!row) throw new ApiUsageException(`No such experimenter: ${uid}`);
    return row;
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

function requirePassword(p: RString | string): string {
  const s = strOf(p);
  if (s === null || s.length === 0) throw new SecurityViolation('Password must not be empty');
  if (s.length > 1024) throw new ApiUsageException('Password is too long (1024 characters at most)');
  return s;
}
