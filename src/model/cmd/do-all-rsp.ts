/** `omero.cmd.DoAllRsp` (blitz `cmd/Basic.ice`). */
import { iceClass, member } from '../ice/ice-members.js';
import { objectType, seqType } from '../ice/ice-type.js';
import { OK, type Response } from './response.js';
import type { Status } from './status.js';

/** Fields of a {@link DoAllRsp}. */
export interface DoAllRspFields {
  responses: Response[] | null;
  status: Status[] | null;
}

/** Responses and statuses of the sub-requests of a DoAll, in order. */
export class DoAllRsp extends OK {
  static override readonly ice = iceClass('::omero::cmd::DoAllRsp', OK.ice, [
    member('responses', seqType(objectType('::omero::cmd::Response'))),
    member('status', seqType(objectType('::omero::cmd::Status'))),
  ]);
  /** One response per sub-request. */
  declare responses: Response[] | null;
  /** One status per sub-request. */
  declare status: Status[] | null;

  constructor(options: Partial<DoAllRspFields>);
  constructor(responses?: Response[] | null, status?: Status[] | null);
  constructor(...args: unknown[]) {
    super(...args);
  }
}
