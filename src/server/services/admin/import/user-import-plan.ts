import { ApiUsageException, SecurityViolation } from '../../../../model/index.js';
import { isPasswordHash } from '../../../auth/password-hash.js';
import type { CallContext } from '../../../call/call-context.js';
import {
  accountEditRefusal,
  ADMIN_PRIVILEGES,
  membershipRemovalRefusal,
  PRIVILEGE_CONFIG_PREFIX,
  privilegeConfigRefusal,
  SystemIds,
  type AccountTarget,
} from '../../../security/index.js';
import { throwIfRefused } from '../../refusal-exception.js';
import { requireAdmin, requireAdminOrLeader } from './import-guards.js';
import { assertMembershipRemovable } from '../membership-rules.js';
import { validateLogin } from './import-guards.js';
import type { ImportOptions, UserImportRow } from './import-types.js';
import type { ConfigState, MapState, UserImportState, UserState } from './user-import-state.js';

/** A user to create: its row, memberships in order (default first), config and password. */
export interface CreatePlan {
  readonly kind: 'create';
  readonly row: UserImportRow;
  readonly maps: readonly MapState[];
  readonly config: readonly ConfigState[];
  readonly details: string;
}

/** An existing user to change; null parts stay as they are. */
export interface UpdatePlan {
  readonly kind: 'update';
  readonly row: UserImportRow;
  readonly user: UserState;
  readonly fields: Readonly<Record<string, string | null>>;
  readonly maps: readonly MapState[] | null;
  readonly config: readonly ConfigState[] | null;
  readonly details: string;
}

/** An existing user that already matches. */
export interface SamePlan {
  readonly kind: 'unchanged';
  readonly row: UserImportRow;
  readonly id: number;
  readonly details: string;
}

export type UserPlan = CreatePlan | UpdatePlan | SamePlan;

const FIELDS = [['first', 'firstname'], ['last', 'lastname'], ['middle', 'middlename'], ['email', 'email'], ['institution', 'institution']] as const;
/** Deliberately loose (RFC 5322 is not a regex): one @, no spaces, a dot in the domain. */
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

/**
 * Decides what one row does, with every check `createExperimenter`, `updateExperimenter`,
 * `addGroups`/`removeGroups`, `setDefaultGroup` and the privilege rules make (reference
 * permissions §3, §3.1, §5.2), and the messages they give. Reads nothing: `state` holds the
 * database's facts. Throws the refusal of a row that cannot be applied.
 */
export function planUserRow(call: CallContext, state: UserImportState, row: UserImportRow, options: ImportOptions): UserPlan {
  const user = state.users.get(row.login);
  // An existing user keeps its own login, root's and guest's included.
  validateLogin(row.login, user ? Number(user.row.id) : null);
  for (const [key] of FIELDS) {
    const v = row[key];
    if (v !== undefined && v !== null && typeof v !== 'string') throw new ApiUsageException(`${key} must be text`);
  }
  if (row.email && !EMAIL.test(row.email)) throw new ApiUsageException(`invalid email address: ${row.email}`);
  if (row.password && row.passwordHash) throw new ApiUsageException('give either a password or a password hash, not both');
  if (row.passwordHash && !isPasswordHash(row.passwordHash)) throw new ApiUsageException('password-hash is not a hash of this server (`$scrypt$ln=…`)');
  return user ? planUpdate(call, state, row, user, options) : planCreate(call, state, row);
}

function resolve(state: UserImportState, refs: readonly (string | number)[] | undefined): number[] {
  if (refs === undefined) return [];
  const missing = refs.filter((r) => state.groupId(r) === undefined);
  if (missing.length > 0) throw new ApiUsageException(`unknown group${missing.length > 1 ? 's' : ''}: ${missing.join(', ')}`);
  return [...new Set(refs.map((r) => state.groupId(r)!))];
}

/** Users always carry `user` (active) and `system` (admin) last in their lists; the default comes first. */
function ordered(ids: readonly number[], defaultGroup: number | undefined): number[] {
  const list = [...new Set(ids)];
  if (defaultGroup !== undefined && list.includes(defaultGroup)) {
    const at = list.indexOf(defaultGroup);
    [list[0], list[at]] = [list[at]!, list[0]!];
  }
  // OMERO's fixDefaultGroup: `user` is never the default while another group exists.
  if (list[0] === SystemIds.USER_GROUP && list.length > 1) [list[0], list[1]] = [list[1]!, list[0]!];
  return list;
}

