/** `omero hql` (omero-py `plugins/hql.py`, reference cli §6): running, tabulating and paging queries. */
export { runHqlQuery, type HqlOptions } from './hql-query.js';
export { runProjection, NOT_ADMIN, type QueryPage } from './run-projection.js';
export { resultTable, type ProjectionRows, type ResultTable } from './result-table.js';
export { objectDetails } from './object-details.js';
export { TableBuilder } from './table-builder.js';
export { displayValue } from './display-value.js';
export { pyCtime } from './py-ctime.js';
export {
  pyUnwrap,
  pyStrOf,
  pyReprOf,
  pyTruthy,
  pyFloatRepr,
  objectLabel,
  detailsLabel,
  parsePyInt,
  parsePyFloat,
  type PyValue,
} from './py-value.js';
