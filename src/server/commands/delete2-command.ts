import { Delete2Response, type Delete2 } from '../../model/index.js';
import type { CallContext } from '../call/call-context.js';
import { mayDeleteInGraph, refusedObjectsText } from '../security/index.js';
import { childDecider } from './child-options.js';
import { GraphFailure } from './graph-failure.js';
import { planGraph } from './graph-plan.js';
import { ORPHAN_DELETED_ANNOTATIONS } from './graph-schema.js';
import { graphLabel, GraphSet, type GraphRow } from './graph-set.js';
import { deleteRows } from './graph-writes.js';
import { resolveTargets } from './target-objects.js';

/**
 * Whether an annotation left without parents by a delete goes too (reference api §4.6): Comment,
 * the basic annotations (Long, Double, Boolean, Timestamp, Term) and Map annotations whoever owns
 * them; a Tag only when owned by the owner of an object it annotated; nothing else.
 */
export function deletedWhenOrphaned(annotation: GraphRow, annotated: readonly GraphRow[]): boolean {
  if (ORPHAN_DELETED_ANNOTATIONS.has(annotation.def.name)) return true;
  if (annotation.def.name === 'TagAnnotation') return annotated.some((p) => p.ownerId === annotation.ownerId);
  return false;
}

/**
 * `Delete2` (reference api §4.1, §4.6; permissions §6): deletes the targets, the contained objects
 * they leave orphaned, the annotations that go with them and every link touching them. The caller
 * needs DELETE on every target and contained object (`mayDeleteInGraph`), else GraphException
 * "not permitted to delete …"; links and orphaned annotations follow regardless of permissions.
 * `dryRun` reports without deleting. Throws GraphFailure; the runner turns it into the ERR.
 */
export async function runDelete2(call: CallContext, request: Delete2): Promise<Delete2Response> {
  const targets = await resolveTargets(call, request.targetObjects);
  const plan = await planGraph(call.trx, targets, {
    decide: childDecider(request.childOptions),
    acceptChild: () => true,
    acceptOrphanAnnotation: deletedWhenOrphaned,
  });
  await call.loadPerms(plan.checked.map((r) => r.groupId));
  const refused = plan.checked.filter(
    (r) => !mayDeleteInGraph(call.caller, { ownerId: r.ownerId, groupId: r.groupId, kind: 'data' }, (g) => call.perms(g)),
  );
  if (refused.length > 0) {
    throw new GraphFailure('graph-fail', `not permitted to delete ${refusedObjectsText(await call.scope(), refused, graphLabel)}`);
  }
  const deleted = new GraphSet([...plan.objects.rows(), ...plan.innerLinks, ...plan.outerLinks]);
  if (!request.dryRun) await deleteRows(call.trx, deleted.rows());
  return new Delete2Response({ deletedObjects: deleted.toObjectIds() });
}
