/** `omero.cmd.Chmod2`. */
import { iceClass, member } from '../ice/ice-members.js';
import type { ChildOption } from './child-option.js';
import { GraphModify2, type TargetObjects } from './request.js';

/** Fields of a {@link Chmod2}. */
export interface Chmod2Fields {
  targetObjects: TargetObjects | null;
  childOptions: ChildOption[] | null;
  dryRun: boolean;
  permissions: string;
}

/** Change a group's permission level; only `ExperimenterGroup` targets; response `Chmod2Response`. */
export class Chmod2 extends GraphModify2 {
  static override readonly ice = iceClass('::omero::cmd::Chmod2', GraphModify2.ice, [member('permissions', 'string')]);
  /** New level, e.g. `rwra--`. */
  declare permissions: string;

  constructor(options: Partial<Chmod2Fields>);
  constructor(targetObjects?: TargetObjects | null, childOptions?: ChildOption[] | null, dryRun?: boolean, permissions?: string);
  constructor(...args: unknown[]) {
    super(...args);
  }
}
