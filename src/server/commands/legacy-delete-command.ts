import { ChildOption, Delete2, DeleteRsp, type Delete } from '../../model/index.js';
import type { CallContext } from '../call/call-context.js';
import { parseLegacyOptions } from './child-options.js';
import { runDelete2 } from './delete2-command.js';
import { GraphFailure } from './graph-failure.js';

/** Steps the facade reports: those of the Delete2 it runs. */
const FACADE_STEPS = 6;

/**
 * The legacy `Delete('/Project', id, options)` facade of OMERO 5.1–5.2, as seed 002 uses it
 * (reference api §4.5): runs a Delete2 of `{Project: [id]}` and answers `DeleteRsp(warning '',
 * undeletedFiles {}, steps 6, scheduledDeletes 0, actualDeletes = number of deleted classes)`.
 * Options: `KEEP` excludes the type, `HARD` includes it, `FORCE` (admins only) includes it,
 * `;excludes=ns1,ns2` limits the option by namespace. Deeper paths (`/Image/Pixels/RenderingDef`,
 * a SkipHead in OMERO) are refused with `bad-options`: the model has no such children.
 * A failing Delete2 passes its ERR through.
 */
export async function runLegacyDelete(call: CallContext, request: Delete): Promise<DeleteRsp> {
  const path = String(request.type ?? '').replace(/^\/+/, '').split('/').filter(Boolean);
  if (path.length !== 1) {
    throw new GraphFailure('bad-options', `cannot delete ${String(request.type)}: only /<Class> paths are supported`);
  }
  const options = parseLegacyOptions(request.options);
  if (options.some((o) => o.mode === 'FORCE') && !call.caller.isAdmin) {
    throw new GraphFailure('bad-options', 'the FORCE option is for administrators only');
  }
  const childOptions = options.map(
    (o) =>
      new ChildOption({
        includeType: o.mode === 'KEEP' ? null : [o.type],
        excludeType: o.mode === 'KEEP' ? [o.type] : null,
        excludeNs: o.excludeNs.length > 0 ? o.excludeNs : null,
      }),
  );
  const delete2 = new Delete2({ targetObjects: { [path[0]!]: [Number(request.id)] }, childOptions, dryRun: false });
  try {
    const response = await runDelete2(call, delete2);
    return new DeleteRsp({
      warning: '',
      undeletedFiles: {},
      steps: FACADE_STEPS,
      scheduledDeletes: 0,
      actualDeletes: Object.keys(response.deletedObjects ?? {}).length,
    });
  } catch (e) {
    if (e instanceof GraphFailure && e.category === null) throw new GraphFailure(e.code, e.message, delete2.ice_id());
    throw e;
  }
}
