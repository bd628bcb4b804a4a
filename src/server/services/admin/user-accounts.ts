import { ApiUsageException, SecurityViolation, ValidationException, type ExperimenterI, type RString } from '../../../model/index.js';
import { hashPassword } from '../../auth/password-hash.js';
import type { CallContext } from '../../call/call-context.js';
import {
  accountEditRefusal,
  ADMIN_PRIVILEGES,
  adminGrantRefusal,
  adminOrLeaderRefusal,
  loginNameRefusal,
  renameRefusal,
  SystemIds,
  type AdminPrivilege,
  type Refusal,
} from '../../security/index.js';
import { recordChange } from '../audit/audit-log.js';
import { throwIfRefused } from '../refusal-exception.js';
import { requiredStr, strOf } from './admin-arguments.js';
import { endSessionsOf, isJustCreatedBy, loadAccount } from './account-facts.js';
import { addMembership, fixDefaultGroup } from './membership-ops.js';

/** The identity columns of a user, as the audit log shows them before and after a change. */
const IDENTITY_COLUMNS = ['omename', 'firstname', 'middlename', 'lastname', 'email', 'institution', 'ldap'] as const;

/** A login a user may be given; also unique whatever the case (`ROOT` cannot pass for `root`). */
export async function checkNewLogin(call: CallContext, name: string, userId: number | null): Promise<void> {
  throwIfRefused(loginNameRefusal(name, userId));
  const clash = await call.trx('experimenter').select('id').whereRaw('lower(omename) = lower(?)', [name]).first();
  if (clash && Number(clash.id) !== userId) throw new ValidationException(`User already exists: ${name}`);
}

/** Options of `createUserAccount`. */
export interface NewAccount {
  /** Group ids, the default first. */
  readonly groups: readonly number[];
  /** For a restricted admin: the privileges it will hold (checked instead of all 15). */
  readonly privileges?: readonly AdminPrivilege[];
  /** Audit action name. */
  readonly action: string;
}

/**
 * Creates a user (reference api §1.3): admins with ModifyUser, or owners of every group the user
 * joins ("user" aside). Joining "system" makes an administrator: the caller needs every privilege
 * the new user gets (all 15, or `privileges` for a restricted admin). No password is stored: the
 * account cannot log in until one is set.
 */
export async function createUserAccount(call: CallContext, e: ExperimenterI, account: NewAccount): Promise<number> {
  const all = account.groups;
  throwIfRefused(adminOrLeaderRefusal(call.caller, 'ModifyUser', all.filter((g) => g !== SystemIds.USER_GROUP), 'Creating users'));
  if (all.includes(SystemIds.SYSTEM_GROUP)) {
    throwIfRefused(adminGrantRefusal(call.caller, account.privileges ?? ADMIN_PRIVILEGES));
  }
  const omeName = requiredStr(e?.omeName, 'Experimenter.omeName');
  await checkNewLogin(call, omeName, null);
  const firstName = requiredStr(e.firstName, 'Experimenter.firstName');
  const lastName = requiredStr(e.lastName, 'Experimenter.lastName');
  const found = await call.trx('experimentergroup').select('id').whereIn('id', [...all]);
  const missing = all.filter((g) => !found.some((f) => Number(f.id) === g));
  if (missing.length > 0) throw new ApiUsageException(`No such group: ${missing[0]}`);
  const [row] = await call.trx('experimenter')
    .insert({
      omename: omeName,
      firstname: firstName,
      lastname: lastName,
      middlename: strOf(e.middleName),
      institution: strOf(e.institution),
      email: strOf(e.email),
      ldap: Boolean(e.ldap?.val),
    })
    .returning('id');
  const uid = Number(row.id);
  for (const g of all) await addMembership(call.trx, uid, g);
  await fixDefaultGroup(call.trx, uid);
  // The action name `createExperimenter` is what `isJustCreatedBy` looks for.
  await recordChange(call, {
    action: 'createExperimenter',
    targetType: 'Experimenter',
    targetId: uid,
    targetName: omeName,
    after: { groups: all, ...(account.privileges ? { privileges: account.privileges } : {}), via: account.action },
  });
  return uid;
}

/** Refuses an edit of another user's account per `accountEditRefusal`. */
async function checkAccountEdit(call: CallContext, userId: number, edit: 'identity' | 'password'): Promise<void> {
  const target = await loadAccount(call.trx, userId);
  const justCreated = call.caller.leaderOf.length > 0 ? await isJustCreatedBy(call, userId) : false;
  throwIfRefused(accountEditRefusal(call.caller, target, edit, justCreated));
}

