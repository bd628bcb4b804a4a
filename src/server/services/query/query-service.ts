import type { IQuery, Served } from '../../../contract/index.js';
import {
  ApiUsageException,
  SecurityViolation,
  ValidationException,
  type IObject,
  type RType,
} from '../../../model/index.js';
import type { CallContext } from '../../call/call-context.js';
import { findEntity, type EntityDef } from '../../db/entities.js';
import { queryObjects, queryProjection } from './run-hql.js';
import { readParameters } from './query-parameters.js';

/**
 * IQuery (reference api §1.4): HQL and by-id reads, always under the caller's read scope for the
 * call's group (`omero.group` id, or -1 for every group the caller may read). Unreadable rows
 * are silently dropped; `get` on an unreadable row is a SecurityViolation.
 */
export class QueryService implements Served<IQuery, CallContext> {
  async findAllByQuery(call: CallContext, hql: string, parameters: unknown): Promise<IObject[]> {
    const p = readParameters(parameters);
    return queryObjects(call, hql, { params: p.params, offset: p.offset, limit: p.limit });
  }

  /** One object or null; several results are an ApiUsageException (OMERO's message). */
  async findByQuery(call: CallContext, hql: string, parameters: unknown): Promise<IObject | null> {
    const p = readParameters(parameters);
    const found = await queryObjects(call, hql, { params: p.params, offset: p.offset, limit: p.limit, unique: true });
    return found[0] ?? null;
  }

  async projection(call: CallContext, hql: string, parameters: unknown): Promise<Array<Array<RType | null>>> {
    const p = readParameters(parameters);
    return queryProjection(call, hql, { params: p.params, offset: p.offset, limit: p.limit });
  }

  /** One object by class and id: ValidationException when missing, SecurityViolation when unreadable. */
  async get(call: CallContext, klass: string, id: number): Promise<IObject> {
    const def = entityOf(klass);
    const found = await this.find(call, klass, id);
    if (found) return found;
    const exists = await call.db(def.table).where({ id: checkedId(id) }).first('id');
    if (!exists) throw new ValidationException(`No row with the given identifier exists: [${def.serverClass}#${id}]`);
    throw new SecurityViolation(`Cannot read ${def.serverClass}:Id_${id}`);
  }

  /** One object by class and id, or null when missing or unreadable. */
  async find(call: CallContext, klass: string, id: number): Promise<IObject | null> {
    const def = entityOf(klass);
    const [obj] = await queryObjects(call, `select x from ${def.name} x where x.id = :id`, { params: { id: checkedId(id) } });
    return obj ?? null;
  }

  /** Every readable object of a class; the filter's offset and limit are honoured. */
  async findAll(call: CallContext, klass: string, filter: unknown): Promise<IObject[]> {
    const def = entityOf(klass);
    const f = readParameters(filter ? { theFilter: filter } : null);
    return queryObjects(call, `select x from ${def.name} x order by x.id`, { offset: f.offset, limit: f.limit });
  }

  /** The one object whose `field` equals `value` (Criteria `eq`, unique). */
  async findByString(call: CallContext, klass: string, field: string, value: string): Promise<IObject | null> {
    const def = entityOf(klass);
    const found = await queryObjects(call, `select x from ${def.name} x where x.${checkedField(field)} = :value`, {
      params: { value: String(value) },
      unique: true,
    });
    return found[0] ?? null;
  }

  /** Objects whose `field` contains `value` (`like`/`ilike` anywhere, as MatchMode.ANYWHERE). */
  async findAllByString(call: CallContext, klass: string, field: string, value: string, caseSensitive: boolean, filter: unknown): Promise<IObject[]> {
    const def = entityOf(klass);
    const f = readParameters(filter ? { theFilter: filter } : null);
    const op = caseSensitive ? 'like' : 'ilike';
    const pattern = `%${String(value).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    return queryObjects(call, `select x from ${def.name} x where x.${checkedField(field)} ${op} :value order by x.id`, {
      params: { value: pattern },
      offset: f.offset,
      limit: f.limit,
    });
  }
}

/** The entity a class name denotes, in any of OMERO's spellings (`Project`, `ProjectI`, `omero.model.Project` …). */
export function entityOf(klass: unknown): EntityDef {
  const def = typeof klass === 'string' ? findEntity(klass) : undefined;
  if (!def) throw new ApiUsageException(`${String(klass)} does not specify a valid class.`);
  return def;
}

function checkedId(id: unknown): number {
  const v = typeof id === 'object' && id !== null && 'val' in id ? (id as { val: unknown }).val : id;
  if (typeof v !== 'number' || !Number.isSafeInteger(v)) throw new ApiUsageException(`Invalid id: ${String(v)}`);
  return v;
}

/** A property path for Criteria-style lookups; the HQL resolver then checks it exists. */
function checkedField(field: unknown): string {
  if (typeof field !== 'string' || !/^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9]*)*$/.test(field)) {
    throw new ApiUsageException(`Invalid field name: ${String(field)}`);
  }
  return field;
}
