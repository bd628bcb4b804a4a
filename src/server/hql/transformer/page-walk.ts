import type { ReadScope } from '../../security/read-scope.js';
import { visibilityBranches } from '../../security/visibility.js';
import { findNode } from '../ast/find-node.js';
import { PageWalk } from '../ast/page-walk.js';
import { PlanNode } from '../ast/plan-node.js';

/**
 * Pages ending further than this are read the ordinary way: each walked group would hand over
 * that many ids, and a deep page is rare.
 */
const MAX_PAGE_END = 1_000;

/**
 * Nor when the walk would read more index entries than this in all: a caller reading hundreds of
 * groups is better served by the primary key (its rows are dense enough to find a page quickly).
 */
const MAX_WALKED_IDS = 20_000;

/**
 * Marks a secured outermost plan whose page should be read group by group (`PageWalk`): "the
 * newest 50 projects I may read" otherwise reads every readable row and sorts them — at 10M
 * projects, the scattered pages of thousands of rows — or walks the primary key past every
 * unreadable one, and the planner cannot tell which is cheaper. One index range per group is
 * cheap whatever the table's size (issue 15).
 *
 * Only the shape where this is plainly right: one data table (no joins, whose filters could drop or
 * repeat rows), ordered by its id alone, a page of at most `MAX_PAGE_END` rows, no `distinct`, no
 * grouping, no masked column in the conditions. The plan keeps its visibility predicate: the walk
 * only narrows the rows the statement reads, so a walk that chose too many ids could not show a
 * row the caller may not read.
 */
export function walkPageByGroup(plan: PlanNode, scope: ReadScope): PlanNode {
  const walk = pageWalkFor(plan, scope);
  return walk ? PlanNode.cloneWith(plan, { pageWalk: walk }) : plan;
}

function pageWalkFor(plan: PlanNode, scope: ReadScope): PageWalk | null {
  const [root, ...joined] = plan.tables;
  if (!root || joined.length > 0 || root.join !== 'from' || root.entityKind !== 'data') return null;
  if (plan.distinct || plan.groupBy.length > 0 || plan.having || plan.limit === null) return null;
  const [order, ...more] = plan.orderBy;
  const key = order?.expression;
  if (!order || more.length > 0 || key?.kind !== 'ColumnNode' || key.alias !== root.alias || key.column !== 'id') return null;
  if (findNode(plan.where, 'MaskedColumnNode') || findNode(root.filters, 'MaskedColumnNode')) return null;
  const offset = pageNumber(plan.offset?.value ?? 0);
  const limit = pageNumber(plan.limit.value);
  if (offset === null || limit === null || offset + limit > MAX_PAGE_END) return null;
  const branches = visibilityBranches(scope, root.alias);
  // Reading everything, or nothing (no branch: the predicate is `false`): no walk to take.
  if (!branches || branches.length === 0) return null;
  const ranges = branches.reduce((n, b) => n + (b.groupIds?.length ?? 1), 0);
  if (ranges * (offset + limit) > MAX_WALKED_IDS) return null;
  return PageWalk.create({ alias: root.alias, table: root.table, direction: order.direction, branches, offset, limit });
}

function pageNumber(value: unknown): number | null {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : null;
}
