import { createHash } from 'node:crypto';

/** How many distinct statements one server prepares by name; later ones run unnamed. */
const MAX_NAMED = 1000;

const names = new Map<string, string>();

/**
 * A name under which the pg driver prepares `sql` once per connection, so that PostgreSQL parses
 * and plans it once instead of on every call (issue 15: for a small query, planning costs more
 * than running it). The name is a digest of the text, so one name never means two statements.
 * Connections keep what they prepared, hence the bound on distinct names; past it (a server
 * answering endless ad-hoc queries), statements simply run unnamed. PGlite's driver ignores names.
 */
export function statementName(sql: string): string | undefined {
  const known = names.get(sql);
  if (known !== undefined || names.size >= MAX_NAMED) return known;
  const name = `omero_q_${createHash('sha256').update(sql).digest('hex').slice(0, 32)}`;
  names.set(sql, name);
  return name;
}
