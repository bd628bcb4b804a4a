/** `omero.cmd.SkipHead`. */
import { iceClass, member } from '../ice/ice-members.js';
import { objectType, seqType } from '../ice/ice-type.js';
import type { ChildOption } from './child-option.js';
import { GraphModify2, type TargetObjects } from './request.js';

/** Fields of a {@link SkipHead}. */
export interface SkipHeadFields {
  targetObjects: TargetObjects | null;
  childOptions: ChildOption[] | null;
  dryRun: boolean;
  startFrom: string[] | null;
  request: GraphModify2 | null;
}

/** Run `request` on the descendants of type `startFrom` of the targets (e.g. an Image's RenderingDef). */
export class SkipHead extends GraphModify2 {
  static override readonly ice = iceClass('::omero::cmd::SkipHead', GraphModify2.ice, [
    member('startFrom', seqType('string')),
    member('request', objectType('::omero::cmd::GraphModify2')),
  ]);
  /** Classes from which to actually start. */
  declare startFrom: string[] | null;
  /** The wrapped request (its targetObjects are ignored). */
  declare request: GraphModify2 | null;

  constructor(options: Partial<SkipHeadFields>);
  constructor(
    targetObjects?: TargetObjects | null,
    childOptions?: ChildOption[] | null,
    dryRun?: boolean,
    startFrom?: string[] | null,
    request?: GraphModify2 | null,
  );
  constructor(...args: unknown[]) {
    super(...args);
  }
}
