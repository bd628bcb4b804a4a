/** `omero.sys`: parameters, filters, options, the EventContext, Roles and Principal. */
export { Filter, type FilterFields } from './filter.js';
export { Options, type OptionsFields } from './options.js';
export { Parameters, type ParamMap } from './parameters.js';
export { ParametersI } from './parameters-i.js';
export { EventContext, type EventContextFields } from './event-context.js';
export { Roles, type RolesFields } from './roles.js';
export { Principal, type PrincipalFields } from './principal.js';
