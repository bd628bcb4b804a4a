import { ApiUsageException, IObject, ValidationException } from '../../../model/index.js';
import type { CallContext } from '../../call/call-context.js';
import type { EntityDef } from '../../db/entities.js';
import {
  creationRefusal,
  editRefusal,
  groupRenameRefusal,
  objectKindOf,
  configuredPrivileges,
  privilegeConfigRefusal,
  renameRefusal,
  SystemIds,
  type StoredTarget,
} from '../../security/index.js';
import { auditable } from '../audit/audit-refusal.js';
import { recordChange } from '../audit/audit-log.js';
import { endSessionsOf, loadAccount, privilegesShrank } from '../admin/account-facts.js';
import { checkNewLogin, identityEditRefusalFor, recordIdentityChange } from '../admin/user-accounts.js';
import { refusalException, throwIfRefused } from '../refusal-exception.js';
import { componentValues, idOfReference, objectLabel, sameColumnValue, scalarColumns } from './model-columns.js';
import { checkVersion, componentRows, sameNamedValues, storedRow, writeComponentRows } from './stored-rows.js';

/**
 * Saves an Experimenter, ExperimenterGroup or GroupExperimenterMap through IUpdate (reference
 * permissions §1.6, §2.6): only admins holding the matching Modify* privilege may change them;
 * normal users get "… is a System-type". What IUpdate may change:
 * - Experimenter: names, email, institution, ldap, and `config` (where light-admin restrictions
 *   live: `omero obj map-set Experimenter:<id> config AdminPrivilege:<X> false`, checked by
 *   `privilegeConfigRefusal`); root's and guest's login names never change;
 * - ExperimenterGroup: name, description, ldap; the system groups keep their names; permissions
 *   are ignored, as OMERO ignores client-supplied permissions on update (chmod is Chmod2);
 * - memberships and new users or groups go through IAdmin (ApiUsageException for admins).
 * Returns the id of the saved row.
 */
export async function saveSystemObject(call: CallContext, obj: IObject, def: EntityDef): Promise<number> {
  const kind = objectKindOf(def.name, true);
  const id = idOfReference(obj);
  if (obj.id === null || id === null) {
    const contextGroupId = call.caller.contextGroupId < 0 ? SystemIds.USER_GROUP : call.caller.contextGroupId;
    throwIfRefused(
      creationRefusal(
        call.caller,
        { className: def.serverClass, kind, contextGroupId, explicitOwnerId: null, explicitGroupId: null, explicitPermissions: null, annotationLink: false },
        (g) => call.perms(g),
      ),
    );
    throw new ApiUsageException(`New ${def.name} objects are created through IAdmin (createUser, createGroup, addGroups…), not IUpdate`);
  }
  const label = objectLabel(def, id);
  const { row } = await storedRow(call, def, id);
  if (!obj._loaded) return id;
  const target: StoredTarget = {
    ownerId: -1,
    groupId: def.name === 'ExperimenterGroup' ? id : SystemIds.USER_GROUP,
    kind,
    className: def.serverClass,
    label,
  };
  await call.loadPerms([target.groupId]);
  throwIfRefused(editRefusal(call.caller, target, (g) => call.perms(g)));
  if (def.name === 'GroupExperimenterMap') {
    throw new ApiUsageException('Memberships are changed through IAdmin (addGroups, removeGroups, setGroupOwner…), not IUpdate');
  }
  checkVersion(obj, row, label);
  const changes: Record<string, unknown> = {};
  for (const [column, value] of Object.entries(scalarColumns(def, obj))) {
    if (!sameColumnValue(row[column], value)) changes[column] = value;
  }
  await checkRenames(call, def, id, row, changes);
  if (def.name === 'Experimenter' && Object.keys(changes).length > 0) {
    const refusal = await identityEditRefusalFor(call, id);
    if (refusal) throw auditable(refusalException(refusal));
  }
  let configChanged = false;
  for (const [prop, values] of componentValues(def, obj)) {
    const before = await componentRows(call, prop, id);
    if (sameNamedValues(before, values)) continue;
    const privilegesBefore = [...configuredPrivileges(before)];
    const privilegesAfter = [...configuredPrivileges(values)];
    const target = await loadAccount(call.trx, id);
    const refusal = privilegeConfigRefusal(call.caller, id, before, values, target.privileges);
    if (refusal) throw auditable(refusalException(refusal));
    await writeComponentRows(call, prop, id, values, true);
    configChanged = true;
    if (privilegesBefore.join() !== privilegesAfter.join()) {
      await recordChange(call, { action: 'setAdminPrivileges', targetType: 'Experimenter', targetId: id, targetName: target.omeName, before: privilegesBefore, after: privilegesAfter });
      if (privilegesShrank(privilegesBefore, privilegesAfter)) await endSessionsOf(call, id);
    }
  }
  if (Object.keys(changes).length > 0 || configChanged) {
    await call.trx(def.table).where({ id }).update({ ...changes, version: call.trx.raw('version + 1') });
  }
  if (Object.keys(changes).length > 0) {
    if (def.name === 'Experimenter') await recordIdentityChange(call, id, row, changes, 'updateExperimenter');
    if (def.name === 'ExperimenterGroup') {
      const before = Object.fromEntries(Object.keys(changes).map((k) => [k, row[k] ?? null]));
      await recordChange(call, { action: 'updateGroup', targetType: 'ExperimenterGroup', targetId: id, targetName: String(row.name), before, after: changes });
    }
  }
  return id;
}

/** IAdmin's rename rules: root and guest keep their login names, the system groups their names. */
async function checkRenames(call: CallContext, def: EntityDef, id: number, row: Record<string, unknown>, changes: Record<string, unknown>): Promise<void> {
  if (def.name === 'Experimenter' && 'omename' in changes) {
    throwIfRefused(renameRefusal(id, String(row.omename)));
    await checkNewLogin(call, String(changes.omename), id);
  }
  if (def.name === 'ExperimenterGroup' && 'name' in changes) {
    throwIfRefused(groupRenameRefusal(id, String(row.name)));
    if (String(changes.name).trim() === '') throw new ValidationException('not-null property references a null or transient value: ome.model.meta.ExperimenterGroup.name');
  }
}
