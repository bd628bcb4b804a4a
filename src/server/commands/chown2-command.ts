import { Chown2Response, type Chown2 } from '../../model/index.js';
import type { CallContext } from '../call/call-context.js';
import { ENTITIES } from '../db/entities.js';
import { canReadRow, chownCallerRefusal, hasPrivilege, mayGiveInGraph, refusedObjectsText } from '../security/index.js';
import { childDecider } from './child-options.js';
import { GraphFailure } from './graph-failure.js';
import { planGraph } from './graph-plan.js';
import { isLinkEntity, tableEntity } from './graph-schema.js';
import { graphLabel, GraphSet, type GraphRow } from './graph-set.js';
import { rowsOwnedBy } from './graph-store.js';
import { updateRows } from './graph-writes.js';
import { resolveTargets, targetIds } from './target-objects.js';

/** One entity per data table (the annotation subclasses share `Annotation`'s). */
const DATA_TABLES = [...new Map(Object.values(ENTITIES).filter((e) => e.kind === 'data').map((e) => [e.table, tableEntity(e)])).values()];

/**
 * `Chown2` (reference permissions §6, api §4.1): gives the targets — or with `targetUsers` all
 * data of those users — to user `userId`, with the contained objects, annotations and links of the
 * same owner that belong only to them. Without the `Chown` privilege the caller must lead at least
 * one group (`chownCallerRefusal`), and for every object lead its group, with the recipient a
 * member of it (`mayGiveInGraph`); `targetUsers` then covers the groups the caller leads. Refused
 * if the recipient would end up owning two identical links. Answers
 * `Chown2Response(includedObjects, deletedObjects {})`.
 */
export async function runChown2(call: CallContext, request: Chown2): Promise<Chown2Response> {
  const recipient = Number(request.userId);
  const user = Number.isSafeInteger(recipient) ? await call.trx('experimenter').select('id').where({ id: recipient }).first() : undefined;
  if (!user) throw new GraphFailure('graph-fail', `no such user: ${String(request.userId)}`);
  const refusal = chownCallerRefusal(call.caller);
  if (refusal) throw new GraphFailure('graph-fail', refusal);
  const recipientGroups = (await call.trx('groupexperimentermap').select('parent').where({ child: recipient })).map((r) => Number(r.parent));
  const targets = await resolveTargets(call, request.targetObjects);
  const users = targetIds('targetUsers', request.targetUsers ?? []);
  if (users.length > 0) {
    const groups = hasPrivilege(call.caller, 'Chown') ? null : call.caller.leaderOf;
    const scope = await call.scope();
    for (const def of DATA_TABLES) {
      for (const row of await rowsOwnedBy(call.trx, def, users, groups)) if (canReadRow(scope, row)) targets.add(row);
    }
  }
  const owners = new Set(targets.rows().map((r) => r.ownerId));
  const sameOwner = (row: GraphRow) => owners.has(row.ownerId);
  const plan = await planGraph(call.trx, targets, {
    decide: childDecider(request.childOptions),
    acceptChild: sameOwner,
    acceptOrphanAnnotation: sameOwner,
  });
  const given = new GraphSet([...plan.objects.rows(), ...plan.innerLinks.filter(sameOwner)]);
  await call.loadPerms(given.rows().map((r) => r.groupId));
  const refused = given.rows().filter(
    (r) => !mayGiveInGraph(call.caller, { ownerId: r.ownerId, groupId: r.groupId, kind: 'data' }, recipientGroups, (g) => call.perms(g)),
  );
  if (refused.length > 0) throw new GraphFailure('graph-fail', `not permitted to give ${refusedObjectsText(await call.scope(), refused, graphLabel)}`);
  await refuseDuplicateLinks(call, given, recipient);
  if (!request.dryRun) await updateRows(call.trx, given.rows(), { owner_id: recipient }, await call.eventId());
  return new Chown2Response({ includedObjects: given.toObjectIds(), deletedObjects: {} });
}

/** The unique (parent, child, owner) of every link table must hold after the chown. */
async function refuseDuplicateLinks(call: CallContext, given: GraphSet, recipient: number): Promise<void> {
  const seen = new Set<string>();
  for (const row of given.rows()) {
    if (!isLinkEntity(row.def)) continue;
    const link = await call.trx(row.def.table).select('parent', 'child').where({ id: row.id }).first();
    const key = `${row.def.table}:${link.parent}:${link.child}`;
    const clash = await call.trx(row.def.table)
      .where({ parent: link.parent, child: link.child, owner_id: recipient })
      .whereNot({ id: row.id })
      .first();
    if (seen.has(key) || (clash && !given.has(row.def.table, Number(clash.id)))) {
      throw new GraphFailure('graph-fail', `giving ${graphLabel(row)} to user ${recipient} would duplicate one of their links`);
    }
    seen.add(key);
  }
}