function privilegeConfig(row: UserImportRow, admin: boolean, kept: readonly ConfigState[]): ConfigState[] {
  const listed = row.privileges ?? [];
  const unknown = listed.filter((p) => !(ADMIN_PRIVILEGES as readonly string[]).includes(p));
  if (unknown.length > 0) throw new ApiUsageException(`unknown admin privilege${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}`);
  if (listed.length > 0 && !admin) throw new ApiUsageException('admin privileges are given for a user who is not an admin');
  const restricted = listed.length === 0 ? [] : ADMIN_PRIVILEGES.filter((p) => !listed.includes(p));
  return [...kept, ...restricted.map((p) => ({ name: `${PRIVILEGE_CONFIG_PREFIX}${p}`, value: 'false' }))];
}

function requireFullPrivileges(call: CallContext): void {
  if (call.caller.privileges.size !== ADMIN_PRIVILEGES.length) {
    throw new SecurityViolation('cannot give administrator privileges that current user does not have');
  }
}

function refuseConfig(call: CallContext, userId: number, before: readonly ConfigState[], after: readonly ConfigState[]): void {
  throwIfRefused(privilegeConfigRefusal(call.caller, userId, before, after));
}

function names(state: UserImportState, ids: readonly number[]): string {
  return ids.map((g) => state.groupName(g)).join(', ');
}

function planCreate(call: CallContext, state: UserImportState, row: UserImportRow): CreatePlan {
  if (!row.first?.trim() || !row.last?.trim()) throw new ApiUsageException('a new user needs a first and a last name');
  const groups = resolve(state, row.groups);
  const owned = resolve(state, row.ownerOf);
  const all = [...groups, ...owned];
  if (row.admin) all.push(SystemIds.SYSTEM_GROUP);
  if (row.active !== false) all.push(SystemIds.USER_GROUP);
  const list = ordered(all, groups[0] ?? owned[0]);
  if (list.length === 0 || (list.length === 1 && list[0] === SystemIds.USER_GROUP)) {
    throw new ApiUsageException('a new user needs a group (the groups column)');
  }
  requireAdminOrLeader(call, 'ModifyUser', list.filter((g) => g !== SystemIds.USER_GROUP), 'Creating users');
  if (list.includes(SystemIds.SYSTEM_GROUP)) {
    requireAdmin(call, 'ModifyGroupMembership');
    requireFullPrivileges(call);
  }
  const config = privilegeConfig(row, Boolean(row.admin), []);
  refuseConfig(call, -1, [], config);
  const maps = list.map((parent) => ({ parent, owner: owned.includes(parent) }));
  const password = row.passwordHash ? 'password hash' : row.password ? 'password' : row.generatedPassword ? 'generated password' : 'no password';
  const parts = [`member of ${names(state, list)}`];
  if (owned.length > 0) parts.push(`owner of ${names(state, owned)}`);
  if (config.length > 0) parts.push(`admin without ${config.length} privilege(s)`);
  parts.push(row.ldap ? 'LDAP' : password);
  return { kind: 'create', row, maps, config, details: parts.join('; ') };
}

