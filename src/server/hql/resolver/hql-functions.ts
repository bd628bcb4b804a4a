import type { ValueKind } from '../../db/entities.js';

/** A function HQL may call and the SQL function it compiles to. */
export interface SqlFunction {
  /** The PostgreSQL function name (from this table, never from the query text). */
  readonly sql: string;
  readonly aggregate: boolean;
  readonly minArgs: number;
  /** Maximum number of arguments, or null for any. */
  readonly maxArgs: number | null;
  /** The result kind from the argument kinds. */
  readonly kind: (args: readonly (ValueKind | null)[]) => ValueKind | null;
}

const first = (args: readonly (ValueKind | null)[]): ValueKind | null => args.find((k) => k !== null) ?? null;
const fn = (sql: string, minArgs: number, maxArgs: number | null, kind: SqlFunction['kind'], aggregate = false): SqlFunction =>
  Object.freeze({ sql, aggregate, minArgs, maxArgs, kind });

/**
 * The plain and aggregate functions of reference api §3.2, by lower-case HQL name. `index`,
 * `size` and `str` are handled by the resolver itself (they become columns, subqueries, casts).
 */
export const SQL_FUNCTIONS: Readonly<Record<string, SqlFunction>> = Object.freeze({
  lower: fn('lower', 1, 1, () => 'string'),
  upper: fn('upper', 1, 1, () => 'string'),
  trim: fn('trim', 1, 1, () => 'string'),
  length: fn('length', 1, 1, () => 'int'),
  abs: fn('abs', 1, 1, first),
  coalesce: fn('coalesce', 1, null, first),
  concat: fn('concat', 1, null, () => 'string'),
  count: fn('count', 1, 1, () => 'long', true),
  sum: fn('sum', 1, 1, (a) => (a[0] === 'double' ? 'double' : 'long'), true),
  min: fn('min', 1, 1, first, true),
  max: fn('max', 1, 1, first, true),
  avg: fn('avg', 1, 1, () => 'double', true),
});

/** Looks a function up by its HQL name (case-insensitive); undefined if not allowed. */
export function sqlFunction(name: string): SqlFunction | undefined {
  const key = name.toLowerCase();
  return Object.hasOwn(SQL_FUNCTIONS, key) ? SQL_FUNCTIONS[key] : undefined;
}