/** Whether an edit of `userId` by the caller is an edit of someone else's account. */
function isOther(call: CallContext, userId: number): boolean {
  return userId !== call.caller.userId;
}

/**
 * Changes a user's names, email, institution and (when `mayRename`) login. Another user's account
 * needs `accountEditRefusal`'s consent; a login change keeps root and guest as they are and
 * refuses reserved or clashing names. Recorded in the audit log with before and after.
 */
export async function updateUserFields(call: CallContext, uid: number, e: ExperimenterI, mayRename: boolean): Promise<void> {
  if (isOther(call, uid)) await checkAccountEdit(call, uid, 'identity');
  const current = await call.trx('experimenter').select('*').where({ id: uid }).first();
  if (!current) throw new ApiUsageException(`No such experimenter: ${uid}`);
  const changes: Record<string, unknown> = {};
  const name = strOf(e.omeName);
  if (name !== null && name !== current.omename) {
    if (!mayRename) throw new SecurityViolation('omeName cannot be changed by updateSelf');
    throwIfRefused(renameRefusal(uid, current.omename));
    await checkNewLogin(call, name, uid);
    changes.omename = name;
  }
  if (e.firstName !== undefined && e.firstName !== null) changes.firstname = requiredStr(e.firstName, 'Experimenter.firstName');
  if (e.lastName !== undefined && e.lastName !== null) changes.lastname = requiredStr(e.lastName, 'Experimenter.lastName');
  for (const [field, column] of [['middleName', 'middlename'], ['institution', 'institution'], ['email', 'email']] as const) {
    if (e[field] !== undefined) changes[column] = strOf(e[field]);
  }
  for (const k of Object.keys(changes)) if (changes[k] === current[k]) delete changes[k];
  if (Object.keys(changes).length === 0) return;
  await call.trx('experimenter').where({ id: uid }).update({ ...changes, version: call.trx.raw('version + 1') });
  await recordIdentityChange(call, uid, current, changes, isOther(call, uid) ? 'updateExperimenter' : 'updateSelf');
}

/** Records an identity change: the changed columns before and after. */
export async function recordIdentityChange(call: CallContext, uid: number, current: Record<string, unknown>, changes: Record<string, unknown>, action: string): Promise<void> {
  const columns = IDENTITY_COLUMNS.filter((c) => c in changes);
  await recordChange(call, {
    action,
    targetType: 'Experimenter',
    targetId: uid,
    targetName: String(changes.omename ?? current.omename),
    before: Object.fromEntries(columns.map((c) => [c, current[c] ?? null])),
    after: Object.fromEntries(columns.map((c) => [c, changes[c] ?? null])),
  });
}

/** Checks an IUpdate change of another user's identity columns (names, email, LDAP flag). */
export async function identityEditRefusalFor(call: CallContext, uid: number): Promise<Refusal | null> {
  if (!isOther(call, uid)) return null;
  const target = await loadAccount(call.trx, uid);
  return accountEditRefusal(call.caller, target, 'identity', false);
}

/**
 * Sets a user's password. Another user's password needs `accountEditRefusal`'s consent (admins
 * with ModifyUser over users no more privileged than themselves; a group owner only for a user it
 * has just created); LDAP users keep their LDAP password. The user's other sessions end; the
 * audit log records that the password changed, never the password.
 */
export async function setUserPassword(call: CallContext, uid: number, password: string, action: string): Promise<void> {
  if (isOther(call, uid)) await checkAccountEdit(call, uid, 'password');
  const user = await call.trx('experimenter').select('ldap', 'omename').where({ id: uid }).first();
  if (!user) throw new ApiUsageException(`No such experimenter: ${uid}`);
  if (user.ldap) throw new SecurityViolation('Cannot change the password of an LDAP user: the LDAP password is used');
  const hash = await hashPassword(password);
  await call.trx('password').insert({ experimenter_id: uid, hash, changed: new Date() }).onConflict('experimenter_id').merge();
  await endSessionsOf(call, uid);
  await recordChange(call, { action, targetType: 'Experimenter', targetId: uid, targetName: String(user.omename), after: { password: 'changed' } });
}

/** A new password: not empty, at most 1024 characters. */
export function requirePassword(p: RString | string): string {
  const s = strOf(p);
  if (s === null || s.length === 0) throw new SecurityViolation('Password must not be empty');
  if (s.length > 1024) throw new ApiUsageException('Password is too long (1024 characters at most)');
  return s;
}
