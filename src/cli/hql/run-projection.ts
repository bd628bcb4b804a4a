import type { AsyncQueryService } from '../../client/async-proxies.js';
import { ParametersI, QueryException, SecurityViolation } from '../../model/index.js';
import { CliError } from '../cli-error.js';
import type { ProjectionRows } from './result-table.js';

/** One page of a query: rows `offset`…`offset + limit - 1`. */
export interface QueryPage {
  /** Rows skipped (`--offset`, default 0). */
  readonly offset: number;
  /** Rows at most (`--limit`, default 25). */
  readonly limit: number;
}

/** rc 53 of omero-py's hql plugin (error `NOT_ADMIN`). */
export const NOT_ADMIN = "SecurityViolation: Current user is not an admin and cannot use '--admin'";

/**
 * Runs the query through `IQuery.projection` for one page (omero-py `HqlControl.project`), in
 * every group with `all` (`omero.group=-1`), else in the session's group. A bad query is rc 52
 * `Bad query: <message>`; a SecurityViolation is rc 53 ({@link NOT_ADMIN}) with `all`, else rc 54
 * `SecurityViolation: <message>`.
 */
export async function runProjection(query: AsyncQueryService, hql: string, page: QueryPage, all: boolean): Promise<ProjectionRows> {
  const params = new ParametersI().page(page.offset, page.limit);
  try {
    return await query.projection(hql, params, all ? { 'omero.group': '-1' } : null);
  } catch (e) {
    if (e instanceof SecurityViolation) throw all ? new CliError(53, NOT_ADMIN) : new CliError(54, `SecurityViolation: ${e.message}`);
    if (e instanceof QueryException) throw new CliError(52, `Bad query: ${e.message}`);
    throw e;
  }
}
