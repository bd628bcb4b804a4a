/** `omero.rtypes`: rtype classes and factory functions. */
export { RType, type RTypeClass } from './r-type.js';
export { RCollection } from './r-collection.js';
export { RStringI } from './r-string-i.js';
export { RLongI } from './r-long-i.js';
export { RIntI } from './r-int-i.js';
export { RBoolI } from './r-bool-i.js';
export { RTimeI } from './r-time-i.js';
export { RDoubleI } from './r-double-i.js';
export { RFloatI } from './r-float-i.js';
export { RListI } from './r-list-i.js';
export { RSetI } from './r-set-i.js';
export { RMapI, type RTypeDict } from './r-map-i.js';
export { RObjectI } from './r-object-i.js';
export { rstring, rlong, rint, rbool, rtime, rdouble, rfloat, rlist, rset, rmap } from './factories.js';
export { robject, rtype, wrap, unwrap } from './wrap.js';
/**
 * omero-py's abstract Slice names (`omero.RString`…) as aliases of the implementations, for
 * `instanceof` checks and type annotations.
 */
export {
  RStringI as RString,
  RLongI as RLong,
  RIntI as RInt,
  RBoolI as RBool,
  RTimeI as RTime,
  RDoubleI as RDouble,
  RFloatI as RFloat,
  RListI as RList,
  RSetI as RSet,
  RMapI as RMap,
  RObjectI as RObject,
} from './aliases.js';
