/** Ice printing: `iceStringify`, the describe protocol, Python repr helpers. */
export { iceStringify, setDefaultIceLayout, type IcePrintOptions } from './ice-print.js';
export {
  ICE_DESCRIBE,
  isIceDescribable,
  type IceDescribable,
  type IceDescribeOptions,
  type IceDescription,
  type IceMember,
  type IceValue,
} from './ice-value.js';
export { toIceValue, objectType, seqType, dictType, iceDefault, type IceType, type IceScalarType } from './ice-type.js';
export { iceClass, member, describeMembers, initMembers, type IceClassSpec, type IceMemberSpec } from './ice-members.js';
export { isPlainObject, isMap, isSet, isDate, isAnyError } from './value-kinds.js';
export { IceData, type IceDataClass } from './ice-data.js';
export { IceOutput } from './ice-output.js';
export { pyRepr, type DescribablePrinter } from './py-repr.js';
export { pythonFloat, pythonStrRepr } from './py-format.js';
export { INSPECT_CUSTOM, inspectAsIce } from './inspect-custom.js';
