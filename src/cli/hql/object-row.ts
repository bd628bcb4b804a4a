import type { IObject } from '../../model/index.js';
import { displayValue } from './display-value.js';
import { iceMembers } from './object-members.js';
import { pyTruthy, type PyValue } from './py-value.js';

/**
 * The columns `omero hql` shows for one object (omero-py `HqlControl.filter`), in Ice member
 * order: every member shown as `displayValue` gives it, without `_id`, `_loaded`, the
 * `…Loaded` flags, `details` when it has neither owner nor group, list values (collections,
 * key/value lists), and empty values (None, `''`, `{}`) other than 0 and False; names lose
 * their leading `_` (`details`, `version`, `name`).
 */
export function objectRowValues(obj: IObject): Map<string, PyValue> {
  const values = new Map<string, PyValue>();
  for (const [key, raw] of iceMembers(obj)) {
    if (key === '_id' || key === '_loaded' || (key.startsWith('_') && key.endsWith('Loaded'))) continue;
    const value = displayValue(raw);
    if (key === '_details' && value.kind === 'str' && value.value === 'owner=None;group=None') continue;
    if (value.kind === 'list') continue;
    if (!pyTruthy(value) && !isZeroOrFalse(value)) continue;
    values.set(key.startsWith('_') ? key.slice(1) : key, value);
  }
  return values;
}

/** Python's `value in [0, False]`. */
function isZeroOrFalse(v: PyValue): boolean {
  return ((v.kind === 'int' || v.kind === 'float') && v.value === 0) || (v.kind === 'bool' && !v.value);
}
