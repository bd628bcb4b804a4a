import type { CallContext } from '../../../call/call-context.js';
import { recordChange, type AuditTargetType } from '../../audit/audit-log.js';
import type { ImportOptions, ImportRowResult } from './import-types.js';

/**
 * Records each row an import created or changed in the audit log, in the call's transaction
 * (it stands or falls with the rows): who, which user or group, and what changed — the report's
 * own words, which never hold a password. A dry run changed nothing and records nothing.
 */
export async function auditImport(
  call: CallContext,
  action: 'importExperimenters' | 'importGroups',
  targetType: AuditTargetType,
  results: readonly ImportRowResult[],
  options: ImportOptions,
): Promise<void> {
  if (options.dryRun) return;
  for (const r of results) {
    if ((r.status !== 'created' && r.status !== 'updated') || r.id === null) continue;
    await recordChange(call, { action, targetType, targetId: r.id, targetName: r.name, after: { [r.status]: r.details } });
  }
}
