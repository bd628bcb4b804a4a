import type { IObject, ParametersI, RType } from '../model/index.js';

/** Query parameters as callers pass them. */
export type Params = ParametersI | null | undefined;

/**
 * IQuery (reference api §1.4). Queries see only what the caller may read in the call's group
 * (`{'omero.group': '<id>'}`, or `'-1'` for every group): unreadable rows are dropped.
 */
export interface IQuery {
  /** Objects selected by an HQL query: `findAllByQuery('select p from Project p where p.id = :id', params, ctx)`. */
  findAllByQuery(query: string, params?: Params): IObject[];
  /** One object or null; more than one row is an ApiUsageException. */
  findByQuery(query: string, params?: Params): IObject | null;
  /** Rows of rtypes for any select list (reference api §3.3). */
  projection(query: string, params?: Params): Array<Array<RType | null>>;
  /** One object by class and id; ValidationException when missing, SecurityViolation when unreadable. */
  get(klass: string, id: number): IObject;
  /** One object by class and id, or null when missing or unreadable. */
  find(klass: string, id: number): IObject | null;
  findAll(klass: string, filter?: unknown): IObject[];
  findByString(klass: string, field: string, value: string): IObject | null;
  findAllByString(klass: string, field: string, value: string, caseSensitive: boolean, filter?: unknown): IObject[];
}
