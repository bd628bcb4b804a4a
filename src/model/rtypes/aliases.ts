/** Re-export point for the `omero.RString`-style aliases (see rtypes/index.ts). */
export { RStringI } from './r-string-i.js';
export { RLongI } from './r-long-i.js';
export { RIntI } from './r-int-i.js';
export { RBoolI } from './r-bool-i.js';
export { RTimeI } from './r-time-i.js';
export { RDoubleI } from './r-double-i.js';
export { RFloatI } from './r-float-i.js';
export { RListI } from './r-list-i.js';
export { RSetI } from './r-set-i.js';
export { RMapI } from './r-map-i.js';
export { RObjectI } from './r-object-i.js';

/** Names under which rtypes/index.ts re-exports the classes above as aliases (not canonical names). */
export const RTYPE_ALIAS_NAMES: ReadonlySet<string> = new Set([
  'RString',
  'RLong',
  'RInt',
  'RBool',
  'RTime',
  'RDouble',
  'RFloat',
  'RList',
  'RSet',
  'RMap',
  'RObject',
]);
