import { DetailsI, IObject, RObjectI, RTimeI } from '../../model/index.js';
import { pyCtime } from './py-ctime.js';
import { detailsLabel, objectLabel, PY_NONE, pyString, pyUnwrap, type PyValue } from './py-value.js';

/**
 * How `omero hql` shows one value (omero-py `HqlControl.unwrap`): a model object (or an RObject
 * holding one) → the string `ClassI:id`; an RTime → `time.ctime` of it; Details →
 * `owner=<id>;group=<id>`; anything else → `omero.rtypes.unwrap` of it.
 */
export function displayValue(x: unknown): PyValue {
  const value = x instanceof RObjectI ? x.val : x;
  if (x instanceof RObjectI && value === null) return PY_NONE;
  if (value instanceof IObject) return pyString(objectLabel(value));
  if (value instanceof RTimeI) return pyString(pyCtime(value.val));
  if (value instanceof DetailsI) return pyString(detailsLabel(value));
  return pyUnwrap(value);
}
