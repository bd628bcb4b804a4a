import type { ReadScope, SqlFragment } from './read-scope.js';

/** Quotes an identifier for PostgreSQL (doubles embedded quotes). */
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/**
 * The visibility predicate for one data table alias (reference permissions §2.3–2.4), as SQL with
 * placeholders: `group_id = any(?) or (owner_id = ? and group_id = any(?))`, reduced where the
 * scope allows. Index-friendly on `(group_id, owner_id)` and `(owner_id)`.
 */
export function visibilitySql(scope: ReadScope, alias: string): SqlFragment {
  if (scope.everything) return { sql: 'true', bindings: [] };
  const group = `${quoteIdent(alias)}.group_id`;
  const owner = `${quoteIdent(alias)}.owner_id`;
  const parts: string[] = [];
  const bindings: unknown[] = [];
  if (scope.groupIds.length > 0) {
    parts.push(`${group} = any(?)`);
    bindings.push([...scope.groupIds]);
  }
  if (scope.ownGroupIds === 'any') {
    parts.push(`${owner} = ?`);
    bindings.push(scope.userId);
  } else if (scope.ownGroupIds.length > 0) {
    parts.push(`(${owner} = ? and ${group} = any(?))`);
    bindings.push(scope.userId, [...scope.ownGroupIds]);
  }
  if (parts.length === 0) return { sql: 'false', bindings: [] };
  return { sql: `(${parts.join(' or ')})`, bindings };
}

/** The table of walked groups (`unnest(…) as "walk"("group_id")`) and its column. */
export const WALK = Object.freeze({ alias: 'walk', column: 'group_id' });

/** The group a branch walks, as its condition names it. */
export const WALKED_GROUP = `${quoteIdent(WALK.alias)}.${quoteIdent(WALK.column)}`;

/**
 * One part of the visibility predicate, shaped so that a page in id order can be read from an
 * index range per group instead of from every readable row (`hql/transformer/page-walk.ts`).
 */
export interface VisibilityBranch {
  /** Groups read one at a time, each named `WALKED_GROUP` in `sql`; null: one range for the whole branch. */
  readonly groupIds: readonly number[] | null;
  /** The branch's row condition, with `?` placeholders for `bindings`. */
  readonly sql: string;
  readonly bindings: readonly unknown[];
}

/**
 * `visibilitySql` split into disjoint branches whose union is the same set of rows: every row of
 * the readable groups (walked on `(group_id, id)`), the caller's own rows in the other groups where
 * they may read their own (walked on `(group_id, owner_id, id)`), or — when they may read their
 * own rows in every group — those outside the readable groups (one range of `(owner_id, id)`).
 * Disjoint, so that merging the branches' pages counts no row twice. Null when the scope reads
 * everything (there is nothing to split).
 */
export function visibilityBranches(scope: ReadScope, alias: string): readonly VisibilityBranch[] | null {
  if (scope.everything) return null;
  const group = `${quoteIdent(alias)}.group_id`;
  const owner = `${quoteIdent(alias)}.owner_id`;
  const readable = scope.groupIds;
  const branches: VisibilityBranch[] = [];
  if (readable.length > 0) branches.push({ groupIds: [...readable], sql: `${group} = ${WALKED_GROUP}`, bindings: [] });
  if (scope.ownGroupIds === 'any') {
    branches.push({ groupIds: null, sql: `${owner} = ? and not (${group} = any(?))`, bindings: [scope.userId, [...readable]] });
  } else {
    const own = scope.ownGroupIds.filter((g) => !readable.includes(g));
    if (own.length > 0) branches.push({ groupIds: own, sql: `${owner} = ? and ${group} = ${WALKED_GROUP}`, bindings: [scope.userId] });
  }
  return branches;
}

/**
 * Session rows (reference permissions §2.2): holders of ReadSession (full admins) see all,
 * everyone else — restricted admins included — only their own (`session-rules.ts`).
 */
export function sessionVisibilitySql(scope: ReadScope, alias: string): SqlFragment {
  if (scope.readsAllSessions) return { sql: 'true', bindings: [] };
  return { sql: `${quoteIdent(alias)}.owner = ?`, bindings: [scope.userId] };
}

/** The same predicate for one row already in memory (single-object loads, graph commands). */
export function canReadRow(scope: ReadScope, row: { readonly ownerId: number; readonly groupId: number }): boolean {
  if (scope.everything) return true;
  if (scope.groupIds.includes(row.groupId)) return true;
  if (row.ownerId !== scope.userId) return false;
  return scope.ownGroupIds === 'any' || scope.ownGroupIds.includes(row.groupId);
}

/** Whether the caller may see a user's name and contact columns unmasked. */
export function canSeeUserDetails(scope: ReadScope, experimenterId: number): boolean {
  if (scope.visibleUserIds === 'all') return true;
  return experimenterId === scope.userId || scope.visibleUserIds.includes(experimenterId);
}
