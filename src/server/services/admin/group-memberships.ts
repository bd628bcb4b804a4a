import { ApiUsageException, ValidationException } from '../../../model/index.js';
import type { CallContext } from '../../call/call-context.js';
import { adminGrantRefusal, adminOrLeaderRefusal, membershipRemovalRefusal, SystemIds } from '../../security/index.js';
import { recordChange } from '../audit/audit-log.js';
import { throwIfRefused } from '../refusal-exception.js';
import { endSessionsOf, loadAccount } from './account-facts.js';
import { privilegesIfAdmin } from './admin-privileges.js';
import { addMembership, fixDefaultGroup, membershipIds, removeMembership, setOwner } from './membership-ops.js';

/**
 * Memberships and ownerships (reference permissions §5.2): admins holding ModifyGroupMembership,
 * or owners (PIs) of every group concerned. Adding to "system" makes an administrator and needs
 * every privilege the user would get; removals follow `membershipRemovalRefusal`. Each change is
 * recorded in the audit log with the memberships before and after.
 */

async function requireGroups(call: CallContext, gids: readonly number[]): Promise<void> {
  const rows = await call.trx('experimentergroup').select('id').whereIn('id', [...gids]);
  const missing = gids.find((g) => !rows.some((r) => Number(r.id) === g));
  if (missing !== undefined) throw new ApiUsageException(`No such group: ${missing}`);
}

/** Adds memberships. */
export async function addGroups(call: CallContext, uid: number, gids: readonly number[], action = 'addGroups'): Promise<void> {
  if (gids.length === 0) throw new ValidationException('Nothing to do.');
  throwIfRefused(adminOrLeaderRefusal(call.caller, 'ModifyGroupMembership', gids, 'Changing group membership'));
  const target = await loadAccount(call.trx, uid);
  if (gids.includes(SystemIds.SYSTEM_GROUP) && !target.isAdmin) {
    throwIfRefused(adminGrantRefusal(call.caller, await privilegesIfAdmin(call, uid)));
  }
  await requireGroups(call, gids);
  const before = await membershipIds(call.trx, uid);
  for (const g of gids) await addMembership(call.trx, uid, g);
  await fixDefaultGroup(call.trx, uid);
  const after = await membershipIds(call.trx, uid);
  if (after.length !== before.length) {
    await recordChange(call, { action, targetType: 'Experimenter', targetId: uid, targetName: target.omeName, before: { groups: before }, after: { groups: after } });
  }
}

/** Removes memberships; leaving "user" deactivates the account and ends its sessions. */
export async function removeGroups(call: CallContext, uid: number, gids: readonly number[], action = 'removeGroups'): Promise<void> {
  if (gids.length === 0) throw new ValidationException('Nothing to do.');
  throwIfRefused(adminOrLeaderRefusal(call.caller, 'ModifyGroupMembership', gids, 'Changing group membership'));
  const target = await loadAccount(call.trx, uid);
  throwIfRefused(membershipRemovalRefusal(call.caller, target, gids));
  const current = await membershipIds(call.trx, uid);
  const remaining = current.filter((g) => !gids.includes(g));
  if (remaining.length === 0) throw new ValidationException('experimenter must remain a member of some group');
  if (remaining.length === 1 && remaining[0] === SystemIds.USER_GROUP) {
    throw new ValidationException("experimenter cannot be a member of only the 'user' group, a different default group is also required");
  }
  for (const g of gids) await removeMembership(call.trx, uid, g);
  const after = await membershipIds(call.trx, uid);
  if (after.length === current.length) return;
  // Sessions keep no memberships of their own, but leaving "user" or "system" must take effect now.
  if (gids.includes(SystemIds.USER_GROUP) || gids.includes(SystemIds.SYSTEM_GROUP)) await endSessionsOf(call, uid);
  await recordChange(call, { action, targetType: 'Experimenter', targetId: uid, targetName: target.omeName, before: { groups: current }, after: { groups: after } });
}

/** Sets or clears the owner flag of users in one group (adding the membership when missing). */
export async function changeOwners(call: CallContext, gid: number, uids: readonly number[], owner: boolean): Promise<void> {
  throwIfRefused(adminOrLeaderRefusal(call.caller, 'ModifyGroupMembership', [gid], 'Changing group owners'));
  await requireGroups(call, [gid]);
  for (const uid of uids) {
    const target = await loadAccount(call.trx, uid);
    const map = await call.trx('groupexperimentermap').select('owner').where({ parent: gid, child: uid }).first();
    const was = Boolean(map?.owner);
    if (owner) {
      if (!(await addMembership(call.trx, uid, gid, true))) await setOwner(call.trx, uid, gid, true);
      await fixDefaultGroup(call.trx, uid);
    } else {
      await setOwner(call.trx, uid, gid, false);
    }
    if (was !== owner && (owner || map)) {
      await recordChange(call, {
        action: owner ? 'addGroupOwners' : 'removeGroupOwners',
        targetType: 'Experimenter',
        targetId: uid,
        targetName: target.omeName,
        before: { ownerOf: gid, owner: !owner },
        after: { ownerOf: gid, owner },
      });
    }
  }
}
