import type { Knex } from 'knex';
import type { ChildDecider } from './child-options.js';
import { ANNOTATION_LINKS, CONTAINER_LINKS, LINKS } from './graph-schema.js';
import { GraphSet, type GraphRow, type LinkRow } from './graph-set.js';
import { linksAt, loadRows } from './graph-store.js';

/** The per-command rules of a graph walk. */
export interface PlanRules {
  /** Child options of the request. */
  readonly decide: ChildDecider;
  /**
   * Whether a contained child may go with its parents (ownership rules of chgrp/chown); `parents`
   * are the objects of the graph that contain it.
   */
  readonly acceptChild: (child: GraphRow, parents: readonly GraphRow[]) => boolean;
  /**
   * Whether an annotation no longer linked to anything outside the graph goes with it; `parents`
   * are the objects of the graph it annotates.
   */
  readonly acceptOrphanAnnotation: (annotation: GraphRow, parents: readonly GraphRow[]) => boolean;
}

/** What a graph command acts on. */
export interface GraphPlan {
  /** Targets, the children they take with them, and the annotations that go too. */
  readonly objects: GraphSet;
  /**
   * The objects whose rights the command checks: targets, contained children and annotations
   * forced in by a child option. Links and orphaned annotations follow "regardless of
   * permissions" (reference permissions §6).
   */
  readonly checked: readonly GraphRow[];
  /** Links (not themselves targets) whose both ends are in `objects`. */
  readonly innerLinks: readonly LinkRow[];
  /** Links with exactly one end in `objects`: they cannot stay as they are. */
  readonly outerLinks: readonly LinkRow[];
}

/**
 * Walks the graph from `targets` (reference api §4.6): a contained child (Dataset of a Project,
 * Image of a Dataset) joins when every parent it has joined — a Dataset still in another Project
 * stays, and so does an Image still in another Dataset — or when a child option includes it, never
 * when one excludes it; then annotations of the graph join when nothing outside still links them
 * and `acceptOrphanAnnotation` agrees (or a child option includes them); finally every link
 * touching the graph is sorted into inner and outer links.
 */
export async function planGraph(db: Knex | Knex.Transaction, targets: GraphSet, rules: PlanRules): Promise<GraphPlan> {
  const objects = new GraphSet(targets.rows());
  const checked: GraphRow[] = targets.rows();
  for (let grew = true; grew; ) {
    grew = false;
    for (const link of CONTAINER_LINKS) {
      const down = await linksAt(db, link, 'parent', objects.ids(link.parent.table));
      const candidates = [...new Set(down.map((l) => l.child))].filter((id) => !objects.has(link.child.table, id));
      if (candidates.length === 0) continue;
      const parentsOf = groupBy(await linksAt(db, link, 'child', candidates), (l) => l.child);
      for (const child of await loadRows(db, link.child, candidates)) {
        const decision = rules.decide(child);
        const links = parentsOf.get(child.id) ?? [];
        const parents = links.map((l) => objects.get(link.parent.table, l.parent)).filter((r): r is GraphRow => r !== undefined);
        if (decision === 'exclude' || !rules.acceptChild(child, parents)) continue;
        const orphan = parents.length === links.length;
        if ((orphan || decision === 'include') && objects.add(child)) {
          checked.push(child);
          grew = true;
        }
      }
    }
  }
  await addAnnotations(db, objects, checked, rules);
  const innerLinks: LinkRow[] = [];
  const outerLinks: LinkRow[] = [];
  for (const link of LINKS) {
    const found = new Map<number, LinkRow>();
    for (const l of await linksAt(db, link, 'parent', objects.ids(link.parent.table))) found.set(l.id, l);
    for (const l of await linksAt(db, link, 'child', objects.ids(link.child.table))) found.set(l.id, l);
    for (const l of found.values()) {
      if (objects.has(link.def.table, l.id)) continue;
      const inner = objects.has(link.parent.table, l.parent) && objects.has(link.child.table, l.child);
      (inner ? innerLinks : outerLinks).push(l);
    }
  }
  return { objects, checked, innerLinks, outerLinks };
}

async function addAnnotations(db: Knex | Knex.Transaction, objects: GraphSet, checked: GraphRow[], rules: PlanRules): Promise<void> {
  const candidates = new Set<number>();
  for (const link of ANNOTATION_LINKS) {
    for (const l of await linksAt(db, link, 'parent', objects.ids(link.parent.table))) {
      if (!objects.has(link.child.table, l.child)) candidates.add(l.child);
    }
  }
  if (candidates.size === 0) return;
  const ids = [...candidates];
  const parents = new Map<number, Array<{ table: string; id: number }>>();
  for (const link of ANNOTATION_LINKS) {
    for (const l of await linksAt(db, link, 'child', ids)) {
      const list = parents.get(l.child) ?? [];
      list.push({ table: link.parent.table, id: l.parent });
      parents.set(l.child, list);
    }
  }
  const table = ANNOTATION_LINKS[0]!.child;
  for (const annotation of await loadRows(db, table, ids)) {
    const decision = rules.decide(annotation);
    if (decision === 'exclude') continue;
    const links = parents.get(annotation.id) ?? [];
    const orphan = links.every((p) => objects.has(p.table, p.id));
    const annotated = links.map((p) => objects.get(p.table, p.id)).filter((r): r is GraphRow => r !== undefined);
    if (decision === 'include') {
      if (objects.add(annotation)) checked.push(annotation);
    } else if (orphan && rules.acceptOrphanAnnotation(annotation, annotated)) {
      objects.add(annotation);
    }
  }
}

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const result = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = result.get(k) ?? [];
    list.push(item);
    result.set(k, list);
  }
  return result;
}
