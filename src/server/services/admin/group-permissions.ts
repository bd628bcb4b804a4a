import type { Knex } from 'knex';
import { SecurityViolation, ApiUsageException } from '../../../model/index.js';
import type { CallContext } from '../../call/call-context.js';
import { LINKS, type LinkSpec } from '../../commands/graph-schema.js';
import { formatPermissions } from '../../../model/index.js';
import { chmodRefusal, isGroupReadable } from '../../security/index.js';
import { recordChange } from '../audit/audit-log.js';

/** Refuses a chmod the caller may not make (the rule is `chmodRefusal`). */
export function requireChmodRight(call: CallContext, groupId: number): void {
  const refusal = chmodRefusal(call.caller, groupId);
  if (refusal) throw new SecurityViolation(refusal);
}

/**
 * The rows of one link table in a group whose link, parent and child do not all have the same
 * owner: what a downgrade to private cuts (reference permissions §4). Select from it (`l.id`).
 */
export function crossOwnerLinkQuery(trx: Knex.Transaction, link: LinkSpec, groupId: number): Knex.QueryBuilder {
  return trx(`${link.def.table} as l`)
    .join(`${link.parent.table} as p`, 'p.id', 'l.parent')
    .join(`${link.child.table} as c`, 'c.id', 'l.child')
    .where('l.group_id', groupId)
    .where((q) => q.whereRaw('p.owner_id <> c.owner_id').orWhereRaw('l.owner_id <> p.owner_id').orWhereRaw('l.owner_id <> c.owner_id'));
}

/** Counts the links of a group that join data of different owners. */
export async function crossOwnerLinks(call: CallContext, groupId: number): Promise<number> {
  let total = 0;
  for (const link of LINKS) {
    const row = await crossOwnerLinkQuery(call.trx, link, groupId).count({ n: '*' }).first();
    total += Number(row?.n ?? 0);
  }
  return total;
}

/**
 * Legacy `IAdmin.changePermissions` on a group: only the group row changes (§1.3). A downgrade to
 * private is refused while data of different owners is linked, as OMERO's legacy strategy does
 * ("Cannot change permissions … due to locks"); `Chmod2` severs such links instead.
 */
export async function changeGroupPermissions(call: CallContext, groupId: number, perm1: number): Promise<void> {
  requireChmodRight(call, groupId);
  const row = await call.trx('experimentergroup').select('permissions', 'name').where({ id: groupId }).first();
  if (!row) throw new ApiUsageException(`No such group: ${groupId}`);
  const old = Number(row.permissions);
  if (old === perm1) return;
  if (isGroupReadable(old) && !isGroupReadable(perm1)) {
    const n = await crossOwnerLinks(call, groupId);
    if (n > 0) {
      throw new SecurityViolation(
        `Cannot change permissions on ExperimenterGroup:${groupId} due to locks: ${n} link(s) join data of different owners`,
      );
    }
  }
  await call.trx('experimentergroup').where({ id: groupId }).update({ permissions: perm1, version: call.trx.raw('version + 1') });
  await recordChange(call, {
    action: 'changePermissions',
    targetType: 'ExperimenterGroup',
    targetId: groupId,
    targetName: row.name,
    before: { permissions: formatPermissions(old) },
    after: { permissions: formatPermissions(perm1) },
  });
}
