import type { GroupRef, UserImportRow } from '../../client/services/admin-service-prx.js';
import { listCell, RowError, textCell, yesNo, type ColumnSpec } from './import-columns.js';

/** The columns of `omero user import` (and those `omero user list --style csv` writes). */
export const USER_COLUMNS: readonly ColumnSpec[] = [
  { key: 'login', names: ['login', 'username', 'omename'], help: 'login name (required); matches existing users' },
  { key: 'first', names: ['first', 'first name', 'firstname'], help: 'first name (required for new users)' },
  { key: 'last', names: ['last', 'last name', 'lastname'], help: 'last name (required for new users)' },
  { key: 'middle', names: ['middle', 'middle name', 'middlename'], help: 'middle name' },
  { key: 'email', names: ['email'], help: 'email address (checked)' },
  { key: 'institution', names: ['institution'], help: 'institution' },
  { key: 'groups', names: ['groups', 'group'], help: 'group names, separated by ";" or ","; the first is the default group' },
  { key: 'memberOf', names: ['member of'], help: 'group ids, as `omero user list --style csv` writes them' },
  { key: 'ownerOf', names: ['owner-of'], help: 'names of groups the user owns (and is a member of)' },
  { key: 'ownerOfIds', names: ['owner of'], help: 'ids of groups the user owns, as `omero user list` writes them' },
  { key: 'admin', names: ['admin'], help: 'yes: an administrator (member of system)' },
  { key: 'privileges', names: ['admin privileges', 'admin-privileges', 'privileges'], help: "an admin's privileges (e.g. ModifyUser;ModifyGroupMembership); empty: all" },
  { key: 'password', names: ['password'], help: 'password of a new user (warned about when others may read the file)' },
  { key: 'passwordHash', names: ['password-hash', 'password hash'], help: 'or its hash in this server\'s format ($scrypt$ln=…)' },
  { key: 'active', names: ['active'], help: 'yes (default without the column) or no (empty = no, as user list writes it)' },
  { key: 'ldap', names: ['ldap'], help: 'True: a new user authenticates through LDAP (user list\'s column)' },
  { key: 'id', names: ['id'], help: "ignored (ids belong to the server that wrote the file)" },
];

function ids(value: string, column: string): number[] {
  return listCell(value).map((s) => {
    if (!/^\d+$/.test(s)) throw new RowError(`${column} holds group ids, not "${s}"`);
    return Number(s);
  });
}

/**
 * A record as the row the server applies; throws {@link RowError} for a cell the CLI can tell is
 * wrong. Columns absent from the file stay undefined (the user's current value is kept).
 */
export function userRow(line: number, v: Readonly<Record<string, string>>): UserImportRow {
  const login = v.login ?? '';
  if (login === '') throw new RowError('login is empty');
  const row: Record<string, unknown> = { line, login };
  for (const key of ['first', 'last', 'middle', 'email', 'institution', 'password', 'passwordHash'] as const) {
    if (v[key] !== undefined) row[key] = textCell(v[key]);
  }
  const groups: GroupRef[] | undefined = v.groups !== undefined ? listCell(v.groups) : v.memberOf !== undefined ? ids(v.memberOf, 'member of') : undefined;
  const owned: GroupRef[] | undefined = v.ownerOf !== undefined ? listCell(v.ownerOf) : v.ownerOfIds !== undefined ? ids(v.ownerOfIds, 'owner of') : undefined;
  if (groups !== undefined) row.groups = groups;
  if (v.groups === undefined && (v.memberOf !== undefined || v.ownerOfIds !== undefined)) row.keepDefault = true;
  if (owned !== undefined) row.ownerOf = owned;
  if (v.admin !== undefined) row.admin = yesNo(v.admin, 'admin');
  if (v.active !== undefined) row.active = yesNo(v.active, 'active');
  if (v.ldap !== undefined) row.ldap = yesNo(v.ldap, 'ldap');
  if (v.privileges !== undefined) row.privileges = listCell(v.privileges);
  return row as unknown as UserImportRow;
}
