import type { ExperimenterI, Roles } from '../../model/index.js';
import type { Table } from '../output/index.js';
import { pySortBy } from './py-sort.js';

/** The users table flags (reference cli §1.3); unset flags are false. */
export interface UsersTableOptions {
  /** `--count`: group columns as counts; otherwise (`--long`, the default) as id lists. */
  readonly count?: boolean;
  readonly sortByLogin?: boolean;
  readonly sortByFirstName?: boolean;
  readonly sortByLastName?: boolean;
  readonly sortByEmail?: boolean;
}

const HEADERS = ['id', 'login', 'first name', 'last name', 'email', 'active', 'ldap', 'admin'] as const;

/**
 * OMERO's users table (`output_users_list`, reference cli §1.3): id, login, names, email (or ""),
 * `active` = "Yes" when in the `user` group, `ldap` True/False, `admin` = "Yes" when in the `system`
 * group, then the other groups the user is a member / an owner of — comma-joined ids in the
 * server's link order, or their counts with `--count` (an empty list shows "", not 0). Sorted by
 * the one sort flag given (login, first name, last name, email with "" for none), else by id;
 * when several are given (argparse lets `--sort-by-id` through) the first of that list wins.
 * Sorts `users` in place.
 */
export function collectUsersTable(users: ExperimenterI[], roles: Roles, options: UsersTableOptions): Table {
  const headers = [...HEADERS, ...(options.count ? ['# group memberships', '# group ownerships'] : ['member of', 'owner of'])];
  if (options.sortByLogin) pySortBy(users, (u) => u.omeName?.val ?? '');
  else if (options.sortByFirstName) pySortBy(users, (u) => u.firstName?.val ?? '');
  else if (options.sortByLastName) pySortBy(users, (u) => u.lastName?.val ?? '');
  else if (options.sortByEmail) pySortBy(users, (u) => u.email?.val || '');
  else pySortBy(users, (u) => u.id!.val);
  const rows = users.map((user) => {
    let active = '';
    let admin = '';
    const memberOf: string[] = [];
    const leaderOf: string[] = [];
    for (const map of user.copyGroupExperimenterMap()) {
      if (!map) continue;
      const gid = map.parent!.id!.val;
      if (gid === roles.userGroupId) active = 'Yes';
      else if (gid === roles.systemGroupId) admin = 'Yes';
      else if (map.owner?.val) leaderOf.push(String(gid));
      else memberOf.push(String(gid));
    }
    const list = (ids: string[]) => (ids.length === 0 ? '' : options.count ? ids.length : ids.join(','));
    return [
      user.id!.val,
      user.omeName?.val ?? '',
      user.firstName?.val ?? '',
      user.lastName?.val ?? '',
      user.email?.val || '',
      active,
      Boolean(user.ldap?.val),
      admin,
      list(memberOf),
      list(leaderOf),
    ];
  });
  return { headers, rows };
}
