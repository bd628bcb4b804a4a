import { PlanNode } from '../ast/plan-node.js';
import type { QueryNode } from '../ast/query-node.js';
import { ValueNode } from '../ast/value-node.js';
import { usageException } from '../hql-error.js';
import type { ResultShape } from '../result-shape.js';
import { QueryScope } from './query-scope.js';
import { ResolverContext, type ResolveOptions } from './resolver-context.js';
import { resolveClauses } from './resolve-expression.js';
import { resolveFrom } from './resolve-from.js';
import { resolveSelectList, type SelectTarget } from './resolve-select.js';

export type { ResolveOptions } from './resolver-context.js';

/** A resolved query: the plan to secure and compile, and the shape of its rows. */
export interface Resolution {
  readonly plan: PlanNode;
  readonly shape: ResultShape;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

function paging(options: ResolveOptions): { offset: number; limit: number | null } {
  const { offset = 0, limit } = options;
  if (!Number.isSafeInteger(offset) || offset < 0) throw usageException(`Invalid offset: ${offset}`);
  if (limit !== undefined && (!Number.isSafeInteger(limit) || limit < 0)) throw usageException(`Invalid limit: ${limit}`);
  return { offset, limit: limit ?? null };
}

/**
 * Semantic resolution: checks entity and property names against the entity map, turns every
 * path into columns of generated table aliases (adding implicit inner joins for paths through
 * references), every parameter and literal into a `ValueNode`, and describes the select list.
 *
 * Reference api §3.2 rules: unqualified paths resolve against the single root; `x.id` on a
 * reference reads the foreign key without a join; an entity compared with anything compares its
 * id; `index(m)` is the element's list position; `size(c)` and `c is empty` are subqueries.
 * Paging: with a collection `join fetch`, offset/limit are applied in memory after
 * deduplicating the roots (as Hibernate does); otherwise they go into the SQL.
 *
 * @throws QueryException for unknown names and misuse; ApiUsageException for parameters.
 */
export function resolveQuery(query: QueryNode, options: ResolveOptions): Resolution {
  const ctx = new ResolverContext(options);
  const scope = new QueryScope(null);
  resolveFrom(ctx, query, scope, true);
  const target: SelectTarget = { selections: [], shaped: new Set() };
  const columns = resolveSelectList(ctx, query, scope, target);
  for (const a of scope.all) {
    if (a.fetch && !target.shaped.has(a)) {
      throw ctx.error(
        'query specified join fetching, but the owner of the fetched association was not present in the select list',
        a.position,
      );
    }
  }
  const clauses = resolveClauses(ctx, query, scope);
  const { offset, limit } = paging(options);
  const collectionFetch = scope.all.some((a) => a.fetch && a.parent?.kind === 'collection');
  const paged = offset > 0 || limit !== null;
  const pageInMemory = collectionFetch && paged;
  const plan = PlanNode.create({
    distinct: query.distinct,
    selections: target.selections,
    tables: scope.tables,
    ...clauses,
    limit: !pageInMemory && limit !== null ? ValueNode.create(limit) : null,
    offset: !pageInMemory && offset > 0 ? ValueNode.create(offset) : null,
  });
  const shape: ResultShape = deepFreeze({
    hql: options.hql,
    columns,
    distinctRoots: collectionFetch && (query.distinct || paged),
    page: pageInMemory ? { offset, limit } : null,
    unique: options.unique ?? false,
  });
  return { plan, shape };
}
