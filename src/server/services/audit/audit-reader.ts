import type { AuditQuery, AuditRecord } from '../../../contract/index.js';
import { SecurityViolation } from '../../../model/index.js';
import type { CallContext } from '../../call/call-context.js';
import { jsonColumn } from '../../db/json-column.js';
import { isFullAdmin } from '../../security/index.js';
import { auditable } from './audit-refusal.js';

export type { AuditQuery, AuditRecord };

/**
 * The audit log, oldest first, for full administrators only: the log shows what every
 * administrator did, so a restricted one may not read it (issue 11).
 */
export async function readAuditLog(call: CallContext, query: AuditQuery = {}): Promise<AuditRecord[]> {
  // Refused attempts are themselves audited (issue 11), as the CLI no longer refuses on its own.
  if (!isFullAdmin(call.caller)) throw auditable(new SecurityViolation('the audit log is for full administrators only'));
  const limit = Math.min(Math.max(Math.floor(Number(query?.limit ?? 1000)) || 1000, 1), 10_000);
  let q = call.trx('audit_log').select('*').orderBy('id', 'desc').limit(limit);
  if (query?.since !== undefined && query.since !== null && Number.isFinite(Number(query.since))) q = q.where('at', '>=', new Date(Number(query.since)));
  if (query?.user) {
    const name = String(query.user);
    q = q.where((w) => w.where('actor_name', name).orWhere('sudoer_name', name).orWhere('target_name', name));
  }
  const rows = await q;
  return rows.reverse().map((r) => ({
    id: Number(r.id),
    at: new Date(r.at).getTime(),
    actor: String(r.actor_name),
    sudoer: r.sudoer_name ?? null,
    address: r.address ?? null,
    action: String(r.action),
    target: r.target_type ? `${r.target_type}${r.target_id === null ? '' : `:${r.target_id}`}${r.target_name ? ` ${r.target_name}` : ''}` : null,
    before: jsonColumn(r.before) ?? null,
    after: jsonColumn(r.after) ?? null,
    outcome: r.outcome,
    message: r.message ?? null,
  }));
}
