/** `omero.sys.Parameters` (blitz `System.ice`): the raw parameter struct. */
import { IceData } from '../ice/ice-data.js';
import { iceClass, member } from '../ice/ice-members.js';
import { dictType, objectType } from '../ice/ice-type.js';
import type { RType } from '../rtypes/r-type.js';
import type { Filter } from './filter.js';
import type { Options } from './options.js';

/** Named HQL parameters: name → rtype (`{ id: rlong(5) }`). */
export type ParamMap = Record<string, RType | null>;

/**
 * Query parameters: `map` holds the named HQL parameters, `theFilter` paging/unique, `theOptions`
 * IContainer flags. Raw style: `const p = new Parameters(); p.map = { pid: rlong(pid) }`.
 */
export class Parameters extends IceData {
  static override readonly ice = iceClass('::omero::sys::Parameters', null, [
    member('map', dictType('string', objectType('::omero::RType'))),
    member('theFilter', objectType('::omero::sys::Filter')),
    member('theOptions', objectType('::omero::sys::Options')),
  ]);

  /** Named parameters; null by default on the raw struct ({} on ParametersI). */
  declare map: ParamMap | null;
  /** Filter or null. */
  declare theFilter: Filter | null;
  /** Options or null. */
  declare theOptions: Options | null;

  constructor(options: { map?: ParamMap | null; theFilter?: Filter | null; theOptions?: Options | null });
  constructor(map?: ParamMap | null, theFilter?: Filter | null, theOptions?: Options | null);
  constructor(...args: unknown[]) {
    super(...args);
  }
}
