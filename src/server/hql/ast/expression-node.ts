import type { BetweenNode } from './between-node.js';
import type { BinaryOperationNode } from './binary-operation-node.js';
import type { CaseNode } from './case-node.js';
import type { CastNode } from './cast-node.js';
import type { ColumnNode } from './column-node.js';
import type { ExistsNode } from './exists-node.js';
import type { FunctionNode } from './function-node.js';
import type { InNode } from './in-node.js';
import type { IsEmptyNode } from './is-empty-node.js';
import type { IsNullNode } from './is-null-node.js';
import type { LikeNode } from './like-node.js';
import type { LiteralNode } from './literal-node.js';
import type { LogicalNode } from './logical-node.js';
import type { MaskedColumnNode } from './masked-column-node.js';
import type { NamedValuesNode } from './named-values-node.js';
import type { NotNode } from './not-node.js';
import type { ParameterNode } from './parameter-node.js';
import type { PathNode } from './path-node.js';
import type { SecurityPredicateNode } from './security-predicate-node.js';
import type { SubqueryNode } from './subquery-node.js';
import type { ValueNode } from './value-node.js';

/**
 * Every node that stands for a value or a condition. HQL conditions are expressions too (the
 * parser has one precedence ladder `or` → `and` → `not` → predicate); the resolver checks that
 * `where`/`having`/`on` get conditions and the select list gets values.
 */
export type ExpressionNode =
  | PathNode
  | ParameterNode
  | LiteralNode
  | BinaryOperationNode
  | LogicalNode
  | NotNode
  | LikeNode
  | InNode
  | IsNullNode
  | IsEmptyNode
  | BetweenNode
  | ExistsNode
  | SubqueryNode
  | FunctionNode
  | CastNode
  | CaseNode
  | ColumnNode
  | MaskedColumnNode
  | ValueNode
  | SecurityPredicateNode
  | NamedValuesNode;
