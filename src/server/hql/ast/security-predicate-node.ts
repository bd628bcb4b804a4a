/**
 * A row-visibility condition for one table alias, produced by the security transformer from
 * `visibilitySql` / `sessionVisibilitySql` (server/security). `sql` uses `?` placeholders for
 * `bindings`; the compiler copies both verbatim.
 */
export interface SecurityPredicateNode {
  readonly kind: 'SecurityPredicateNode';
  readonly alias: string;
  readonly sql: string;
  readonly bindings: readonly unknown[];
}

export const SecurityPredicateNode = Object.freeze({
  is(node: { kind: string }): node is SecurityPredicateNode {
    return node.kind === 'SecurityPredicateNode';
  },
  create(alias: string, sql: string, bindings: readonly unknown[]): SecurityPredicateNode {
    return Object.freeze({ kind: 'SecurityPredicateNode', alias, sql, bindings: Object.freeze([...bindings]) });
  },
});
