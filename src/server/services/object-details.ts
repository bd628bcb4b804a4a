import {
  DetailsI,
  ExperimenterGroupI,
  ExperimenterI,
  IObject,
  metaOf,
  PermissionsI,
} from '../../model/index.js';
import type { CallContext } from '../call/call-context.js';
import { objectKindOf, restrictionsFor, SystemIds, type ObjectKind } from '../security/index.js';

/** `------`: what an object reads as when no group is known. */
const PERM_EMPTY = -1912;

/**
 * Owner and group of a stored row, as loaders and the HQL hydrator know them. For
 * ExperimenterGroup rows `groupId` is the group's own id; for other system types both may be null.
 */
export interface RowOwnership {
  readonly ownerId: number | null;
  readonly groupId: number | null;
}

/**
 * Fills the `details` of a model object built from a row, synchronously. The permissions of every
 * group involved must already be loaded (`call.loadPerms`); `objectDecorator` does that.
 */
export type ObjectDecorator = <T extends IObject>(obj: T, row: RowOwnership) => T;

/**
 * `details.permissions` of a row as the caller receives it (reference permissions §1.3–§1.4):
 * `perm1` is the permissions of the call's group, or with `omero.group=-1` of the row's own group
 * (ExperimenterGroup rows always carry their own); `_restrictions` are the caller's disallowed
 * operations from `restrictionsFor` (null when everything is allowed); the result is immutable.
 *
 * `className` is the model short name (`Project`, `ExperimenterGroup`). Synchronous: the group
 * permissions must be loaded.
 */
export function permissionsFor(call: CallContext, className: string, isSystemType: boolean, row: RowOwnership): PermissionsI {
  const kind: ObjectKind = objectKindOf(className, isSystemType);
  const context = call.caller.contextGroupId;
  const ownGroup = row.groupId ?? SystemIds.USER_GROUP;
  const reported = className === 'ExperimenterGroup' || context < 0 ? ownGroup : context;
  const p = new PermissionsI(call.perms(reported) ?? PERM_EMPTY);
  p._restrictions = restrictionsFor(
    call.caller,
    { ownerId: row.ownerId ?? -1, groupId: ownGroup, kind },
    (g) => call.perms(g),
  );
  return p.makeImmutable();
}

/**
 * Decorates `obj` for the caller: `details.owner` / `details.group` as unloaded proxies
 * (`ExperimenterI(id, false)`, `ExperimenterGroupI(id, false)`) when the row has them, and
 * `details.permissions` from `permissionsFor`. Unloaded objects are returned unchanged (they carry
 * no details). Returns `obj`.
 *
 * This is the function the HQL hydrator's `decorate(obj, { ownerId, groupId })` callback should
 * call (bind `call` first, or use `objectDecorator`).
 */
export function decorateObject<T extends IObject>(call: CallContext, obj: T, row: RowOwnership): T {
  if (!obj._loaded) return obj;
  const meta = metaOf(obj.constructor);
  if (obj.details === null || obj.details === undefined) obj.details = new DetailsI();
  if (row.ownerId !== null && meta.shortName !== 'ExperimenterGroup') obj.details.owner = new ExperimenterI(row.ownerId, false);
  if (row.groupId !== null && meta.shortName !== 'ExperimenterGroup') obj.details.group = new ExperimenterGroupI(row.groupId, false);
  obj.details.permissions = permissionsFor(call, meta.shortName, meta.global, row);
  return obj;
}

/**
 * Loads the permissions of `groupIds` (the groups of the rows about to be decorated) and returns a
 * synchronous decorator bound to `call`.
 *
 * ### Examples
 *
 * ```ts
 * const decorate = await objectDecorator(call, rows.map((r) => r.group_id));
 * decorate(project, { ownerId: 2, groupId: 3 }); // details.owner = ExperimenterI(2, false), …
 * ```
 */
export async function objectDecorator(call: CallContext, groupIds: Iterable<number | null>): Promise<ObjectDecorator> {
  await call.loadPerms([...groupIds].filter((g): g is number => g !== null).concat(SystemIds.USER_GROUP));
  return (obj, row) => decorateObject(call, obj, row);
}
