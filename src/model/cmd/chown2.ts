/** `omero.cmd.Chown2`. */
import { iceClass, member } from '../ice/ice-members.js';
import { seqType } from '../ice/ice-type.js';
import type { ChildOption } from './child-option.js';
import { GraphModify2, type TargetObjects } from './request.js';

/** Fields of a {@link Chown2}. */
export interface Chown2Fields {
  targetObjects: TargetObjects | null;
  childOptions: ChildOption[] | null;
  dryRun: boolean;
  userId: number;
  targetUsers: number[] | null;
}

/** Give objects (or all data of `targetUsers`) to `userId`; response `Chown2Response`. */
export class Chown2 extends GraphModify2 {
  static override readonly ice = iceClass('::omero::cmd::Chown2', GraphModify2.ice, [
    member('userId', 'long'),
    member('targetUsers', seqType('long')),
  ]);
  /** Recipient experimenter id. */
  declare userId: number;
  /** Users whose data is all targeted. */
  declare targetUsers: number[] | null;

  constructor(options: Partial<Chown2Fields>);
  constructor(
    targetObjects?: TargetObjects | null,
    childOptions?: ChildOption[] | null,
    dryRun?: boolean,
    userId?: number,
    targetUsers?: number[] | null,
  );
  constructor(...args: unknown[]) {
    super(...args);
  }
}
