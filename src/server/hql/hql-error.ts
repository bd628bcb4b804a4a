import { ApiUsageException, QueryException } from '../../model/index.js';
import { formatPosition, type SourcePosition } from './ast/source-position.js';

/**
 * `omero.QueryException` for a bad query (parse and semantic errors), with OMERO's message
 * `Illegal query:<hql>\n<detail>` where the detail starts with the position of the offending
 * token: `Illegal query:select p frm Project p\nline 1:10: expected 'from' but found 'frm'`.
 */
export function queryException(hql: string, detail: string, position: SourcePosition | null = null): QueryException {
  const where = position ? `line ${formatPosition(position)}: ` : '';
  return new QueryException(`Illegal query:${hql}\n${where}${detail}`);
}

/**
 * `omero.ApiUsageException` for bad arguments: missing or invalid parameters
 * (`Null parameters not allowed: id`), bad offset/limit, findByQuery with several results.
 */
export function usageException(message: string): ApiUsageException {
  return new ApiUsageException(message);
}
