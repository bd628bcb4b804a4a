import type { IObject, RString } from '../model/index.js';

/** An id as callers pass it: a number, an `rlong`, or an object (loaded or not) whose id is used. */
export type Id = number | IObject | { readonly val: number };

/** A string as callers pass it: plain or as `rstring`. */
export type Str = string | RString;
