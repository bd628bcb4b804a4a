import type { Knex } from 'knex';
import { ApiUsageException, PermissionsI, ServerError } from '../../../../model/index.js';
import type { CallContext } from '../../../call/call-context.js';
import { requireAdmin, requireAdminOrLeader } from './import-guards.js';
import { normalisedPerms } from '../admin-service.js';
import { changeGroupPermissions } from '../group-permissions.js';
import { addMembership, fixDefaultGroup, setOwner } from '../membership-ops.js';
import { failedRow, runImport } from './import-scope.js';
import type { GroupImportRow, ImportOptions, ImportRowResult } from './import-types.js';

const PRIVATE = -120;

/**
 * `IAdmin.importGroups(rows, options)`: creates or updates groups to match their rows — name,
 * permission level, description, owners — with the checks of `createGroup`, `updateGroup`, the
 * legacy `changePermissions` (a downgrade to private that would sever links between owners is
 * refused: `omero group perms --dry-run` shows what it would sever) and `addGroupOwners`.
 */
export async function importGroups(call: CallContext, rows: readonly GroupImportRow[], options: ImportOptions = {}): Promise<ImportRowResult[]> {
  if (!Array.isArray(rows) || rows.some((r) => typeof r?.name !== 'string' || typeof r?.line !== 'number')) {
    throw new ApiUsageException('each row needs a name (text) and a line (number)');
  }
  const opts = options ?? {};
  return runImport(call.trx, rows, opts, (r) => r.name, async (sp, some) => {
    const results: ImportRowResult[] = [];
    for (const row of some) {
      try {
        results.push(await applyRow(call, sp, row, opts));
      } catch (e) {
        if (!(e instanceof ServerError)) throw e;
        results.push(failedRow(row.line, row.name, e));
        // A refused row may have written part of itself: rethrown, its savepoint is rolled back
        // (runImport reruns the rows one by one, and reports a lone row as failed).
        if (!opts.atomic && !opts.dryRun) throw e;
      }
    }
    return results;
  });
}

async function applyRow(call: CallContext, sp: Knex.Transaction, row: GroupImportRow, options: ImportOptions): Promise<ImportRowResult> {
  const name = row.name.trim();
  if (name === '' || name !== row.name) throw new ApiUsageException(`Invalid group name: ${JSON.stringify(row.name)}`);
  const perm1 = row.permissions === undefined ? undefined : normalisedPerms(row.permissions);
  const ownerIds = await loginIds(sp, row.owners);
  const existing = await sp('experimentergroup').select('*').where({ name }).first();
  const changes: string[] = [];
  let gid: number;
  if (!existing) {
    requireAdmin(call, 'ModifyGroup');
    const [created] = await sp('experimentergroup')
      .insert({ name, description: row.description || null, permissions: perm1 ?? PRIVATE, ldap: false })
      .returning('id');
    gid = Number(created.id);
    changes.push(`permissions ${new PermissionsI(perm1 ?? PRIVATE)}`);
  } else {
    gid = Number(existing.id);
    if (options.noUpdate) return { line: row.line, name, status: 'unchanged', id: gid, details: 'exists (--no-update)' };
    const description = row.description === undefined ? undefined : row.description || null;
    if (description !== undefined && description !== existing.description) {
      requireAdminOrLeader(call, 'ModifyGroup', [gid], 'Updating groups');
      await sp('experimentergroup').where({ id: gid }).update({ description, version: sp.raw('version + 1') });
      changes.push('description');
    }
    if (perm1 !== undefined && perm1 !== Number(existing.permissions)) {
      // The legacy path's rules, on this savepoint: the call's caller and session (for the audit
      // entry, which stands or falls with the row), its transaction replaced by the savepoint.
      const onSavepoint = { trx: sp, caller: call.caller, session: call.session, address: call.address } as unknown as CallContext;
      await changeGroupPermissions(onSavepoint, gid, perm1);
      changes.push(`permissions ${new PermissionsI(Number(existing.permissions))} → ${new PermissionsI(perm1)}`);
    }
  }
  if (ownerIds) changes.push(...(await applyOwners(call, sp, gid, ownerIds, options)));
  const status = !existing ? 'created' : changes.length > 0 ? 'updated' : 'unchanged';
  return { line: row.line, name, status, id: gid, details: changes.join('; ') };
}

/** Ids of the owners' logins; unknown logins refuse the row. */
async function loginIds(sp: Knex.Transaction, logins: readonly string[] | undefined): Promise<Map<number, string> | null> {
  if (logins === undefined) return null;
  const rows = logins.length === 0 ? [] : await sp('experimenter').select('id', 'omename').whereIn('omename', [...logins]);
  const missing = logins.filter((l) => !rows.some((r) => r.omename === l));
  if (missing.length > 0) throw new ApiUsageException(`unknown user${missing.length > 1 ? 's' : ''}: ${missing.join(', ')}`);
  return new Map(rows.map((r) => [Number(r.id), String(r.omename)]));
}

/** Makes the owners exactly `wanted` (with `addOnly`, adds only); new owners become members too. */
async function applyOwners(call: CallContext, sp: Knex.Transaction, gid: number, wanted: Map<number, string>, options: ImportOptions): Promise<string[]> {
  const current = await sp('experimenter as e')
    .join('groupexperimentermap as m', 'm.child', 'e.id')
    .where({ 'm.parent': gid, 'm.owner': true })
    .select('e.id', 'e.omename');
  const currentIds = new Set(current.map((r) => Number(r.id)));
  const added = [...wanted.keys()].filter((u) => !currentIds.has(u));
  const removed = options.addOnly ? [] : current.filter((r) => !wanted.has(Number(r.id)));
  if (added.length === 0 && removed.length === 0) return [];
  requireAdminOrLeader(call, 'ModifyGroupMembership', [gid], 'Changing group owners');
  for (const uid of added) {
    if (!(await addMembership(sp, uid, gid, true))) await setOwner(sp, uid, gid, true);
    await fixDefaultGroup(sp, uid);
  }
  for (const r of removed) await setOwner(sp, Number(r.id), gid, false);
  const changes: string[] = [];
  if (added.length > 0) changes.push(`owners +${added.map((u) => wanted.get(u)).join(', ')}`);
  if (removed.length > 0) changes.push(`owners -${removed.map((r) => r.omename).join(', ')}`);
  return changes;
}
