import { isListValue } from '../resolver/param-ref.js';
import { HIDDEN_TEXT, type ValueKind } from '../../db/entities.js';
import { quoteIdent, WALK } from '../../security/visibility.js';
import type { BetweenNode } from '../ast/between-node.js';
import type { BinaryOperationNode } from '../ast/binary-operation-node.js';
import type { CaseNode } from '../ast/case-node.js';
import type { CastNode } from '../ast/cast-node.js';
import type { ColumnNode } from '../ast/column-node.js';
import type { ExistsNode } from '../ast/exists-node.js';
import { findNode } from '../ast/find-node.js';
import type { ExpressionNode } from '../ast/expression-node.js';
import type { FunctionNode } from '../ast/function-node.js';
import type { InNode } from '../ast/in-node.js';
import type { IsNullNode } from '../ast/is-null-node.js';
import type { LikeNode } from '../ast/like-node.js';
import type { LogicalNode } from '../ast/logical-node.js';
import type { MaskedColumnNode } from '../ast/masked-column-node.js';
import type { NamedValuesNode } from '../ast/named-values-node.js';
import type { Node, NodeKind, NodeOfKind } from '../ast/node.js';
import type { NotNode } from '../ast/not-node.js';
import type { OrderByItemNode } from '../ast/order-by-item-node.js';
import type { PageWalk } from '../ast/page-walk.js';
import type { PlanNode } from '../ast/plan-node.js';
import type { SecurityPredicateNode } from '../ast/security-predicate-node.js';
import type { SelectionNode } from '../ast/selection-node.js';
import type { SubqueryNode } from '../ast/subquery-node.js';
import type { TableNode } from '../ast/table-node.js';
import type { ValueNode } from '../ast/value-node.js';
import type { WhenNode } from '../ast/when-node.js';
import { sqlFunction } from '../resolver/hql-functions.js';

/** A compiled statement for `knex.raw(sql, bindings)`: `?` placeholders, values in order. */
export interface CompiledSql {
  readonly sql: string;
  readonly bindings: readonly unknown[];
}

/** PostgreSQL type of each value kind, for `cast(… as …)`. */
const SQL_TYPES: Readonly<Record<ValueKind, string>> = {
  string: 'text',
  long: 'bigint',
  int: 'integer',
  double: 'double precision',
  bool: 'boolean',
  time: 'timestamptz',
};

/** Alias of the one-row table of visible user ids (generated table aliases are `t0`, `t1`, …). */
const VISIBLE_ALIAS = 'vis';

type Visitors = { readonly [K in NodeKind]: (node: NodeOfKind<K>) => void };

/**
 * Compiles a resolved and secured `PlanNode` to PostgreSQL (Kysely's `DefaultQueryCompiler`):
 * a visitor with one method per node kind. Values enter the SQL only through `#value()` (a `?`
 * placeholder plus a binding); identifiers only through `quoteIdent()` of names from the entity
 * map and generated aliases; the only literal text is `'<hidden>'`. So the SQL never contains
 * user text, and no `?` other than placeholders (knex.raw would treat it as one).
 *
 * As a last line of defence it refuses a plan in which a data or session table lacks its
 * visibility predicate.
 */
export class HqlCompiler {
  #sql = '';
  #bindings: unknown[] = [];
  /** The caller's visible users when the plan masks a column, bound once as `"vis"."ids"`. */
  #visibleUserIds: readonly number[] | null = null;
  #depth = 0;

