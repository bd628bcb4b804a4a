import type { ExpressionNode } from './expression-node.js';
import type { SourcePosition } from './source-position.js';

/**
 * A function call: `lower(x)`, `index(m)`, `size(p.datasetLinks)`, or an aggregate
 * `count([distinct] x)`, `count(*)` (`star`), `sum`, `min`, `max`, `avg`. `name` is lower case.
 */
export interface FunctionNode {
  readonly kind: 'FunctionNode';
  readonly name: string;
  readonly args: readonly ExpressionNode[];
  readonly distinct: boolean;
  readonly star: boolean;
  readonly position: SourcePosition | null;
}

export const FunctionNode = Object.freeze({
  is(node: { kind: string }): node is FunctionNode {
    return node.kind === 'FunctionNode';
  },
  create(
    name: string,
    args: readonly ExpressionNode[],
    options: { distinct?: boolean; star?: boolean; position?: SourcePosition | null } = {},
  ): FunctionNode {
    return Object.freeze({
      kind: 'FunctionNode',
      name: name.toLowerCase(),
      args: Object.freeze([...args]),
      distinct: options.distinct ?? false,
      star: options.star ?? false,
      position: options.position ?? null,
    });
  },
  cloneWithArgs(node: FunctionNode, args: readonly ExpressionNode[]): FunctionNode {
    return Object.freeze({ ...node, args: Object.freeze([...args]) });
  },
});