function planUpdate(call: CallContext, state: UserImportState, row: UserImportRow, user: UserState, options: ImportOptions): UserPlan {
  const uid = user.row.id;
  if (options.noUpdate) return { kind: 'unchanged', row, id: uid, details: 'exists (--no-update)' };
  const changes: string[] = [];
  const fields: Record<string, string | null> = {};
  for (const [key, column] of FIELDS) {
    const v = row[key];
    if (v === undefined) continue;
    const value = v === null || v === '' ? null : v;
    if ((key === 'first' || key === 'last') && (value === null || value.trim() === '')) throw new ApiUsageException(`${key} name must not be empty`);
    if (value !== (user.row[column] ?? null)) {
      fields[column] = value;
      changes.push(key);
    }
  }
  const current = user.maps.map((m) => m.parent);
  const currentOwned = user.maps.filter((m) => m.owner).map((m) => m.parent);
  const groups = resolve(state, row.groups);
  const owned = resolve(state, row.ownerOf);
  const has = (g: number) => current.includes(g);
  let target = row.groups !== undefined ? [...groups] : current.filter((g) => g !== SystemIds.SYSTEM_GROUP && g !== SystemIds.USER_GROUP);
  // Without an owner-of column the groups a user owns are not in question: kept.
  target.push(...(row.ownerOf !== undefined ? owned : currentOwned.filter((g) => g !== SystemIds.SYSTEM_GROUP && g !== SystemIds.USER_GROUP)));
  if (row.admin ?? has(SystemIds.SYSTEM_GROUP)) target.push(SystemIds.SYSTEM_GROUP);
  if (row.active ?? has(SystemIds.USER_GROUP)) target.push(SystemIds.USER_GROUP);
  if (options.addOnly) target.push(...current);
  target = [...new Set(target)];
  const ownersWanted = new Set(row.ownerOf !== undefined ? owned : currentOwned);
  // Owning `system` or `user` is not what owner-of lists (user list shows them as admin/active): kept.
  const special = (g: number) => g === SystemIds.SYSTEM_GROUP || g === SystemIds.USER_GROUP;
  for (const g of currentOwned) if (options.addOnly || special(g)) ownersWanted.add(g);
  // Kept groups keep their order, new ones follow; the file's first group becomes the default.
  const kept = current.filter((g) => target.includes(g));
  const keep = row.groups === undefined || (row.keepDefault && kept.includes(current[0]!));
  const list = ordered([...kept, ...target.filter((g) => !kept.includes(g))], keep ? current[0] : groups[0] ?? owned[0]);
  const maps = list.map((parent) => ({ parent, owner: ownersWanted.has(parent) }));
  const added = list.filter((g) => !has(g));
  const removed = current.filter((g) => !list.includes(g));
  const ownerChanged = list.filter((g) => has(g) && currentOwned.includes(g) !== ownersWanted.has(g));
  const mapsChanged = JSON.stringify(maps) !== JSON.stringify(user.maps);
  // The account rules of the single-row methods (security/account-rules.ts): since OMERO 5.6.1 a
  // group owner no longer edits existing users, and nobody edits a more privileged user or root.
  const account = accountOf(uid, current, user.config);
  if (Object.keys(fields).length > 0 && uid !== call.caller.userId) {
    throwIfRefused(accountEditRefusal(call.caller, account, 'identity', false));
  }
  if (mapsChanged) {
    const touched = [...new Set([...added, ...removed, ...ownerChanged])];
    if (touched.length > 0) requireAdminOrLeader(call, 'ModifyGroupMembership', touched, 'Changing group membership');
    if (added.includes(SystemIds.SYSTEM_GROUP)) requireFullPrivileges(call);
    if (removed.length > 0) {
      throwIfRefused(membershipRemovalRefusal(call.caller, account, removed));
      assertMembershipRemovable(uid, call.caller.userId, removed, list);
    }
    if (list[0] !== current[0] && uid !== call.caller.userId && !(call.caller.isAdmin && call.caller.privileges.has('ModifyUser'))) {
      throw new SecurityViolation(`User ${call.caller.userId} can only set own default group.`);
    }
    if (added.length > 0) changes.push(`+${names(state, added)}`);
    if (removed.length > 0) changes.push(`-${names(state, removed)}`);
    const ownerAdded = ownerChanged.filter((g) => ownersWanted.has(g));
    const ownerRemoved = ownerChanged.filter((g) => !ownersWanted.has(g));
    if (ownerAdded.length > 0) changes.push(`owner +${names(state, ownerAdded)}`);
    if (ownerRemoved.length > 0) changes.push(`owner -${names(state, ownerRemoved)}`);
    if (list[0] !== current[0]) changes.push(`default ${state.groupName(list[0]!)}`);
  }
  let config: ConfigState[] | null = null;
  if (row.privileges !== undefined || row.admin === false) {
    const others = user.config.filter((c) => !c.name.startsWith(PRIVILEGE_CONFIG_PREFIX));
    const isAdmin = list.includes(SystemIds.SYSTEM_GROUP);
    // A user leaving `system` keeps no restriction entries (they are inert on non-admins).
    const wanted = isAdmin && row.privileges !== undefined ? privilegeConfig(row, true, others) : isAdmin ? [...user.config] : others;
    if (JSON.stringify(wanted) !== JSON.stringify(user.config)) {
      refuseConfig(call, uid, user.config, wanted);
      config = wanted;
      changes.push('admin privileges');
    }
  }
  const note = row.password || row.passwordHash ? 'password not changed (existing user)' : '';
  if (changes.length === 0) return { kind: 'unchanged', row, id: uid, details: note };
  return { kind: 'update', row, user, fields, maps: mapsChanged ? maps : null, config, details: [...changes, ...(note ? [note] : [])].join('; ') };
}

/** A user of the file as the account rules see it: memberships, and privileges if an admin. */
function accountOf(userId: number, memberOf: readonly number[], config: readonly ConfigState[]): AccountTarget {
  if (!memberOf.includes(SystemIds.SYSTEM_GROUP)) return { userId, privileges: [], memberOf };
  const off = new Set(config.filter((c) => c.name.startsWith(PRIVILEGE_CONFIG_PREFIX) && c.value.toLowerCase() === 'false').map((c) => c.name.slice(PRIVILEGE_CONFIG_PREFIX.length)));
  return { userId, privileges: ADMIN_PRIVILEGES.filter((p) => !off.has(p)), memberOf };
}
