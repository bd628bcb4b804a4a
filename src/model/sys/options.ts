/** `omero.sys.Options` (blitz `System.ice`). */
import { IceData } from '../ice/ice-data.js';
import { iceClass, member } from '../ice/ice-members.js';
import { objectType } from '../ice/ice-type.js';
import type { RBoolI } from '../rtypes/r-bool-i.js';

/** Fields of an {@link Options}. */
export interface OptionsFields {
  leaves: RBoolI | null;
  orphan: RBoolI | null;
  acquisitionData: RBoolI | null;
  cacheable: RBoolI | null;
}

/** IContainer options (`leaves`, `orphan`, `acquisitionData`) and the query-cache flag. All default null. */
export class Options extends IceData {
  static override readonly ice = iceClass('::omero::sys::Options', null, [
    member('leaves', objectType('::omero::RBool')),
    member('orphan', objectType('::omero::RBool')),
    member('acquisitionData', objectType('::omero::RBool')),
    member('cacheable', objectType('::omero::RBool')),
  ]);

  /** Load leaves (images) of hierarchies. */
  declare leaves: RBoolI | null;
  /** Include orphaned containers. */
  declare orphan: RBoolI | null;
  /** Load acquisition data. */
  declare acquisitionData: RBoolI | null;
  /** Use the query cache. */
  declare cacheable: RBoolI | null;

  constructor(options: Partial<OptionsFields>);
  constructor(...values: Array<RBoolI | null | undefined>);
  constructor(...args: unknown[]) {
    super(...args);
  }
}
