/** `omero.cmd.Chgrp2`. */
import { iceClass, member } from '../ice/ice-members.js';
import type { ChildOption } from './child-option.js';
import { GraphModify2, type TargetObjects } from './request.js';

/** Fields of a {@link Chgrp2}. */
export interface Chgrp2Fields {
  targetObjects: TargetObjects | null;
  childOptions: ChildOption[] | null;
  dryRun: boolean;
  groupId: number;
}

/** Move objects to group `groupId`; response `Chgrp2Response(includedObjects, deletedObjects)`. */
export class Chgrp2 extends GraphModify2 {
  static override readonly ice = iceClass('::omero::cmd::Chgrp2', GraphModify2.ice, [member('groupId', 'long')]);
  /** Target group id. */
  declare groupId: number;

  constructor(options: Partial<Chgrp2Fields>);
  constructor(targetObjects?: TargetObjects | null, childOptions?: ChildOption[] | null, dryRun?: boolean, groupId?: number);
  constructor(...args: unknown[]) {
    super(...args);
  }
}
