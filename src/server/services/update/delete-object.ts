import { ApiUsageException, IObject } from '../../../model/index.js';
import type { CallContext } from '../../call/call-context.js';
import { deleteRefusal, objectKindOf, SystemIds, type StoredTarget } from '../../security/index.js';
import { throwIfRefused } from '../refusal-exception.js';
import { entityOfObject, idOfReference, objectLabel } from './model-columns.js';
import { storedRow } from './stored-rows.js';

/**
 * `IUpdate.deleteObject` (reference api §1.5): deletes exactly one row, which needs the DELETE
 * right (`deleteRefusal`). Nothing cascades but the row's own components (`mapValue`); a row still
 * referenced (a project with dataset links, an annotation still linked) is refused with
 * ApiUsageException "Cannot delete …\nConsider using IDelete instead." System types are deleted
 * through IAdmin only.
 */
export async function deleteObject(call: CallContext, obj: unknown): Promise<void> {
  if (!(obj instanceof IObject) || idOfReference(obj) === null) {
    throw new ApiUsageException('Non-managed IObject entity cannot be deleted. Must have an id.');
  }
  const def = entityOfObject(obj);
  const id = idOfReference(obj)!;
  const label = objectLabel(def, id);
  if (def.kind !== 'data') {
    const target: StoredTarget = { ownerId: -1, groupId: SystemIds.USER_GROUP, kind: objectKindOf(def.name, true), className: def.serverClass, label };
    throwIfRefused(deleteRefusal(call.caller, target, (g) => call.perms(g)));
    throw new ApiUsageException(`${def.name} rows are deleted through IAdmin, not IUpdate`);
  }
  const { row } = await storedRow(call, def, id);
  await call.loadPerms([Number(row.group_id)]);
  const target: StoredTarget = { ownerId: Number(row.owner_id), groupId: Number(row.group_id), kind: 'data', className: def.serverClass, label };
  throwIfRefused(deleteRefusal(call.caller, target, (g) => call.perms(g)));
  try {
    await call.trx.transaction(async (sp) => {
      await sp(def.table).where({ id }).delete();
    });
  } catch (e) {
    if ((e as { code?: string }).code === '23503') {
      throw new ApiUsageException(`Cannot delete ${label}\nConsider using IDelete instead.`);
    }
    throw e;
  }
}
