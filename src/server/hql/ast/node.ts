import type { EntityRangeNode } from './entity-range-node.js';
import type { ExpressionNode } from './expression-node.js';
import type { JoinNode } from './join-node.js';
import type { MapNode } from './map-node.js';
import type { OrderByItemNode } from './order-by-item-node.js';
import type { PlanNode } from './plan-node.js';
import type { QueryNode } from './query-node.js';
import type { SelectItemNode } from './select-item-node.js';
import type { SelectionNode } from './selection-node.js';
import type { TableNode } from './table-node.js';
import type { WhenNode } from './when-node.js';

/**
 * Every node of the HQL tree, parsed (`QueryNode`, `PathNode`, `ParameterNode`…) and resolved
 * (`PlanNode`, `TableNode`, `ColumnNode`, `ValueNode`…). Visitors dispatch on `kind` through a
 * `Record<NodeKind, …>`, so a new kind without a handler is a type error.
 */
export type Node =
  | ExpressionNode
  | QueryNode
  | EntityRangeNode
  | JoinNode
  | SelectItemNode
  | MapNode
  | OrderByItemNode
  | WhenNode
  | PlanNode
  | TableNode
  | SelectionNode;

/** The closed set of node kinds. */
export type NodeKind = Node['kind'];

/** The node type of one kind. */
export type NodeOfKind<K extends NodeKind> = Extract<Node, { kind: K }>;
