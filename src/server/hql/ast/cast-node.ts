import type { ValueKind } from '../../db/entities.js';
import type { ExpressionNode } from './expression-node.js';

/** `cast(expression as type)`; `type` is the value kind the HQL type name maps to. */
export interface CastNode {
  readonly kind: 'CastNode';
  readonly expression: ExpressionNode;
  readonly type: ValueKind;
}

export const CastNode = Object.freeze({
  is(node: { kind: string }): node is CastNode {
    return node.kind === 'CastNode';
  },
  create(expression: ExpressionNode, type: ValueKind): CastNode {
    return Object.freeze({ kind: 'CastNode', expression, type });
  },
});
