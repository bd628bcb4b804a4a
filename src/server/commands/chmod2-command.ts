import { ApiUsageException, Chmod2Response, SecurityViolation, type Chmod2 } from '../../model/index.js';
import type { CallContext } from '../call/call-context.js';
import { entityDef } from '../db/entities.js';
import { isGroupReadable } from '../security/index.js';
import { normalisedPerms } from '../services/admin/admin-service.js';
import { crossOwnerLinkQuery, crossOwnerLinks, requireChmodRight } from '../services/admin/group-permissions.js';
import { GraphFailure } from './graph-failure.js';
import { ANNOTATION_LINKS, LINKS, ORPHAN_DELETED_ANNOTATIONS } from './graph-schema.js';
import { GraphSet, type GraphRow, type LinkRow } from './graph-set.js';
import { linksAt, loadRows } from './graph-store.js';
import { deleteRows } from './graph-writes.js';
import { targetEntity, targetEntries, targetIds } from './target-objects.js';

const GROUP = entityDef('ExperimenterGroup');

/**
 * `Chmod2` (reference permissions §4): changes the permission level of ExperimenterGroup targets
 * (any other class is `bad-options`). Only a PI of the group or an admin with `ModifyGroup` may
 * (`requireChmodRight`, as the legacy `IAdmin.changePermissions`); USER READ can never be removed;
 * WRITE implies ANNOTATE. Only the group row changes (§1.3) — except for a downgrade to private
 * (GROUP READ removed), which severs every link joining data of different owners (container and
 * annotation links: the rows `crossOwnerLinks` counts) and then deletes the Comment, basic and Map
 * annotations left orphaned; all of that is reported in `deletedObjects`. Tags and other
 * annotations of other owners survive without their links.
 */
export async function runChmod2(call: CallContext, request: Chmod2): Promise<Chmod2Response> {
  let perm1: number;
  try {
    perm1 = normalisedPerms(String(request.permissions ?? ''));
  } catch (e) {
    const message = e instanceof ApiUsageException ? e.message : `invalid permissions: ${String(request.permissions)}`;
    throw new GraphFailure('bad-options', message);
  }
  const included = new GraphSet();
  const deleted = new GraphSet();
  for (const [key, value] of targetEntries(request.targetObjects)) {
    targetEntity(key, (d) => d === GROUP);
    for (const gid of new Set(targetIds(key, value))) {
      const row = await call.trx('experimentergroup').select('id', 'permissions').where({ id: gid }).first();
      if (!row) throw new GraphFailure('graph-fail', `cannot read all the specified objects of class ${GROUP.serverClass}`);
      try {
        requireChmodRight(call, gid);
      } catch (e) {
        if (e instanceof SecurityViolation) throw new GraphFailure('graph-fail', `not permitted to chmod ${GROUP.serverClass}[${gid}]: ${e.message}`);
        throw e;
      }
      included.add({ def: GROUP, id: gid, ownerId: -1, groupId: gid, ns: null });
      const old = Number(row.permissions);
      if (isGroupReadable(old) && !isGroupReadable(perm1) && (await crossOwnerLinks(call, gid)) > 0) {
        for (const r of await severedRows(call, gid)) deleted.add(r);
      }
      if (!request.dryRun && old !== perm1) {
        await call.trx('experimentergroup').where({ id: gid }).update({ permissions: perm1, version: call.trx.raw('version + 1') });
      }
    }
  }
  if (!request.dryRun) await deleteRows(call.trx, deleted.rows());
  return new Chmod2Response({ includedObjects: included.toObjectIds(), deletedObjects: deleted.toObjectIds() });
}

/** The cross-owner links of a group, and the annotations they alone kept alive that go with them. */
async function severedRows(call: CallContext, groupId: number): Promise<GraphRow[]> {
  const severed: LinkRow[] = [];
  for (const link of LINKS) {
    const rows = await crossOwnerLinkQuery(call.trx, link, groupId).select('l.id');
    severed.push(...(await linksAt(call.trx, link, 'id', rows.map((r: { id: unknown }) => Number(r.id)))));
  }
  const severedIds = new Set(severed.map((l) => `${l.def.table}:${l.id}`));
  const annotationIds = [...new Set(severed.filter((l) => ANNOTATION_LINKS.some((a) => a.def === l.def)).map((l) => l.child))];
  const orphans: GraphRow[] = [];
  for (const annotation of await loadRows(call.trx, entityDef('Annotation'), annotationIds)) {
    if (!ORPHAN_DELETED_ANNOTATIONS.has(annotation.def.name)) continue;
    let remaining = 0;
    for (const link of ANNOTATION_LINKS) {
      remaining += (await linksAt(call.trx, link, 'child', [annotation.id])).filter((l) => !severedIds.has(`${l.def.table}:${l.id}`)).length;
    }
    if (remaining === 0) orphans.push(annotation);
  }
  return [...severed, ...orphans];
}
