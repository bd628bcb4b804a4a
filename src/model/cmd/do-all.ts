/** `omero.cmd.DoAll` (blitz `cmd/Basic.ice`). */
import { iceClass, member } from '../ice/ice-members.js';
import { dictType, objectType, seqType } from '../ice/ice-type.js';
import { Request, type StringMap } from './request.js';

/** Fields of a {@link DoAll}. */
export interface DoAllFields {
  requests: Request[] | null;
  contexts: Array<StringMap | null> | null;
}

/**
 * Runs `requests` in order; `contexts[i]` is the call context applied to request i. Response
 * `DoAllRsp(responses, status)`. @example new DoAll([new Delete('/Project', 1, null)])
 */
export class DoAll extends Request {
  static override readonly ice = iceClass('::omero::cmd::DoAll', Request.ice, [
    member('requests', seqType(objectType('::omero::cmd::Request'))),
    member('contexts', seqType(dictType('string', 'string'))),
  ]);
  /** Sub-requests. */
  declare requests: Request[] | null;
  /** Per-request call contexts (may be shorter than `requests`). */
  declare contexts: Array<StringMap | null> | null;

  constructor(options: Partial<DoAllFields>);
  constructor(requests?: Request[] | null, contexts?: Array<StringMap | null> | null);
  constructor(...args: unknown[]) {
    super(...args);
  }
}
