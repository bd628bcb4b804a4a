import type { Knex } from 'knex';
import { ServerError } from '../../../../model/index.js';
import type { ImportOptions, ImportRowResult } from './import-types.js';

/** Thrown out of a savepoint to roll it back while keeping what it would have reported. */
class Rollback extends Error {
  constructor(readonly results: ImportRowResult[]) {
    super('rolled back');
  }
}

/** SQLSTATE classes after which the transaction itself is lost: the call must fail (and may be rerun). */
const FATAL = /^(08|40|57|53)/;

/**
 * Whether `error` is a row's fault: an OMERO refusal, or a constraint or data error of one
 * statement (e.g. a login created meanwhile by another call). A lost connection, a serialization
 * failure or a bug is not: the call fails (and may be run again).
 */
function isRowFailure(error: unknown): boolean {
  if (error instanceof ServerError) return true;
  const code = (error as { code?: unknown })?.code;
  return typeof code === 'string' && !FATAL.test(code);
}

/** The report line of a row that failed with `error`; rethrows what is not a row's fault. */
export function failedRow(line: number, name: string, error: unknown): ImportRowResult {
  if (!isRowFailure(error)) throw error;
  if (error instanceof ServerError) return { line, name, status: 'failed', id: null, details: `${error.name}: ${error.message}` };
  const e = error as Error & { code: string };
  return { line, name, status: 'failed', id: null, details: `refused by the database (${e.code}): ${e.message}` };
}

/**
 * Runs the rows of one call as the options ask (reference: issue 14). `apply` applies some rows
 * inside the savepoint it is given and reports each.
 *
 * - `dryRun`: everything is applied and reported, then rolled back; ids of rows that were to be
 *   created are null.
 * - `atomic`: one savepoint for all rows; a failed row rolls everything back, and the others are
 *   reported `unchanged` with what they would have done.
 * - otherwise every row is its own unit: the rows are applied together (a few statements for the
 *   whole chunk) and, should a statement fail, again one by one, each in its own savepoint, so
 *   that one bad row never takes the others down.
 */
export async function runImport<R extends { readonly line: number }>(
  trx: Knex.Transaction,
  rows: readonly R[],
  options: ImportOptions,
  nameOf: (row: R) => string,
  apply: (sp: Knex.Transaction, rows: readonly R[]) => Promise<ImportRowResult[]>,
): Promise<ImportRowResult[]> {
  if (options.dryRun || options.atomic) {
    try {
      return await trx.transaction(async (sp) => {
        const results = await apply(sp, rows);
        const failed = results.filter((r) => r.status === 'failed').length;
        if (options.dryRun) throw new Rollback(results.map((r) => (r.status === 'created' ? { ...r, id: null } : r)));
        if (failed > 0) throw new Rollback(results.map((r) => rolledBack(r, failed)));
        return results;
      });
    } catch (e) {
      if (e instanceof Rollback) return e.results;
      throw e;
    }
  }
  try {
    return await trx.transaction((sp) => apply(sp, rows));
  } catch (e) {
    if (rows.length === 1) return [failedRow(rows[0]!.line, nameOf(rows[0]!), e)];
    if (!isRowFailure(e)) throw e;
    const results: ImportRowResult[] = [];
    for (const row of rows) {
      try {
        results.push(...(await trx.transaction((sp) => apply(sp, [row]))));
      } catch (x) {
        results.push(failedRow(row.line, nameOf(row), x));
      }
    }
    return results;
  }
}

function rolledBack(r: ImportRowResult, failed: number): ImportRowResult {
  if (r.status === 'failed') return r;
  const would = r.status === 'unchanged' ? 'nothing to change' : `would be ${r.status}${r.details ? `: ${r.details}` : ''}`;
  return { ...r, status: 'unchanged', id: r.status === 'created' ? null : r.id, details: `not written (--atomic, ${failed} row(s) failed); ${would}` };
}
