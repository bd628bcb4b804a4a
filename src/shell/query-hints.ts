import type { OmeroClient } from '../client/omero-client.js';
import { emptyResultHint, formatEmptyResultHint } from '../client/hints/empty-result-hint.js';
import type { Ctx } from '../client/remote.js';
import { QueryServicePrx } from '../client/services/query-service-prx.js';
import type { ParametersI } from '../model/index.js';

/** The HQL calls whose empty answer earns a hint. */
const QUERY_METHODS = ['findAllByQuery', 'findByQuery', 'projection'] as const;

interface QueryCall {
  readonly service: QueryServicePrx;
  readonly hql: string;
  readonly params: ParametersI | null | undefined;
  readonly ctx: Ctx | null | undefined;
}

/**
 * Watches the HQL calls of the statements typed in the shell, so that a statement whose last
 * query found nothing gets one line on stderr saying where the caller's readable rows are and
 * how to reach them (`{'omero.group': '-1'}`). The shell wraps the three query methods of
 * QueryServicePrx once per process: every query service a statement obtains
 * (`session.getQueryService()` included) is covered, and the proxies stay plain classes.
 */
export class QueryHints {
  static #installed = false;
  static #last: QueryCall | null = null;
  static #quiet = false;

  /** Starts recording (idempotent). */
  static install(): void {
    if (QueryHints.#installed) return;
    QueryHints.#installed = true;
    const proto = QueryServicePrx.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
    for (const name of QUERY_METHODS) {
      const original = proto[name]!;
      proto[name] = function (this: QueryServicePrx, hql: unknown, params?: unknown, ctx?: unknown) {
        const result = original.call(this, hql, params, ctx);
        if (!QueryHints.#quiet) {
          const empty = result === null || (Array.isArray(result) && result.length === 0);
          QueryHints.#last = empty && typeof hql === 'string' ? { service: this, hql, params: params as ParametersI | null, ctx: ctx as Ctx | null } : null;
        }
        return result;
      };
    }
  }

  /** Forgets earlier calls: call before each statement. */
  static reset(): void {
    QueryHints.#last = null;
  }

  /** The hint for the statement just run, if its last query found nothing but other groups hold rows. */
  static hint(client: OmeroClient | null): string | null {
    const last = QueryHints.#last;
    QueryHints.#last = null;
    if (!last || !client?.getSessionInfo()) return null;
    QueryHints.#quiet = true;
    try {
      const hint = emptyResultHint(last.service, client.getSession().getAdminService(), last.hql, last.params, last.ctx);
      return hint ? formatEmptyResultHint(hint, "pass {'omero.group': '-1'} as the call's last argument to search all your groups") : null;
    } finally {
      QueryHints.#quiet = false;
    }
  }
}
