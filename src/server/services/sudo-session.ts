import type { OpenedSession } from '../../contract/index.js';
import type { Knex } from 'knex';
import { ApiUsageException } from '../../model/index.js';
import type { CallContext } from '../call/call-context.js';
import { loadMembership } from '../call/membership.js';
import { DEFAULT_TIME_TO_IDLE_MS, DEFAULT_TIME_TO_LIVE_MS, hashSessionKey, MAX_TIME_TO_IDLE_MS, newSessionKey } from '../call/session-row.js';
import { sudoRefusal, SystemIds } from '../security/index.js';
import { recordChange } from './audit/audit-log.js';
import { refusalException } from './refusal-exception.js';
import { auditable } from './audit/audit-refusal.js';

/** The session `sessions open` created, as the CLI reports it. */
export type { OpenedSession };

/**
 * A session for another user opened from the caller's own session (`omero sessions open`,
 * OMERO's `createSessionWithTimeout`): the same rules as `--sudo` (`sudoRefusal`); the session
 * records the caller as its sudoer, and the audit log records it. `user` and `group` are an id or
 * a name; without a group, the user's default group. "No user found" / "No group found" as
 * ApiUsageException.
 */
export async function openSessionFor(call: CallContext, user: string | number, group: string | number | null, timeToIdleMs: number | null): Promise<OpenedSession> {
  const byIdOrName = (v: string | number, nameColumn: string) => (q: Knex.QueryBuilder) =>
    typeof v === 'number' || /^\d+$/.test(String(v)) ? q.where('id', Number(v)) : q.where(nameColumn, String(v));
  const target = await byIdOrName(user, 'omename')(call.trx('experimenter').select('id', 'omename')).first();
  if (!target) throw new ApiUsageException('No user found');
  const targetId = Number(target.id);
  const membership = await loadMembership(call.trx, targetId);
  if (!membership.memberOf.includes(SystemIds.USER_GROUP)) throw new ApiUsageException(`User ${target.omename} is deactivated`);
  const groupRow =
    group === null || group === ''
      ? await call.trx('experimentergroup').select('id', 'name').where('id', membership.memberOf.find((g) => g !== SystemIds.USER_GROUP) ?? -1).first()
      : await byIdOrName(group, 'name')(call.trx('experimentergroup').select('id', 'name')).first();
  if (!groupRow) throw new ApiUsageException('No group found');
  const groupId = Number(groupRow.id);
  const refusal = sudoRefusal(call.caller, { userId: targetId, ...membership }, groupId);
  if (refusal) throw auditable(refusalException(refusal));
  const key = newSessionKey();
  const idle = timeToIdleMs && timeToIdleMs > 0 ? Math.min(Math.floor(timeToIdleMs), MAX_TIME_TO_IDLE_MS) : DEFAULT_TIME_TO_IDLE_MS;
  const now = new Date();
  await call.trx('session').insert({
    started: now,
    last_access: now,
    uuid_hash: hashSessionKey(key),
    owner: targetId,
    sudoer: call.caller.userId,
    group_id: groupId,
    time_to_idle: idle,
    time_to_live: DEFAULT_TIME_TO_LIVE_MS,
    user_agent: 'OMERO.sudo',
    password_auth: false,
  });
  await recordChange(call, { action: 'sudo', targetType: 'Experimenter', targetId, targetName: target.omename, after: { group: groupRow.name, via: 'sessions open' } });
  return { key, userName: String(target.omename), groupName: String(groupRow.name), timeToIdleMs: idle, timeToLiveMs: DEFAULT_TIME_TO_LIVE_MS };
}
