import type { IObject } from '../../model/index.js';
import { displayValue } from './display-value.js';
import { iceMembers } from './object-members.js';
import { pyStrOf } from './py-value.js';

/**
 * The lines the `omero hql` pager prints for one object (omero-py `HqlControl.hql`, a line
 * number typed at the pager): `id = <id>`, then every other Ice member but `details`, sorted by
 * name, as `name = value` with strings quoted (`name = 'p1'`, `loaded = True`). Collections show
 * their items as `ClassI:id` labels (omero-py prints each item's full Ice dump).
 */
export function objectDetails(obj: IObject): string[] {
  const lines = [`id = ${obj.id?.val ?? 'None'}`];
  const members = iceMembers(obj).filter(([key]) => key !== '_id' && key !== '_details');
  members.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [key, raw] of members) {
    const value = displayValue(raw);
    const text = value.kind === 'str' ? `'${value.value}'` : pyStrOf(value);
    lines.push(`${key.startsWith('_') ? key.slice(1) : key} = ${text}`);
  }
  return lines;
}
