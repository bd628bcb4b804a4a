import type { Knex } from 'knex';
import { ApiUsageException, type IObject, type RType } from '../../../model/index.js';
import type { CallContext } from '../../call/call-context.js';
import type { CompiledHql } from '../../hql/index.js';
import type { ColumnShape, ResultShape } from '../../hql/result-shape.js';
import { statementName } from '../../db/statement-names.js';
import { decorateObject } from '../object-details.js';

type HqlModule = typeof import('../../hql/index.js');
let hqlModule: Promise<HqlModule> | undefined;

/**
 * The HQL compiler and hydrator, loaded on the first query: they are the largest part of the
 * server (chevrotain and ~60 modules), and most CLI commands run no query (issue 6, scripts/bench).
 */
function hqlLoaded(): Promise<HqlModule> {
  hqlModule ??= import('../../hql/index.js');
  return hqlModule;
}

/** How one HQL query is run. */
export interface HqlRun {
  readonly params?: Record<string, unknown>;
  readonly offset?: number;
  readonly limit?: number;
  readonly unique?: boolean;
}

/** Compiles HQL under the caller's read scope and runs it; rows come back with their shape. */
export async function runHql(call: CallContext, hql: string, run: HqlRun): Promise<{ rows: Record<string, unknown>[]; compiled: CompiledHql }> {
  if (typeof hql !== 'string') throw new ApiUsageException('The query must be a string');
  const { compileHqlCached } = await hqlLoaded();
  const compiled = compileHqlCached(hql, { params: run.params ?? {}, scope: await call.scope(), offset: run.offset, limit: run.limit, unique: run.unique });
  const stamp = call.factsStamp;
  // Facts read before this statement (the server's cache) are proven current by the statement
  // itself: a one-time filter that raises when they changed (migration 0003, facts-cache.ts).
  const [sql, bindings] =
    stamp === undefined
      ? [compiled.sql, compiled.bindings]
      : [`select * from (${compiled.sql}) as omero_read where omero_facts_current(?, ?, ?)`, [...compiled.bindings, stamp.epoch, stamp.sessionId, stamp.sessionVersion]];
  const statement = call.db.raw(sql, bindings as Knex.RawBinding[]);
  const name = statementName(sql);
  const result = await (name === undefined ? statement : statement.options({ name }));
  return { rows: result.rows as Record<string, unknown>[], compiled };
}

/** Whole objects (findAllByQuery): the select list must be one entity, as OMERO requires. */
export async function queryObjects(call: CallContext, hql: string, run: HqlRun): Promise<IObject[]> {
  const { rows, compiled } = await runHql(call, hql, run);
  const shape = compiled.shape;
  if (shape.columns.length !== 1 || shape.columns[0]!.kind !== 'entity') {
    throw new ApiUsageException(
      `Query named:\n\n\t${hql}\n\nselects values, not one object per row; use IQuery.projection for scalar or several-column selects`,
    );
  }
  await call.loadPerms(groupIdsIn(rows, shape));
  const { hydrateEntities } = await hqlLoaded();
  return hydrateEntities(rows, shape, (obj, row) => void decorateObject(call, obj, row)).filter((o): o is IObject => o !== null);
}

/** Rows of rtypes (projection). */
export async function queryProjection(call: CallContext, hql: string, run: HqlRun): Promise<Array<Array<RType | null>>> {
  const { rows, compiled } = await runHql(call, hql, run);
  await call.loadPerms(groupIdsIn(rows, compiled.shape));
  const { hydrateProjection } = await hqlLoaded();
  return hydrateProjection(rows, compiled.shape, (obj, row) => void decorateObject(call, obj, row));
}

/** Every group id the rows' objects belong to, so that their permissions can be decorated synchronously. */
function groupIdsIn(rows: readonly Record<string, unknown>[], shape: ResultShape): number[] {
  const labels: string[] = [];
  const visit = (c: ColumnShape): void => {
    if (c.kind === 'entity') {
      if (c.groupLabel) labels.push(c.groupLabel);
      for (const f of c.fetches) visit(f.entity);
    } else if (c.kind === 'permissions') labels.push(c.groupLabel);
    else if (c.kind === 'map') for (const e of c.entries) visit(e.value);
  };
  shape.columns.forEach(visit);
  const ids = new Set<number>();
  for (const row of rows) for (const l of labels) if (row[l] !== null && row[l] !== undefined) ids.add(Number(row[l]));
  return [...ids];
}
