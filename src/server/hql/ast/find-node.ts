import type { NodeKind, NodeOfKind } from './node.js';

/** The first node of a kind anywhere under `root` (depth first), or null. Walks plain data, so any frozen tree will do. */
export function findNode<K extends NodeKind>(root: unknown, kind: K): NodeOfKind<K> | null {
  if (root === null || typeof root !== 'object') return null;
  if ((root as { kind?: unknown }).kind === kind) return root as NodeOfKind<K>;
  for (const child of Object.values(root)) {
    const found = findNode(child, kind);
    if (found) return found;
  }
  return null;
}
