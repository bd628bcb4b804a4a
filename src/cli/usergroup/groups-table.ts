import type { ExperimenterGroupI } from '../../model/index.js';
import type { Table } from '../output/index.js';
import { memberIds, ownerIds } from './group-members.js';
import { pySortBy } from './py-sort.js';

/** The groups table flags (reference cli §1.4); unset flags are false. */
export interface GroupsTableOptions {
  /** `--long`: user columns as id lists; otherwise (`--count`, the default) as counts. */
  readonly long?: boolean;
  readonly sortByName?: boolean;
}

/**
 * OMERO's groups table (`output_groups_list`, reference cli §1.4): id, name, permissions
 * (`rwr---`), ldap True/False, then the number of owners and of members (owners excluded), or
 * with `--long` their ids comma-joined and sorted as strings. Sorted by name with
 * `--sort-by-name`, else by id. Sorts `groups` in place.
 */
export function collectGroupsTable(groups: ExperimenterGroupI[], options: GroupsTableOptions): Table {
  if (options.sortByName) pySortBy(groups, (g) => g.name?.val ?? '');
  else pySortBy(groups, (g) => g.id!.val);
  const headers = ['id', 'name', 'perms', 'ldap', ...(options.long ? ['owner ids', 'member ids'] : ['# of owners', '# of members'])];
  const rows = groups.map((group) => {
    const owners = ownerIds(group);
    const members = memberIds(group);
    const ids = (list: number[]) => pySortBy(list.map(String), (s) => s).join(',');
    return [
      group.id!.val,
      group.name?.val ?? '',
      String(group.details.permissions),
      Boolean(group.ldap?.val),
      ...(options.long ? [ids(owners), ids(members)] : [owners.length, members.length]),
    ];
  });
  return { headers, rows };
}
