import type { ReadScope } from '../../security/read-scope.js';
import { sessionVisibilitySql, visibilitySql } from '../../security/visibility.js';
import { ColumnNode } from '../ast/column-node.js';
import { MaskedColumnNode } from '../ast/masked-column-node.js';
import type { Node } from '../ast/node.js';
import type { PlanNode } from '../ast/plan-node.js';
import { SecurityPredicateNode } from '../ast/security-predicate-node.js';
import { TableNode } from '../ast/table-node.js';
import { NodeTransformer } from './node-transformer.js';

/**
 * Applies the caller's read scope to a resolved plan, as a tree rewrite between resolution and
 * compilation (reference api §3.4, permissions §2.2–2.5):
 *
 * - every `'data'` table alias — roots, explicit and implicit joins, the tables of every
 *   subquery (`exists`, `in`, `size()`, `is empty`) — gets `visibilitySql(scope, alias)` among its
 *   `filters`; every `'session'` alias gets `sessionVisibilitySql`. The compiler puts a left
 *   join's filters in its `on`, so hidden rows turn into nulls instead of removing the outer row;
 * - every privacy-masked Experimenter column becomes a `MaskedColumnNode` unless the caller may see
 *   every user (`scope.visibleUserIds === 'all'`) — wherever it appears, so `where`, `order by`,
 *   `group by` and aggregates see the masked value too (advisory 2019-SV5).
 *
 * The permission rules themselves stay in server/security; this only places them.
 */
export class SecurityTransformer extends NodeTransformer {
  readonly #scope: ReadScope;
  readonly #visibleUserIds: readonly number[] | null;

  constructor(scope: ReadScope) {
    super();
    this.#scope = scope;
    this.#visibleUserIds =
      scope.visibleUserIds === 'all' ? null : [...new Set([scope.userId, ...scope.visibleUserIds])];
  }

  protected override transformTable(node: TableNode): Node {
    const table = super.transformTable(node) as TableNode;
    const fragment =
      table.entityKind === 'data'
        ? visibilitySql(this.#scope, table.alias)
        : table.entityKind === 'session'
          ? sessionVisibilitySql(this.#scope, table.alias)
          : null;
    if (!fragment) return table;
    const predicate = SecurityPredicateNode.create(table.alias, fragment.sql, fragment.bindings);
    return TableNode.cloneWithFilters(table, [...table.filters, predicate]);
  }

  protected override transformColumn(node: ColumnNode): Node {
    if (!node.mask || !this.#visibleUserIds) return node;
    const id = ColumnNode.create(node.alias, 'id', 'long');
    return MaskedColumnNode.create(node, id, this.#visibleUserIds, node.mask);
  }
}

/** Secures a resolved plan for one caller (see `SecurityTransformer`). */
export function securePlan(plan: PlanNode, scope: ReadScope): PlanNode {
  return new SecurityTransformer(scope).transformNode(plan) as PlanNode;
}
