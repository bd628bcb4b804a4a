import type { ObjectIds } from '../../model/index.js';
import type { Table } from '../output/index.js';

/**
 * What a permission change severs (links between data of different owners) and deletes (the
 * annotations only those links kept), from Chmod2's `deletedObjects` (reference permissions §4):
 * one row per class, links first. The same table for a dry run and for the change itself, so
 * the two can be compared.
 */
export function collectSeveredTable(deleted: ObjectIds): Table {
  const rows = Object.entries(deleted)
    .map(([serverClass, ids]) => {
      const name = serverClass.slice(serverClass.lastIndexOf('.') + 1);
      return [name.endsWith('Link') ? 'severed' : 'deleted', name, ids.length, [...ids].sort((a, b) => a - b).join(',')];
    })
    .sort((a, b) => String(b[0]).localeCompare(String(a[0])) || String(a[1]).localeCompare(String(b[1])));
  return { headers: ['effect', 'class', 'count', 'ids'], rows };
}
