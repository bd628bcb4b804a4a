import { IObject, ParametersI, RObjectI } from '../../model/index.js';
import type { Ctx } from '../remote.js';
import type { AsyncAdminService, AsyncQueryService } from '../async-proxies.js';
import { runAsync, runBlocking, step, type Steps } from '../call-steps.js';
import type { AdminServicePrx } from '../services/admin-service-prx.js';
import type { QueryServicePrx } from '../services/query-service-prx.js';

type Admin = Pick<AdminServicePrx, 'getGroup' | 'getEventContext'> | Pick<AsyncAdminService, 'getGroup' | 'getEventContext'>;
type Query = Pick<QueryServicePrx, 'projection'> | Pick<AsyncQueryService, 'projection'>;

/** Where a query that found nothing would have found rows the caller may read. */
export interface EmptyResultHint {
  /** The group that was searched (the call's `omero.group`, else the session's). */
  readonly searched: string;
  /** How many rows the same query finds in all the caller's groups (`omero.group = -1`). */
  readonly total: number;
  /** Those rows by group name, when the rows are objects (their details name the group). */
  readonly byGroup: ReadonlyArray<readonly [string, number]>;
}

/** Rows read at most to count them: a hint, not a second full query. */
const HINT_ROWS = 1000;

/**
 * For a query that found nothing: runs it again in every group the caller belongs to
 * (`omero.group = -1`), which counts only rows the caller may read — the server applies the same
 * visibility as to any query — and says in which groups they are. Null when the call already
 * searched all groups, when nothing would be found there either, or when the second query fails
 * (a hint never turns into an error).
 */
export function emptyResultHint(
  query: QueryServicePrx,
  admin: AdminServicePrx,
  hql: string,
  params: ParametersI | null | undefined,
  ctx: Ctx | null | undefined,
): EmptyResultHint | null {
  return runBlocking(hintSteps(query, admin, hql, params, ctx));
}

/** `emptyResultHint` with async proxies (the CLI's `omero hql`). */
export function emptyResultHintAsync(
  query: AsyncQueryService,
  admin: AsyncAdminService,
  hql: string,
  params: ParametersI | null | undefined,
  ctx: Ctx | null | undefined,
): Promise<EmptyResultHint | null> {
  return runAsync(hintSteps(query, admin, hql, params, ctx));
}

function* hintSteps(query: Query, admin: Admin, hql: string, params: ParametersI | null | undefined, ctx: Ctx | null | undefined): Steps<EmptyResultHint | null> {
  const group = ctx?.['omero.group'];
  if (group !== undefined && String(group) === '-1') return null;
  try {
    const searched = group !== undefined ? String((yield* step(admin.getGroup(Number(group)))).name?.val) : (yield* step(admin.getEventContext())).groupName;
    // The named parameters as given; the page is ours (the first rows are enough to count).
    const p = new ParametersI({ ...(params?.map ?? {}) }).page(0, HINT_ROWS);
    const rows = yield* step(query.projection(hql, p, { ...ctx, 'omero.group': '-1' }));
    if (rows.length === 0) return null;
    const counts = new Map<string, number>();
    for (const row of rows) {
      const id = groupOf(row[0]);
      if (id === null) continue;
      const name = yield* groupName(admin, id);
      counts.set(name, (counts.get(name) ?? 0) + 1);
    }
    return { searched, total: rows.length, byGroup: [...counts].sort(([a], [b]) => a.localeCompare(b)) };
  } catch {
    return null;
  }
}

/** One line: `Nothing found in group private-1; 2 rows you may read are in read-only-1 (2): <how>`. */
export function formatEmptyResultHint(hint: EmptyResultHint, how: string): string {
  const where = hint.byGroup.length > 0 ? ` in ${hint.byGroup.map(([g, n]) => `${g} (${n})`).join(', ')}` : ' in your other groups';
  const rows = `${hint.total}${hint.total >= HINT_ROWS ? '+' : ''} row${hint.total === 1 ? '' : 's'} you may read ${hint.total === 1 ? 'is' : 'are'}`;
  return `Nothing found in group ${hint.searched}; ${rows}${where}: ${how}`;
}

function groupOf(cell: unknown): number | null {
  const value = cell instanceof RObjectI ? cell.val : cell;
  if (!(value instanceof IObject)) return null;
  const id = value.details?.group?.id?.val;
  return id === undefined || id === null ? null : Number(id);
}

function* groupName(admin: Admin, id: number): Steps<string> {
  try {
    return String((yield* step(admin.getGroup(id))).name?.val ?? `#${id}`);
  } catch {
    return `#${id}`;
  }
}
