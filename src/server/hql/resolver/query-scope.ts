import type { EntityDef } from '../../db/entities.js';
import type { SourcePosition } from '../ast/source-position.js';
import type { TableNode } from '../ast/table-node.js';

/** How an alias hangs off another one. */
export interface AliasParent {
  readonly alias: AliasInfo;
  /** The HQL property (`datasetLinks`, `details.owner`, `mapValue`). */
  readonly property: string;
  readonly kind: 'reference' | 'collection' | 'components';
}

/** One table alias known to the resolver. */
export interface AliasInfo {
  /** Generated SQL alias (`t3`). */
  readonly sqlAlias: string;
  /** The alias written in the HQL, if any. */
  readonly hqlAlias: string | null;
  /** The entity, or null for a `NamedValue` side table. */
  readonly def: EntityDef | null;
  readonly scope: QueryScope;
  readonly parent: AliasParent | null;
  /** `join fetch` (top-level query only). */
  readonly fetch: boolean;
  /** Root or explicit join (as opposed to an implicit join made by a path). */
  readonly explicit: boolean;
  /** Column giving the element's position in its ordered parent collection, for `index(x)`. */
  readonly indexColumn: string | null;
  readonly position: SourcePosition | null;
}

/**
 * The aliases and tables of one query level (the top query or a subquery). Subqueries see the
 * aliases of enclosing levels; implicit joins are added to the level that owns their alias.
 */
export class QueryScope {
  readonly parent: QueryScope | null;
  readonly #aliases = new Map<string, AliasInfo>();
  readonly roots: AliasInfo[] = [];
  /** Every alias of this level, in creation order. */
  readonly all: AliasInfo[] = [];
  /** The tables of this level, in from-clause order (implicit joins appended as found). */
  readonly tables: TableNode[] = [];
  /** Implicit joins by `<owner sql alias>.<property>`, so that a path joins once. */
  readonly implicit = new Map<string, AliasInfo>();

  constructor(parent: QueryScope | null) {
    this.parent = parent;
  }

  /** An HQL alias visible here (this level first, then enclosing ones). */
  lookup(name: string): AliasInfo | undefined {
    return this.#aliases.get(name) ?? this.parent?.lookup(name);
  }

  /** Whether this level already declares `name`. */
  declares(name: string): boolean {
    return this.#aliases.has(name);
  }

  add(info: AliasInfo, table: TableNode, root: boolean): void {
    if (info.hqlAlias) this.#aliases.set(info.hqlAlias, info);
    if (root) this.roots.push(info);
    this.all.push(info);
    this.tables.push(table);
  }
}
