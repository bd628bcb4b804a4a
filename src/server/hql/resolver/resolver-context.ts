import type { QueryException } from '../../../model/index.js';
import type { SourcePosition } from '../ast/source-position.js';
import { queryException } from '../hql-error.js';
import { bindParameter } from './bind-value.js';

/** Inputs of resolution besides the query itself. */
export interface ResolveOptions {
  /** The HQL text, for messages. */
  readonly hql: string;
  /** Named parameter values, already unwrapped from RTypes. Extra entries are ignored. */
  readonly params: Readonly<Record<string, unknown>>;
  /** `theFilter.offset`; default 0. */
  readonly offset?: number;
  /** `theFilter.limit`; default none. */
  readonly limit?: number;
  /** `theFilter.unique` / `findByQuery`. Default false. */
  readonly unique?: boolean;
}

/**
 * State shared by the resolver's parts for one query: the options and the counters that make
 * table aliases (`t0`, `t1`…) and column labels (`c0`, `c1`…) unique across all levels.
 */
export class ResolverContext {
  readonly options: ResolveOptions;
  #tables = 0;
  #labels = 0;

  constructor(options: ResolveOptions) {
    this.options = options;
  }

  newAlias(): string {
    return `t${this.#tables++}`;
  }

  newLabel(): string {
    return `c${this.#labels++}`;
  }

  /** A QueryException about this query. */
  error(detail: string, position: SourcePosition | null): QueryException {
    return queryException(this.options.hql, detail, position);
  }

  /** A named parameter's value, checked (see `bindParameter`). */
  param(name: string, allowList: boolean): ReturnType<typeof bindParameter> {
    const params = this.options.params;
    return bindParameter(name, Object.hasOwn(params, name) ? params[name] : undefined, allowList);
  }
}