  readonly #visitors: Visitors = {
    PlanNode: (n) => this.#plan(n),
    SelectionNode: (n) => this.#selection(n),
    TableNode: (n) => this.#tableRef(n),
    ColumnNode: (n) => this.#column(n),
    MaskedColumnNode: (n) => this.#maskedColumn(n),
    ValueNode: (n) => this.#value(n.value),
    SecurityPredicateNode: (n) => this.#securityPredicate(n),
    NamedValuesNode: (n) => this.#namedValues(n),
    BinaryOperationNode: (n) => this.#binary(n),
    LogicalNode: (n) => this.#logical(n),
    NotNode: (n) => this.#not(n),
    LikeNode: (n) => this.#like(n),
    InNode: (n) => this.#in(n),
    IsNullNode: (n) => this.#isNull(n),
    BetweenNode: (n) => this.#between(n),
    ExistsNode: (n) => this.#exists(n),
    SubqueryNode: (n) => this.#subquery(n),
    FunctionNode: (n) => this.#function(n),
    CastNode: (n) => this.#cast(n),
    CaseNode: (n) => this.#case(n),
    WhenNode: (n) => this.#when(n),
    OrderByItemNode: (n) => this.#orderByItem(n),
    // Parse-only kinds never reach the compiler: resolution replaces them.
    QueryNode: (n) => this.#unresolved(n),
    EntityRangeNode: (n) => this.#unresolved(n),
    JoinNode: (n) => this.#unresolved(n),
    SelectItemNode: (n) => this.#unresolved(n),
    MapNode: (n) => this.#unresolved(n),
    PathNode: (n) => this.#unresolved(n),
    ParameterNode: (n) => this.#unresolved(n),
    LiteralNode: (n) => this.#unresolved(n),
    IsEmptyNode: (n) => this.#unresolved(n),
  };

  /** Compiles a plan into frozen `{ sql, bindings }`. */
  compile(plan: PlanNode): CompiledSql {
    this.#sql = '';
    this.#bindings = [];
    // All of a plan's masks share one caller.
    this.#visibleUserIds = findNode(plan, 'MaskedColumnNode')?.visibleUserIds ?? null;
    this.#depth = 0;
    this.#visit(plan);
    const placeholders = this.#sql.split('?').length - 1;
    if (placeholders !== this.#bindings.length || this.#sql.includes('??')) {
      throw new Error(`compiled SQL has ${placeholders} placeholders for ${this.#bindings.length} bindings`);
    }
    return Object.freeze({ sql: this.#sql, bindings: Object.freeze([...this.#bindings]) });
  }

  #visit(node: Node): void {
    (this.#visitors[node.kind] as (n: Node) => void)(node);
  }

  #append(sql: string): void {
    this.#sql += sql;
  }

  #value(value: unknown): void {
    this.#bindings.push(value);
    this.#append('?');
  }

  #list(nodes: readonly Node[], separator = ', '): void {
    nodes.forEach((n, i) => {
      if (i > 0) this.#append(separator);
      this.#visit(n);
    });
  }

  /** Compiles `fn` into a separate buffer and returns what it produced. */
  #capture(fn: () => void): CompiledSql {
    const [sql, bindings] = [this.#sql, this.#bindings];
    this.#sql = '';
    this.#bindings = [];
    try {
      fn();
      return { sql: this.#sql, bindings: this.#bindings };
    } finally {
      this.#sql = sql;
      this.#bindings = bindings;
    }
  }

  #emit(fragment: CompiledSql): void {
    this.#append(fragment.sql);
    this.#bindings.push(...fragment.bindings);
  }

  #unresolved(node: Node): void {
    throw new Error(`cannot compile ${node.kind}: the query was not resolved`);
  }

  #plan(node: PlanNode): void {
    const outermost = this.#depth++ === 0;
    try {
      this.#planAt(node, outermost);
    } finally {
      this.#depth--;
    }
  }

  #planAt(node: PlanNode, outermost: boolean): void {
    this.#append(node.distinct ? 'select distinct ' : 'select ');
    const selected = node.selections.map((s) => {
      const fragment = this.#capture(() => this.#visit(s.expression));
      return { label: s.label, fragment };
    });
    selected.forEach(({ label, fragment }, i) => {
      if (i > 0) this.#append(', ');
      this.#emit(fragment);
      this.#append(` as ${quoteIdent(label)}`);
    });
    this.#append(' from ');
    const where: ExpressionNode[] = [];
    for (const table of node.tables) {
      assertSecured(table);
      const filters = table.filters.filter((f) => !isTrue(f));
      switch (table.join) {
        case 'from':
          this.#tableRef(table);
          if (outermost && this.#visibleUserIds) this.#visibleUsersTable(this.#visibleUserIds);
          where.push(...filters);
          break;
        case 'cross':
          this.#append(' cross join ');
          this.#tableRef(table);
          where.push(...filters);
          break;
        case 'inner':
          this.#append(' inner join ');
          this.#tableRef(table);
          this.#on(table.on, []);
          where.push(...filters);
          break;
        case 'left':
          this.#append(' left join ');
          this.#tableRef(table);
          this.#on(table.on, filters);
          break;
      }
    }
    if (node.where) where.push(node.where);
    const walk = outermost ? node.pageWalk : undefined;
    if (where.length > 0 || walk) {
      this.#append(' where ');
      this.#list(where, ' and ');
    }
    if (walk) {
      if (where.length > 0) this.#append(' and ');
      this.#pageWalk(walk, pageConditions(node));
    }
    if (node.groupBy.length > 0) {
      this.#append(' group by ');
      node.groupBy.forEach((g, i) => {
        if (i > 0) this.#append(', ');
        this.#selectedOrEmit(g, selected);
      });
    }
    if (node.having) {
      this.#append(' having ');
      this.#visit(node.having);
    }
    if (node.orderBy.length > 0) {
      this.#append(' order by ');
      node.orderBy.forEach((item, i) => {
        if (i > 0) this.#append(', ');
        this.#selectedOrEmit(item.expression, selected);
        this.#append(` ${item.direction}`);
      });
    }
    // A walked page is already exactly the page's rows.
    if (walk) return;
    if (node.limit) {
      this.#append(' limit ');
      this.#visit(node.limit);
    }
    if (node.offset) {
      this.#append(' offset ');
      this.#visit(node.offset);
    }
  }

  /**
   * `"t0"."id" = any(array(…))`: the ids of the page, from the first `offset + limit` ids of each
   * branch of the visibility predicate — per walked group, an index range read through a lateral
   * subquery — merged and paged (`PageWalk`). Inside, the alias names the walked table again, so
   * the query's own conditions compile unchanged; they may not use the outer `"vis"` row (a
   * reference to the outer query would make the subquery run once per row).
   */
  #pageWalk(walk: PageWalk, conditions: readonly ExpressionNode[]): void {
    const id = `${quoteIdent(walk.alias)}.${quoteIdent('id')}`;
    const order = `order by ${id} ${walk.direction} limit `;
    const branchPage = (sql: string, bindings: readonly unknown[]): void => {
      this.#append(`select ${id} from ${quoteIdent(walk.table)} as ${quoteIdent(walk.alias)} where (${sql})`);
      this.#bindings.push(...bindings);
      for (const c of conditions) {
        this.#append(' and ');
        this.#visit(c);
      }
      this.#append(` ${order}`);
      this.#value(walk.offset + walk.limit);
    };
    this.#append(`${id} = any(array(select "page"."id" from (`);
    walk.branches.forEach((branch, i) => {
      if (i > 0) this.#append(' union all ');
      if (branch.groupIds) {
        this.#append('select "branch"."id" from unnest(cast(');
        this.#value([...branch.groupIds]);
        this.#append(` as bigint[])) as ${quoteIdent(WALK.alias)}(${quoteIdent(WALK.column)}) cross join lateral (`);
        branchPage(branch.sql, branch.bindings);
        this.#append(') as "branch"');
      } else {
        this.#append('(');
        branchPage(branch.sql, branch.bindings);
        this.#append(')');
      }
    });
    this.#append(`) as "page" order by "page"."id" ${walk.direction} limit `);
    this.#value(walk.limit);
    if (walk.offset > 0) {
      this.#append(' offset ');
      this.#value(walk.offset);
    }
    this.#append('))');
  }

  /**
   * Emits an order-by or group-by expression, or the label of the selected column computing the
   * same SQL with the same bindings. PostgreSQL compares expressions textually, and two copies of
   * an expression with placeholders (`case when "t0"."id" = any($1) …` vs `any($7)`) differ;
   * `select distinct` also requires order-by expressions to be selected.
   */
  #selectedOrEmit(expression: ExpressionNode, selected: readonly { label: string; fragment: CompiledSql }[]): void {
    const fragment = this.#capture(() => this.#visit(expression));
    const same = selected.find((s) => sameFragment(s.fragment, fragment));
    if (same) this.#append(quoteIdent(same.label));
    else this.#emit(fragment);
  }

  #on(on: ExpressionNode | null, filters: readonly ExpressionNode[]): void {
    const conditions = [...(on ? [on] : []), ...filters];
    this.#append(' on ');
    if (conditions.length === 0) this.#append('true');
    else this.#list(conditions, ' and ');
  }

  #selection(node: SelectionNode): void {
    this.#visit(node.expression);
    this.#append(` as ${quoteIdent(node.label)}`);
  }

  #tableRef(node: TableNode): void {
    this.#append(`${quoteIdent(node.table)} as ${quoteIdent(node.alias)}`);
  }

  #column(node: ColumnNode): void {
    this.#append(`${quoteIdent(node.alias)}.${quoteIdent(node.column)}`);
  }

  /**
   * One row holding the visible users' ids, right after the first table so that every clause and
   * subquery can read it. Masks refer to its column instead of binding the list each time: so the
   * same masked column compiles to the same text everywhere, and PostgreSQL sees a `having` or
   * `select` on it as the grouped expression.
   */
  #visibleUsersTable(ids: readonly number[]): void {
    this.#append(' cross join (select cast(');
    this.#value([...ids]);
    this.#append(` as bigint[]) as ${quoteIdent('ids')}) as ${quoteIdent(VISIBLE_ALIAS)}`);
  }

  /**
   * `case when id = any("vis"."ids") or id is null then col else '<hidden>' end`: a user the caller
   * may not see reads masked, and a missing one (the null side of a left join) stays null rather
   * than turning into a `<hidden>` user that does not exist.
   */
  #maskedColumn(node: MaskedColumnNode): void {
    this.#append('case when ');
    this.#column(node.idColumn);
    this.#append(` = any(${quoteIdent(VISIBLE_ALIAS)}.${quoteIdent('ids')}) or `);
    this.#column(node.idColumn);
    this.#append(' is null then ');
    this.#column(node.column);
    this.#append(node.replacement === 'hidden' ? ` else '${HIDDEN_TEXT}' end` : ' else null end');
  }

  #securityPredicate(node: SecurityPredicateNode): void {
    this.#append(`(${node.sql})`);
    this.#bindings.push(...node.bindings);
  }

  #namedValues(node: NamedValuesNode): void {
    const c = (column: string): string => `${quoteIdent(node.innerAlias)}.${quoteIdent(column)}`;
    this.#append(
      `(select jsonb_agg(jsonb_build_array(${c('name')}, ${c('value')}) order by ${c(node.indexColumn)}) ` +
        `from ${quoteIdent(node.table)} as ${quoteIdent(node.innerAlias)} ` +
        `where ${c(node.keyColumn)} = ${quoteIdent(node.alias)}.${quoteIdent('id')})`,
    );
  }

  #binary(node: BinaryOperationNode): void {
    this.#append('(');
    this.#visit(node.left);
    this.#append(` ${node.operator} `);
    this.#visit(node.right);
    this.#append(')');
  }

  #logical(node: LogicalNode): void {
    this.#append('(');
    this.#visit(node.left);
    this.#append(` ${node.operator} `);
    this.#visit(node.right);
    this.#append(')');
  }

  #not(node: NotNode): void {
    this.#append('not ');
    this.#visit(node.operand);
  }

  #like(node: LikeNode): void {
    this.#append('(');
    this.#visit(node.expression);
    this.#append(`${node.negated ? ' not' : ''} ${node.caseInsensitive ? 'ilike' : 'like'} `);
    this.#visit(node.pattern);
    this.#append(')');
  }

  #in(node: InNode): void {
    const [only] = node.values;
    if (node.values.length === 1 && only?.kind === 'ValueNode' && isListValue(only.value)) {
      this.#append(node.negated ? '(not ' : '(');
      this.#visit(node.expression);
      this.#append(' = any(');
      this.#value(only.value);
      this.#append('))');
      return;
    }
    if (node.values.length === 0) {
      this.#append(node.negated ? 'true' : 'false');
      return;
    }
    this.#append('(');
    this.#visit(node.expression);
    this.#append(node.negated ? ' not in ' : ' in ');
    if (node.values.length === 1 && only?.kind === 'SubqueryNode') {
      this.#visit(only);
    } else {
      this.#append('(');
      this.#list(node.values);
      this.#append(')');
    }
    this.#append(')');
  }

  #isNull(node: IsNullNode): void {
    this.#append('(');
    this.#visit(node.expression);
    this.#append(node.negated ? ' is not null)' : ' is null)');
  }

  #between(node: BetweenNode): void {
    this.#append('(');
    this.#visit(node.expression);
    this.#append(node.negated ? ' not between ' : ' between ');
    this.#visit(node.low);
    this.#append(' and ');
    this.#visit(node.high);
    this.#append(')');
  }

  #exists(node: ExistsNode): void {
    this.#append('exists ');
    this.#visit(node.subquery);
  }

  #subquery(node: SubqueryNode): void {
    if (node.query.kind !== 'PlanNode') this.#unresolved(node.query);
    this.#append('(');
    this.#visit(node.query);
    this.#append(')');
  }

  #function(node: FunctionNode): void {
    const fn = sqlFunction(node.name);
    if (!fn) throw new Error(`unknown function ${JSON.stringify(node.name)}`);
    this.#append(`${fn.sql}(`);
    if (node.star) this.#append('*');
    else {
      if (node.distinct) this.#append('distinct ');
      this.#list(node.args);
    }
    this.#append(')');
  }

  #cast(node: CastNode): void {
    this.#append('cast(');
    this.#visit(node.expression);
    this.#append(` as ${SQL_TYPES[node.type]})`);
  }

  #case(node: CaseNode): void {
    this.#append('case');
    for (const w of node.whens) this.#when(w);
    if (node.otherwise) {
      this.#append(' else ');
      this.#visit(node.otherwise);
    }
    this.#append(' end');
  }

  #when(node: WhenNode): void {
    this.#append(' when ');
    this.#visit(node.condition);
    this.#append(' then ');
    this.#visit(node.result);
  }

  #orderByItem(node: OrderByItemNode): void {
    this.#visit(node.expression);
    this.#append(` ${node.direction}`);
  }
}

function isTrue(node: ExpressionNode): boolean {
  return node.kind === 'SecurityPredicateNode' && node.sql === 'true';
}

/** The walked table's own conditions (all but its visibility predicate, which the branches replace) and the query's. */
function pageConditions(plan: PlanNode): ExpressionNode[] {
  const [root] = plan.tables;
  const own = (root?.filters ?? []).filter((f) => f.kind !== 'SecurityPredicateNode');
  return [...own, ...(plan.where ? [plan.where] : [])];
}

function sameFragment(a: CompiledSql, b: CompiledSql): boolean {
  return a.sql === b.sql && JSON.stringify(a.bindings) === JSON.stringify(b.bindings);
}

/** Throws if a data or session table reached the compiler without its visibility predicate. */
function assertSecured(table: TableNode): void {
  if (table.entityKind !== 'data' && table.entityKind !== 'session') return;
  const secured = table.filters.some((f) => f.kind === 'SecurityPredicateNode' && f.alias === table.alias);
  if (!secured) throw new Error(`table ${table.table} as ${table.alias} has no visibility predicate`);
}

/** Compiles a secured plan (see `HqlCompiler`). */
export function compilePlan(plan: PlanNode): CompiledSql {
  return new HqlCompiler().compile(plan);
}
