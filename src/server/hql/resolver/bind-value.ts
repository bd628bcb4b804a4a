import type { ValueKind } from '../../db/entities.js';
import { usageException } from '../hql-error.js';

/** A value accepted as a binding: what unwrapping an RType can produce. */
export type BindableValue = number | string | boolean | Date | bigint;

/** The value kind of one parameter value, or undefined when it cannot be bound. */
export function scalarKind(value: unknown): ValueKind | undefined {
  switch (typeof value) {
    case 'number':
      return Number.isFinite(value) ? (Number.isInteger(value) ? 'long' : 'double') : undefined;
    case 'bigint':
      return 'long';
    case 'string':
      return 'string';
    case 'boolean':
      return 'bool';
    case 'object':
      return value instanceof Date && !Number.isNaN(value.getTime()) ? 'time' : undefined;
    default:
      return undefined;
  }
}

/** bigint travels as its decimal text; PostgreSQL casts it to the column's type. */
function normalise(value: BindableValue): unknown {
  return typeof value === 'bigint' ? value.toString() : value;
}

/**
 * Checks one named parameter's value (already unwrapped from its RType) and returns it ready for
 * binding, with its value kind. Only numbers, bigints, strings, booleans, Dates, and (for
 * `in (:ids)`) arrays of them pass: anything else — objects, functions, knex `raw` instances —
 * is refused, so a binding can never inject SQL through knex.
 *
 * @throws ApiUsageException "Null parameters not allowed: <name>" for null/undefined (OMERO's
 *   message), and "Invalid value for parameter <name>" for values of other types.
 */
export function bindParameter(
  name: string,
  value: unknown,
  allowList: boolean,
): { readonly value: unknown; readonly kind: ValueKind | null; readonly list: boolean } {
  if (value === null || value === undefined) throw usageException(`Null parameters not allowed: ${name}`);
  if (Array.isArray(value)) {
    if (!allowList) {
      throw usageException(`Parameter ${name} is a list; lists are only allowed in 'in (:${name})'`);
    }
    let kind: ValueKind | null = null;
    const values = value.map((v: unknown) => {
      if (v === null || v === undefined) throw usageException(`Null parameters not allowed: ${name}`);
      const k = scalarKind(v);
      if (!k) throw usageException(`Invalid value for parameter ${name}: ${describe(v)}`);
      kind ??= k;
      return normalise(v as BindableValue);
    });
    return { value: values, kind, list: true };
  }
  const kind = scalarKind(value);
  if (!kind) throw usageException(`Invalid value for parameter ${name}: ${describe(value)}`);
  return { value: normalise(value as BindableValue), kind, list: false };
}

/** The value kind of an HQL literal. */
export function literalKind(value: string | number | boolean | null): ValueKind | null {
  return value === null ? null : (scalarKind(value) ?? null);
}

function describe(v: unknown): string {
  if (typeof v === 'function') return 'a function';
  if (typeof v === 'object') return v === null ? 'null' : `an object (${Object.prototype.toString.call(v)})`;
  return `a ${typeof v}`;
}
