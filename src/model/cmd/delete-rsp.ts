/** Legacy `omero.cmd.DeleteRsp` (answer to the legacy Delete; reference omero-api.md §4.5). */
import { iceClass, member } from '../ice/ice-members.js';
import { dictType, seqType } from '../ice/ice-type.js';
import { OK } from './response.js';

/** Fields of a {@link DeleteRsp}. */
export interface DeleteRspFields {
  warning: string;
  undeletedFiles: Record<string, number[]> | null;
  steps: number;
  scheduledDeletes: number;
  actualDeletes: number;
}

/**
 * Facade response: `warning` '', `undeletedFiles` {}, `steps` of the Delete2 (6), `scheduledDeletes` 0,
 * `actualDeletes` = number of deleted classes (OMERO's quirk).
 */
export class DeleteRsp extends OK {
  static override readonly ice = iceClass('::omero::cmd::DeleteRsp', OK.ice, [
    member('warning', 'string'),
    member('undeletedFiles', dictType('string', seqType('long'))),
    member('steps', 'long'),
    member('scheduledDeletes', 'long'),
    member('actualDeletes', 'long'),
  ]);
  /** Warning text. */
  declare warning: string;
  /** Files that could not be removed, by type. */
  declare undeletedFiles: Record<string, number[]> | null;
  /** Steps executed. */
  declare steps: number;
  /** Deletes scheduled. */
  declare scheduledDeletes: number;
  /** Deletes performed. */
  declare actualDeletes: number;

  constructor(options: Partial<DeleteRspFields>);
  constructor(
    warning?: string,
    undeletedFiles?: Record<string, number[]> | null,
    steps?: number,
    scheduledDeletes?: number,
    actualDeletes?: number,
  );
  constructor(...args: unknown[]) {
    super(...args);
  }
}
