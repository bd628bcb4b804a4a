import type { ValueKind } from '../../db/entities.js';
import type { ExpressionNode } from '../ast/expression-node.js';

/**
 * Type checks the resolver makes so that PostgreSQL never receives a query it rejects for its
 * types (`function max(boolean) does not exist`, `operator does not exist: bigint ~~ unknown`):
 * such a query is the caller's mistake and must be a QueryException naming the HQL, not an
 * internal error carrying the generated SQL. A bound value (a parameter or a literal) is sent as
 * untyped text that PostgreSQL reads as the other side's type, so it is always accepted here (a
 * value it cannot read is an ApiUsageException).
 */

const NUMERIC: ReadonlySet<ValueKind> = new Set(['long', 'int', 'double']);

/** Whether the value travels as a binding (`?`). */
function isBinding(node: ExpressionNode): boolean {
  return node.kind === 'ValueNode';
}

/** Whether two values can be compared (`=`, `<`, `between`, `in`) in SQL. */
export function comparable(a: { node: ExpressionNode; kind: ValueKind | null }, b: { node: ExpressionNode; kind: ValueKind | null }): boolean {
  if (a.kind === null || b.kind === null || a.kind === b.kind || isBinding(a.node) || isBinding(b.node)) return true;
  return NUMERIC.has(a.kind) && NUMERIC.has(b.kind);
}

/** Whether a value can be matched with `like` (a text column or expression, or a bound value). */
export function likeable(v: { node: ExpressionNode; kind: ValueKind | null }): boolean {
  return v.kind === null || v.kind === 'string' || isBinding(v.node);
}

/**
 * Why `name(args)` cannot run, or null: text functions need text, `abs`/`sum`/`avg` need
 * numbers, `min`/`max` refuse booleans (PostgreSQL has no `max(boolean)`).
 */
export function functionArgumentProblem(name: string, args: readonly { node: ExpressionNode; kind: ValueKind | null }[]): string | null {
  const known = args.filter((a) => a.kind !== null && !isBinding(a.node)).map((a) => a.kind as ValueKind);
  switch (name.toLowerCase()) {
    case 'lower':
    case 'upper':
    case 'trim':
    case 'length':
      return known.some((k) => k !== 'string') ? `${name}() takes text, not ${known.find((k) => k !== 'string')}; use str(…)` : null;
    case 'abs':
    case 'sum':
    case 'avg':
      return known.some((k) => !NUMERIC.has(k)) ? `${name}() takes a number, not ${known.find((k) => !NUMERIC.has(k))}` : null;
    case 'min':
    case 'max':
      return known.includes('bool') ? `${name}() cannot take a boolean` : null;
    default:
      return null;
  }
}
