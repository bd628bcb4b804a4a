/**
 * Legacy `omero.cmd.Delete(type, id, options)` (OMERO 4.3–5.2; used by seed 002 / Permissions.rst;
 * reference omero-api.md §4.5). The server executes it as a Delete2 and answers with a DeleteRsp.
 */
import { iceClass, member } from '../ice/ice-members.js';
import { dictType } from '../ice/ice-type.js';
import { Request, type StringMap } from './request.js';

/** Fields of a {@link GraphModify} / {@link Delete}. */
export interface GraphModifyFields {
  type: string;
  id: number;
  options: StringMap | null;
}

/** Legacy graph request base: `type` is a path like `/Project` or `/Image/Pixels/RenderingDef`. */
export class GraphModify extends Request {
  static override readonly ice = iceClass('::omero::cmd::GraphModify', Request.ice, [
    member('type', 'string'),
    member('id', 'long'),
    member('options', dictType('string', 'string')),
  ]);
  /** Graph path, e.g. `/Project`. */
  declare type: string;
  /** Id of the target. */
  declare id: number;
  /** Per-path options (`{ '/Annotation': 'KEEP' }`) or null. */
  declare options: StringMap | null;
}

/** `Delete('/Project', id, null)`. */
export class Delete extends GraphModify {
  static override readonly ice = iceClass('::omero::cmd::Delete', GraphModify.ice);

  constructor(options: Partial<GraphModifyFields>);
  constructor(type?: string, id?: number, options?: StringMap | null);
  constructor(...args: unknown[]) {
    super(...args);
  }
}
