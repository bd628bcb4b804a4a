import { IObject, metaOf, NamedValue, RType } from '../../model/index.js';
import { pyStrOf, pyUnwrap } from '../hql/py-value.js';

/**
 * What `get OBJ FIELD` prints for a field's value (omero-py `ObjGetTxAction.get_field`):
 * null → ``; an rtype → Python's `str()` of its value (`True`, `1.5`, times in milliseconds);
 * an object → `Type:id`; a NamedValue list → `(k1,v1),(k2,v2)`; another list → its items
 * joined by `,`; an empty list → ``. Anything else (`details`) has no text: null.
 */
export function fieldText(value: unknown): string | null {
  if (value === null || value === undefined) return '';
  if (value instanceof RType) return pyStrOf(pyUnwrap(value));
  if (value instanceof IObject) return `${metaOf(value.constructor).shortName}:${value.id?.val ?? 'None'}`;
  if (Array.isArray(value)) {
    if (value.length === 0) return '';
    if (value[0] instanceof NamedValue) return value.map((nv: NamedValue) => namedValueText(nv)).join(',');
    return value.map((item) => pyStrOf(pyUnwrap(item))).join(',');
  }
  return null;
}

/** `(name,value)`, as `get` and `list-get` print a NamedValue. */
export function namedValueText(nv: NamedValue): string {
  return `(${nv.name},${nv.value})`;
}
