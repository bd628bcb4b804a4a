import { Chgrp2Response, type Chgrp2 } from '../../model/index.js';
import type { CallContext } from '../call/call-context.js';
import { chgrpDestinationRefusal, isGroupReadable, mayMoveInGraph, type Caller, refusedObjectsText } from '../security/index.js';
import { childDecider } from './child-options.js';
import { GraphFailure } from './graph-failure.js';
import { planGraph } from './graph-plan.js';
import { linkSpecOf } from './graph-schema.js';
import { graphLabel, GraphSet, type GraphRow, type LinkRow } from './graph-set.js';
import { deleteRows, updateRows } from './graph-writes.js';
import { resolveTargets } from './target-objects.js';

const movable = (caller: Caller) => (row: GraphRow) =>
  mayMoveInGraph(caller, { ownerId: row.ownerId, groupId: row.groupId, kind: 'data' });

/**
 * `Chgrp2` (reference permissions §6, api §4.1): moves the targets to group `groupId`, with the
 * contained objects and annotations that belong only to them. The caller must be a member of the
 * destination group and own every moved object, unless it holds the `Chgrp` privilege
 * (`chgrpDestinationRefusal`, `mayMoveInGraph`): a refused target fails the request, while other
 * users' children simply stay behind. Links whose other end stays behind are deleted (graphs never
 * span groups). Moving into a private group, children and annotations of another owner than their
 * parents' stay behind too, and moved links joining different owners are deleted (OMERO's
 * `to_private` rules cut such links). Answers `Chgrp2Response(includedObjects, deletedObjects)`.
 */
export async function runChgrp2(call: CallContext, request: Chgrp2): Promise<Chgrp2Response> {
  const destination = Number(request.groupId);
  const group = Number.isSafeInteger(destination)
    ? await call.trx('experimentergroup').select('id', 'permissions').where({ id: destination }).first()
    : undefined;
  if (!group) throw new GraphFailure('graph-fail', `no such group: ${String(request.groupId)}`);
  const refusal = chgrpDestinationRefusal(call.caller, destination);
  if (refusal) throw new GraphFailure('not-in-group', refusal);
  const targets = await resolveTargets(call, request.targetObjects);
  const mayMove = movable(call.caller);
  const toPrivate = !isGroupReadable(Number(group.permissions));
  // Into a private group, nothing may end up linked to another owner's data: children and
  // annotations of other owners stay behind, and their links go.
  const joins = (row: GraphRow, parents: readonly GraphRow[]) => mayMove(row) && (!toPrivate || parents.every((p) => p.ownerId === row.ownerId));
  const plan = await planGraph(call.trx, targets, {
    decide: childDecider(request.childOptions),
    acceptChild: joins,
    acceptOrphanAnnotation: joins,
  });
  const refused = plan.checked.filter((r) => !mayMove(r));
  if (refused.length > 0) throw new GraphFailure('graph-fail', `does not own ${refusedObjectsText(await call.scope(), refused, graphLabel)}`);
  const crossOwner = (l: LinkRow) => {
    const spec = linkSpecOf(l.def);
    const owners = new Set([l.ownerId, plan.objects.get(spec.parent.table, l.parent)?.ownerId, plan.objects.get(spec.child.table, l.child)?.ownerId]);
    return owners.size > 1;
  };
  const moved = new GraphSet([...plan.objects.rows(), ...plan.innerLinks.filter((l) => !(toPrivate && crossOwner(l)))]);
  const deleted = new GraphSet([...plan.outerLinks, ...plan.innerLinks.filter((l) => toPrivate && crossOwner(l))]);
  if (!request.dryRun) {
    await deleteRows(call.trx, deleted.rows());
    await updateRows(call.trx, moved.rows(), { group_id: destination, permissions: Number(group.permissions) }, await call.eventId());
  }
  return new Chgrp2Response({ includedObjects: moved.toObjectIds(), deletedObjects: deleted.toObjectIds() });
}
