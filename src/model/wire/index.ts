/** Wire serialization between the client and the server worker (structured clone / JSON safe). */
export { toWire } from './to-wire.js';
export { fromWire } from './from-wire.js';
export { registerWireClass, wireClassByName, wireNameOf, wireClassNames } from './wire-registry.js';
export { TAG, BUILTIN_ERRORS } from './wire-format.js';
