import type { IObject, ParametersI, RType } from '../../model/index.js';
import type { ArgsOf, Blocking, Ctx, MethodName, ResultOf, IQuery } from '../../contract/index.js';
import type { ServiceCaller } from '../remote.js';

type Params = ParametersI | null | undefined;

/**
 * The IQuery proxy (reference api §1.4). Queries see only what the caller may read in the call's
 * group (`{'omero.group': '<id>'}`, or `'-1'` for every group): unreadable rows are dropped.
 */
export class QueryServicePrx implements Blocking<IQuery> {
  readonly #s: ServiceCaller;

  constructor(session: ServiceCaller) {
    this.#s = session;
  }

  #call<M extends MethodName<IQuery>>(method: M, args: ArgsOf<IQuery, M>, ctx?: Ctx | null): ResultOf<IQuery, M> {
    return this.#s.call('IQuery', method, args, ctx);
  }

  /** Objects selected by an HQL query: `findAllByQuery('select p from Project p where p.id = :id', params, ctx)`. */
  findAllByQuery(query: string, params?: Params, ctx?: Ctx | null): IObject[] { return this.#call('findAllByQuery', [query, params ?? null], ctx); }
  /** One object or null; more than one row is an ApiUsageException. */
  findByQuery(query: string, params?: Params, ctx?: Ctx | null): IObject | null { return this.#call('findByQuery', [query, params ?? null], ctx); }
  /** Rows of rtypes for any select list (reference api §3.3). */
  projection(query: string, params?: Params, ctx?: Ctx | null): Array<Array<RType | null>> { return this.#call('projection', [query, params ?? null], ctx); }
  /** One object by class and id; ValidationException when missing, SecurityViolation when unreadable. */
  get(klass: string, id: number, ctx?: Ctx | null): IObject { return this.#call('get', [klass, id], ctx); }
  /** One object by class and id, or null when missing or unreadable. */
  find(klass: string, id: number, ctx?: Ctx | null): IObject | null { return this.#call('find', [klass, id], ctx); }
  findAll(klass: string, filter?: unknown, ctx?: Ctx | null): IObject[] { return this.#call('findAll', [klass, filter ?? null], ctx); }
  findByString(klass: string, field: string, value: string, ctx?: Ctx | null): IObject | null {
    return this.#call('findByString', [klass, field, value], ctx);
  }
  findAllByString(klass: string, field: string, value: string, caseSensitive: boolean, filter?: unknown, ctx?: Ctx | null): IObject[] {
    return this.#call('findAllByString', [klass, field, value, caseSensitive, filter ?? null], ctx);
  }
}
