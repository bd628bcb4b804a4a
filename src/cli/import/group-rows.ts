import type { GroupImportRow } from '../../client/services/admin-service-prx.js';
import { PermissionsI } from '../../model/index.js';
import { PERMISSION_TYPES } from '../usergroup/index.js';
import { listCell, RowError, textCell, type ColumnSpec } from './import-columns.js';

/** The columns of `omero group import`. */
export const GROUP_COLUMNS: readonly ColumnSpec[] = [
  { key: 'name', names: ['name', 'group'], help: 'group name (required); matches existing groups' },
  { key: 'permissions', names: ['permissions', 'perms', 'type'], help: 'rw----, rwr---, rwra--, rwrw-- or private, read-only, read-annotate, read-write (new groups: private)' },
  { key: 'owners', names: ['owners', 'owner'], help: 'logins of the owners, separated by ";" or ","' },
  { key: 'description', names: ['description'], help: 'description' },
];

/** A record as the row the server applies; throws {@link RowError} for a bad cell. */
export function groupRow(line: number, v: Readonly<Record<string, string>>): GroupImportRow {
  const name = v.name ?? '';
  if (name === '') throw new RowError('name is empty');
  const row: Record<string, unknown> = { line, name };
  if (v.permissions !== undefined && v.permissions !== '') {
    const perms = PERMISSION_TYPES[v.permissions as keyof typeof PERMISSION_TYPES] ?? v.permissions;
    try {
      row.permissions = String(new PermissionsI(perms));
    } catch {
      throw new RowError(`invalid permissions: ${v.permissions}`);
    }
  }
  if (v.owners !== undefined) row.owners = listCell(v.owners);
  if (v.description !== undefined) row.description = textCell(v.description);
  return row as unknown as GroupImportRow;
}
