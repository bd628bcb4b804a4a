import type { IContainer, Served } from '../../../contract/index.js';
import { ApiUsageException, type IObject } from '../../../model/index.js';
import type { CallContext } from '../../call/call-context.js';
import { queryObjects } from './run-hql.js';
import { readParameters, type QueryParameters } from './query-parameters.js';

const ROOTS = ['Project', 'Dataset'] as const;
type Root = (typeof ROOTS)[number];

/**
 * IContainer (reference api §1.6): container hierarchies. Unlike IQuery it honours the
 * parameters' `exp(userId)` and `grp(groupId)` filters and the `leaves()` / `orphan()` options.
 * Everything goes through HQL, so every table is filtered by the caller's read scope.
 */
export class ContainerService implements Served<IContainer, CallContext> {
  /** Projects (with datasets, and images with `leaves()`) or datasets (with images with `leaves()`). */
  async loadContainerHierarchy(call: CallContext, rootType: string, ids: readonly number[] | null, options: unknown): Promise<IObject[]> {
    const root = rootOf(rootType);
    const p = readParameters(options);
    if ((ids === null || ids === undefined) && p.ownerId === undefined && p.groupId === undefined) {
      throw new ApiUsageException('Set of ids for loadContainerHierarchy() may not be null if experimenter and group options are null.');
    }
    const params: Record<string, unknown> = {};
    const where = filters('r', p, params);
    if (ids !== null && ids !== undefined) {
      where.push('r.id in (:ids)');
      params.ids = checkedIds(ids);
    }
    const images = p.leaves ? ' left outer join fetch ds.imageLinks il left outer join fetch il.child' : '';
    const fetch =
      root === 'Project'
        ? ` left outer join fetch r.datasetLinks dl left outer join fetch dl.child ds${images}`
        : p.leaves
          ? ' left outer join fetch r.imageLinks il left outer join fetch il.child'
          : '';
    const hql = `select distinct r from ${root} r${fetch}${where.length ? ` where ${where.join(' and ')}` : ''} order by r.id`;
    const found = await queryObjects(call, hql, { params });
    if (root === 'Project' && p.orphan) found.push(...(await this.#orphanDatasets(call, p)));
    return found;
  }

  /** Images inside the given projects, datasets or images; exp()/grp() filter the images. */
  async getImages(call: CallContext, rootType: string, ids: readonly number[], options: unknown): Promise<IObject[]> {
    const p = readParameters(options);
    const params: Record<string, unknown> = { ids: checkedIds(ids) };
    const where = filters('i', p, params);
    const path: Record<string, string> = {
      Project: 'join i.datasetLinks dil join dil.parent d join d.projectLinks pdl join pdl.parent c where c.id in (:ids)',
      Dataset: 'join i.datasetLinks dil join dil.parent c where c.id in (:ids)',
      Image: 'where i.id in (:ids)',
    };
    const type = String(rootType).replace(/^(omero\.model\.)?/, '').replace(/I$/, '');
    const join = path[type];
    if (!join) throw new ApiUsageException(`${rootType} is not a valid container type for getImages (Project, Dataset or Image)`);
    const hql = `select distinct i from Image i ${join}${where.length ? ` and ${where.join(' and ')}` : ''} order by i.id`;
    return queryObjects(call, hql, { params });
  }

  /** The roots (projects, orphan datasets, orphan images) holding the images, linked down to those images only. */
  async findContainerHierarchies(call: CallContext, rootType: string, imageIds: readonly number[], options: unknown): Promise<IObject[]> {
    if (rootOf(rootType) !== 'Project') throw new ApiUsageException('findContainerHierarchies supports rootType Project only');
    const p = readParameters(options);
    const params: Record<string, unknown> = { ids: checkedIds(imageIds) };
    const f = (alias: string) => {
      const w = filters(alias, p, params);
      return w.length ? ` and ${w.join(' and ')}` : '';
    };
    const projects = await queryObjects(
      call,
      `select distinct r from Project r join fetch r.datasetLinks dl join fetch dl.child ds join fetch ds.imageLinks il join fetch il.child i where i.id in (:ids)${f('r')} order by r.id`,
      { params },
    );
    const datasets = await queryObjects(
      call,
      `select distinct ds from Dataset ds join fetch ds.imageLinks il join fetch il.child i where i.id in (:ids) and not exists (select l from ProjectDatasetLink l where l.child = ds.id)${f('ds')} order by ds.id`,
      { params },
    );
    const images = await queryObjects(
      call,
      `select i from Image i where i.id in (:ids) and not exists (select l from DatasetImageLink l where l.child = i.id)${f('i')} order by i.id`,
      { params },
    );
    return [...projects, ...datasets, ...images];
  }

  async #orphanDatasets(call: CallContext, p: QueryParameters): Promise<IObject[]> {
    const params: Record<string, unknown> = {};
    const where = ['not exists (select l from ProjectDatasetLink l where l.child = d.id)', ...filters('d', p, params)];
    const images = p.leaves ? ' left outer join fetch d.imageLinks il left outer join fetch il.child' : '';
    return queryObjects(call, `select distinct d from Dataset d${images} where ${where.join(' and ')} order by d.id`, { params });
  }
}

function rootOf(rootType: unknown): Root {
  const t = String(rootType).replace(/^(omero\.model\.|ome\.model\.containers\.)/, '').replace(/I$/, '');
  if (!(ROOTS as readonly string[]).includes(t)) {
    throw new ApiUsageException(`${String(rootType)} is not a valid root type (Project or Dataset)`);
  }
  return t as Root;
}

/** The `exp()`/`grp()` filters as HQL conditions on `alias`, with their parameters. */
function filters(alias: string, p: QueryParameters, params: Record<string, unknown>): string[] {
  const where: string[] = [];
  if (p.ownerId !== undefined) {
    where.push(`${alias}.details.owner.id = :ownerId`);
    params.ownerId = p.ownerId;
  }
  if (p.groupId !== undefined) {
    where.push(`${alias}.details.group.id = :groupId`);
    params.groupId = p.groupId;
  }
  return where;
}

function checkedIds(ids: readonly unknown[]): number[] {
  if (!Array.isArray(ids)) throw new ApiUsageException('ids must be a list of numbers');
  return ids.map((x) => {
    const v = typeof x === 'object' && x !== null && 'val' in x ? (x as { val: unknown }).val : x;
    if (typeof v !== 'number' || !Number.isSafeInteger(v)) throw new ApiUsageException(`Invalid id: ${String(v)}`);
    return v;
  });
}
