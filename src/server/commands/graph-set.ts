import type { ObjectIds } from '../../model/index.js';
import type { EntityDef } from '../db/entities.js';

/** One row of the data graph: its concrete entity, owner and group. */
export interface GraphRow {
  /** The concrete entity (`CommentAnnotation`, not `Annotation`). */
  readonly def: EntityDef;
  readonly id: number;
  readonly ownerId: number;
  readonly groupId: number;
  /** Annotation namespace, for child options with namespaces; null otherwise. */
  readonly ns: string | null;
}

/** A link row: a GraphRow plus its ends. */
export interface LinkRow extends GraphRow {
  readonly parent: number;
  readonly child: number;
}

/** For messages: `ome.model.containers.Project[5]`, as OMERO's graph messages name objects. */
export function graphLabel(row: GraphRow): string {
  return `${row.def.serverClass}[${row.id}]`;
}

/**
 * A set of graph rows keyed by table and id (the annotation subclasses share one table), in
 * insertion order.
 */
export class GraphSet {
  readonly #rows = new Map<string, GraphRow>();

  constructor(rows: Iterable<GraphRow> = []) {
    for (const r of rows) this.add(r);
  }

  #key(table: string, id: number): string {
    return `${table}:${id}`;
  }

  /** Adds a row; returns false when it was there already. */
  add(row: GraphRow): boolean {
    const key = this.#key(row.def.table, row.id);
    if (this.#rows.has(key)) return false;
    this.#rows.set(key, row);
    return true;
  }

  /** Whether the row `id` of `table` is in the set. */
  has(table: string, id: number): boolean {
    return this.#rows.has(this.#key(table, id));
  }

  /** The row `id` of `table`, if in the set. */
  get(table: string, id: number): GraphRow | undefined {
    return this.#rows.get(this.#key(table, id));
  }

  /** How many rows the set holds. */
  get size(): number {
    return this.#rows.size;
  }

  /** Ids of the rows stored in `table`. */
  ids(table: string): number[] {
    return this.rows().filter((r) => r.def.table === table).map((r) => r.id);
  }

  /** The rows, in insertion order. */
  rows(): GraphRow[] {
    return [...this.#rows.values()];
  }

  /** The rows as a response map: full server class name → sorted ids (reference api §4.2). */
  toObjectIds(): ObjectIds {
    const result: ObjectIds = {};
    for (const r of this.#rows.values()) (result[r.def.serverClass] ??= []).push(r.id);
    for (const ids of Object.values(result)) ids.sort((a, b) => a - b);
    return result;
  }
}
