import { ApiUsageException, parsePrivileges, UnknownPrivilegeError } from '../../../model/index.js';
import type { CallContext } from '../../call/call-context.js';
import {
  ADMIN_PRIVILEGES,
  adminCommandRefusal,
  PRIVILEGE_CONFIG_PREFIX,
  privilegeChangeRefusal,
  privilegesOf,
  SystemIds,
  type AdminPrivilege,
} from '../../security/index.js';
import { auditable } from '../audit/audit-refusal.js';
import { refusalException, throwIfRefused } from '../refusal-exception.js';
import { recordChange } from '../audit/audit-log.js';
import { endSessionsOf, loadAccount, privilegesShrank } from './account-facts.js';

/**
 * Light-admin privileges as OMERO stores them (reference permissions §3.1): restrictions in the
 * user's `experimenter_config`, `AdminPrivilege:<X>` = `false` for each privilege withheld.
 */

/**
 * Privileges given as names, RStrings or `AdminPrivilege` objects (`{ value: 'Sudo' }`), as
 * OMERO's API passes them; ApiUsageException listing the valid names for anything unknown.
 */
export function privilegeArguments(list: unknown): AdminPrivilege[] {
  const items = Array.isArray(list) ? list : list === null || list === undefined ? [] : [list];
  const names = items.map((x) => {
    let v: unknown = x;
    if (v && typeof v === 'object' && 'value' in (v as object)) v = (v as { value: unknown }).value;
    if (v && typeof v === 'object' && 'val' in (v as object)) v = (v as { val: unknown }).val;
    return String(v);
  });
  const unknown = names.filter((n) => !(ADMIN_PRIVILEGES as readonly string[]).includes(n));
  if (unknown.length > 0) throw new ApiUsageException(new UnknownPrivilegeError(unknown).message);
  return parsePrivileges(names);
}

/** A command label the audit log may record (`user add`); anything else is not trusted as one. */
const COMMAND_LABEL = /^[a-z][a-z0-9-]*( [a-z][a-z0-9-]*){0,3}$/;

/**
 * `IAdmin.requireAdminPrivileges(privileges, command)` (ours): the `@admin_only` guard of a CLI
 * command, decided here rather than in the client so that every refusal is the server's and is
 * audited — under `command` when it is a plain command label. `privileges` may name bundles;
 * unknown names are refused (ApiUsageException listing the valid ones) before anything else.
 * The entry can only say that this caller was refused: the caller cannot write anyone else's.
 */
export function requireCommandPrivileges(call: CallContext, privileges: unknown, command: unknown): void {
  const label = typeof command === 'string' && COMMAND_LABEL.test(command) ? command : null;
  const words = (Array.isArray(privileges) ? privileges : []).map((w) => String(w));
  let wanted: AdminPrivilege[];
  try {
    wanted = parsePrivileges(words);
  } catch (e) {
    if (e instanceof UnknownPrivilegeError) throw auditable(new ApiUsageException(e.message), label);
    throw e;
  }
  const refusal = adminCommandRefusal(call.caller, wanted);
  if (refusal) throw auditable(refusalException(refusal), label);
}

/** The config rows of a user, in index order. */
async function configRows(call: CallContext, userId: number): Promise<Array<{ name: string; value: string }>> {
  return call.trx('experimenter_config').select('name', 'value').where({ experimenter_id: userId }).orderBy('index');
}

/**
 * Writes `privileges` as the user's restrictions: other config entries stay, every
 * `AdminPrivilege:*` entry is replaced by one `=false` entry per withheld privilege.
 */
async function writePrivileges(call: CallContext, userId: number, privileges: readonly AdminPrivilege[]): Promise<void> {
  const kept = (await configRows(call, userId)).filter((c) => !c.name.startsWith(PRIVILEGE_CONFIG_PREFIX));
  const withheld = ADMIN_PRIVILEGES.filter((p) => !privileges.includes(p)).map((p) => ({ name: `${PRIVILEGE_CONFIG_PREFIX}${p}`, value: 'false' }));
  await call.trx('experimenter_config').where({ experimenter_id: userId }).delete();
  const rows = [...kept, ...withheld].map((c, index) => ({ experimenter_id: userId, index, name: c.name, value: c.value }));
  if (rows.length > 0) await call.trx('experimenter_config').insert(rows);
  await call.trx('experimenter').where({ id: userId }).update({ version: call.trx.raw('version + 1') });
}

/**
 * `IAdmin.setAdminPrivileges(user, privileges)`: the user's privileges become exactly these.
 * Refused for root, for privileges the caller lacks (both granting and withdrawing), and for a
 * user holding privileges the caller lacks. Sessions of the user end when privileges shrink.
 */
export async function setAdminPrivileges(call: CallContext, userId: number, privileges: readonly AdminPrivilege[]): Promise<void> {
  const target = await loadAccount(call.trx, userId);
  const config = await configRows(call, userId);
  // What the stored restrictions say, whether or not the user is an admin right now.
  const before = privilegesOf(userId, true, config);
  throwIfRefused(privilegeChangeRefusal(call.caller, target, new Set(before), new Set(privileges)));
  if (userId === SystemIds.ROOT_USER) return;
  await writePrivileges(call, userId, privileges);
  await recordChange(call, { action: 'setAdminPrivileges', targetType: 'Experimenter', targetId: userId, targetName: target.omeName, before, after: [...privileges] });
  if (privilegesShrank(before, privileges)) await endSessionsOf(call, userId);
}

/** `IAdmin.getAdminsWithPrivileges(privileges)`: the admins holding every one of them. */
export async function adminsWithPrivileges(call: CallContext, privileges: readonly AdminPrivilege[]): Promise<number[]> {
  const admins = await call.db('groupexperimentermap').select('child').where({ parent: SystemIds.SYSTEM_GROUP }).orderBy('child');
  const ids = admins.map((a) => Number(a.child));
  const config = await call.db('experimenter_config').select('experimenter_id', 'name', 'value').whereIn('experimenter_id', ids);
  return ids.filter((id) => {
    const held = privilegesOf(id, true, config.filter((c) => Number(c.experimenter_id) === id));
    return privileges.every((p) => held.includes(p));
  });
}

/** The privileges a user would hold as an admin (their stored restrictions applied). */
export async function privilegesIfAdmin(call: CallContext, userId: number): Promise<AdminPrivilege[]> {
  return privilegesOf(userId, true, await configRows(call, userId));
}

/** Writes the restrictions of a user being created as a restricted admin. */
export async function restrictNewAdmin(call: CallContext, userId: number, privileges: readonly AdminPrivilege[]): Promise<void> {
  await writePrivileges(call, userId, privileges);
}
