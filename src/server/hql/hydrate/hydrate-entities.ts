import type { IObject } from '../../../model/index.js';
import { usageException } from '../hql-error.js';
import type { ResultShape } from '../result-shape.js';
import { type Decorate, EntityGraph } from './entity-graph.js';

type Row = Readonly<Record<string, unknown>>;

/**
 * Applies Hibernate's list semantics after hydration: in-memory distinct and paging for
 * collection fetches (`ResultShape.distinctRoots`, `page`), and `uniqueResult()` for findByQuery.
 */
export function finishList<T>(items: T[], shape: ResultShape): T[] {
  let out = items;
  if (shape.distinctRoots) out = [...new Set(out)];
  if (shape.page) {
    const end = shape.page.limit === null ? undefined : shape.page.offset + shape.page.limit;
    out = out.slice(shape.page.offset, end);
  }
  if (shape.unique && new Set(out).size > 1) {
    throw usageException(
      `Query named:\n\n\t${shape.hql}\n\nhas returned more than one Object\n` +
        'findBy methods must return a single value.\nPlease try findAllBy methods for queries which return Lists.',
    );
  }
  return shape.unique ? out.slice(0, 1) : out;
}

/**
 * Turns the rows of an entity query into model objects (`IQuery.findAllByQuery` /
 * `findByQuery`): one object per row (Hibernate keeps duplicates that a collection fetch
 * produces, unless the query says `distinct` or is paged), null where a selected entity is null.
 *
 * ### Examples
 *
 * ```ts
 * const c = compileHql('select p from Project p join fetch p.datasetLinks l join fetch l.child', { scope })
 * const { rows } = await knex.raw(c.sql, c.bindings)
 * const projects = hydrateEntities(rows, c.shape, (obj, { ownerId, groupId }) => setPermissions(obj, groupId))
 * projects[0].linkedDatasetList()   // loaded datasets
 * projects[0].details.owner.id.val  // an unloaded ExperimenterI proxy
 * ```
 *
 * @throws ApiUsageException when the query does not select exactly one entity per row (OMERO's
 *   findAllByQuery only returns IObjects), or for `unique` with several distinct results.
 */
export function hydrateEntities(rows: readonly Row[], shape: ResultShape, decorate: Decorate): (IObject | null)[] {
  const [column, ...rest] = shape.columns;
  if (!column || column.kind !== 'entity' || rest.length > 0) {
    throw usageException(
      `Query does not return model objects (select exactly one entity, or use projection): ${shape.hql}`,
    );
  }
  const graph = new EntityGraph();
  for (const row of rows) graph.collect(row, column);
  const objects = rows.map((row) => graph.wire(row, column));
  graph.finish(decorate);
  return finishList(objects, shape);
}
