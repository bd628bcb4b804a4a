/**
 * The one place where OMERO's permission rules live. Everything that reads or writes data asks
 * these pure functions; none of them touches the database.
 */
export * from './account-rules.js';
export * from './caller.js';
export * from './chmod-rules.js';
export * from './creation-rules.js';
export * from './graph-rules.js';
export * from './group-context.js';
export * from './linkage-rules.js';
export * from './object-kind.js';
export * from './permission-bits.js';
export * from './privilege-config-rules.js';
export * from './read-scope.js';
export * from './read-scope-for.js';
export * from './refusal.js';
export * from './rights.js';
export * from './roles.js';
export * from './session-rules.js';
export * from './sudo-rules.js';
export * from './update-rules.js';
export * from './visibility.js';
