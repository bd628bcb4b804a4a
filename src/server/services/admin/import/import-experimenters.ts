import type { Knex } from 'knex';
import { ApiUsageException, ServerError } from '../../../../model/index.js';
import type { CallContext } from '../../../call/call-context.js';
import { hasPrivilege } from '../../../security/index.js';
import { failedRow, runImport } from './import-scope.js';
import type { ImportOptions, ImportRowResult, UserImportRow } from './import-types.js';
import { planUserRow, type UserPlan } from './user-import-plan.js';
import { UserImportState } from './user-import-state.js';
import { createUsers, updateUser } from './user-import-writes.js';

const PRIVATE = -120;

/**
 * `IAdmin.importExperimenters(rows, options)`: creates or updates users so that each matches its
 * row (see {@link UserImportRow}), with the caller's privileges and every check of the single-user
 * methods; answers one {@link ImportRowResult} per row, in order. How rows are grouped into
 * transactions, and dry runs, follow {@link runImport}.
 */
export async function importExperimenters(call: CallContext, rows: readonly UserImportRow[], options: ImportOptions = {}): Promise<ImportRowResult[]> {
  const list = checkedRows(rows);
  return runImport(call.trx, list, options ?? {}, (r) => r.login, (sp, some) => applyRows(call, sp, some, options ?? {}));
}

function checkedRows(rows: readonly UserImportRow[]): UserImportRow[] {
  if (!Array.isArray(rows)) throw new ApiUsageException('rows must be a list');
  for (const r of rows) {
    if (typeof r !== 'object' || r === null || typeof r.login !== 'string' || typeof r.line !== 'number') {
      throw new ApiUsageException('each row needs a login (text) and a line (number)');
    }
  }
  return rows;
}

async function applyRows(call: CallContext, sp: Knex.Transaction, rows: readonly UserImportRow[], options: ImportOptions): Promise<ImportRowResult[]> {
  const state = await UserImportState.load(sp, rows);
  const created = await createMissingGroups(call, sp, state, rows, options);
  const seen = new Set<string>();
  const plans: (UserPlan | ImportRowResult)[] = rows.map((row) => {
    try {
      if (seen.has(row.login)) throw new ApiUsageException(`duplicate login in this call: ${row.login}`);
      seen.add(row.login);
      return planUserRow(call, state, row, options);
    } catch (e) {
      if (!(e instanceof ServerError)) throw e;
      return failedRow(row.line, row.login, e);
    }
  });
  const creates = plans.filter((p): p is Extract<UserPlan, { kind: 'create' }> => 'kind' in p && p.kind === 'create');
  const ids = await createUsers(sp, creates, !options.dryRun);
  for (const p of plans) if ('kind' in p && p.kind === 'update') await updateUser(sp, p);
  return plans.map((p) => {
    if (!('kind' in p)) return p;
    const note = created.get(p.row.line);
    const details = note ? `${note}; ${p.details}` : p.details;
    switch (p.kind) {
      case 'create':
        return { line: p.row.line, name: p.row.login, status: 'created', id: ids.get(p.row.login) ?? null, details };
      case 'update':
        return { line: p.row.line, name: p.row.login, status: 'updated', id: p.user.row.id, details };
      case 'unchanged':
        return { line: p.row.line, name: p.row.login, status: 'unchanged', id: p.id, details };
    }
  });
}

/**
 * With `createGroups`, creates the named groups that do not exist (private, as `createGroup`
 * does; admins with ModifyGroup only) and notes each on the first row naming it. Without it, or
 * without the privilege, those rows fail as naming unknown groups.
 */
async function createMissingGroups(
  call: CallContext,
  sp: Knex.Transaction,
  state: UserImportState,
  rows: readonly UserImportRow[],
  options: ImportOptions,
): Promise<Map<number, string>> {
  const notes = new Map<number, string>();
  if (!options.createGroups) return notes;
  const firstLine = new Map<string, number>();
  for (const row of rows) {
    for (const ref of [...(row.groups ?? []), ...(row.ownerOf ?? [])]) {
      if (typeof ref === 'string' && state.groupId(ref) === undefined && !firstLine.has(ref)) firstLine.set(ref, row.line);
    }
  }
  // Without ModifyGroup nothing is created and those rows fail, each naming its unknown groups.
  if (firstLine.size === 0 || !hasPrivilege(call.caller, 'ModifyGroup')) return notes;
  const inserted = await sp('experimentergroup')
    .insert([...firstLine.keys()].map((name) => ({ name, permissions: PRIVATE, ldap: false })))
    .returning(['id', 'name']);
  for (const g of inserted) {
    state.addGroup(Number(g.id), String(g.name));
    const line = firstLine.get(String(g.name))!;
    notes.set(line, [notes.get(line), `created group ${g.name}`].filter(Boolean).join('; '));
  }
  return notes;
}
