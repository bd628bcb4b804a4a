import { hasPrivilege, type Caller } from './caller.js';

/**
 * Who may change a group's permission level (reference permissions §4): the group's owner (PI), or
 * an admin holding ModifyGroup. Data owners and plain members may not. Returns the refusal or null.
 */
export function chmodRefusal(caller: Caller, groupId: number): string | null {
  if (caller.leaderOf.includes(groupId) || hasPrivilege(caller, 'ModifyGroup')) return null;
  return `Only an owner of group ${groupId} or an administrator may change its permissions`;
}
