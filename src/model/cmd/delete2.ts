/** `omero.cmd.Delete2`. */
import { iceClass, member } from '../ice/ice-members.js';
import { seqType } from '../ice/ice-type.js';
import type { ChildOption } from './child-option.js';
import { GraphModify2, type TargetObjects } from './request.js';

/** Fields of a {@link Delete2}. */
export interface Delete2Fields {
  targetObjects: TargetObjects | null;
  childOptions: ChildOption[] | null;
  dryRun: boolean;
  typesToIgnore: string[] | null;
}

/**
 * Delete targets and their orphaned contents; response `Delete2Response(deletedObjects)`.
 * @example new Delete2({ targetObjects: { Project: [113] } })
 */
export class Delete2 extends GraphModify2 {
  static override readonly ice = iceClass('::omero::cmd::Delete2', GraphModify2.ice, [
    member('typesToIgnore', seqType('string')),
  ]);
  /** Types left out of the operation (experimental). */
  declare typesToIgnore: string[] | null;

  constructor(options: Partial<Delete2Fields>);
  constructor(
    targetObjects?: TargetObjects | null,
    childOptions?: ChildOption[] | null,
    dryRun?: boolean,
    typesToIgnore?: string[] | null,
  );
  constructor(...args: unknown[]) {
    super(...args);
  }
}
