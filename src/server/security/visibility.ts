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
