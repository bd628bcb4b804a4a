/**
 * omero-shell model layer: plain data mirroring OMERO's Python API (omero.model, omero.rtypes,
 * omero.sys, omero.cmd, exceptions), Ice-style printing and wire serialization. No I/O.
 */
export * from './ice/index.js';
export * from './exceptions/index.js';
export * from './rtypes/index.js';
export * from './permissions/index.js';
export * from './objects/index.js';
export * from './sys/index.js';
export * from './cmd/index.js';
export * from './wire/index.js';
export { model, rtypes, sys, cmd, graphs, exceptions, glacier2 } from './namespaces.js';
