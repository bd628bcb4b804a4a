/**
 * The wire format: JSON-compatible data that survives `structuredClone`/`postMessage` and
 * `JSON.stringify`, carrying class identity, sharing and cycles.
 *
 * | tag | meaning |
 * |---|---|
 * | `{ $c: 'ProjectI', f: {…}, $id? }` | instance of a registered class, `f` = own fields |
 * | `{ $e: 'TypeError', f: {…}, $id? }` | unregistered Error, rebuilt as the named built-in Error class |
 * | `{ $ref: 3 }` | the object tagged `$id: 3` earlier in document order (sharing, cycles) |
 * | `{ $a: […], $id }` | an array that is referenced more than once (otherwise a plain array) |
 * | `{ $m: [[k, v], …] }`, `{ $s: […] }`, `{ $d: ms }` | Map, Set, Date |
 * | `{ $o: {…}, $np? }` | plain object whose keys start with `$` (or null-prototype with `$np: 1`) |
 * | `{ $u: 1 }`, `{ $n: 'NaN' \| 'Infinity' \| '-Infinity' \| '-0' }`, `{ $b: '123' }` | undefined, special numbers, bigint |
 *
 * Any other object is a plain object (with an optional `$id`). Objects are rebuilt with
 * `Object.create(Class.prototype)` plus field assignment: no constructor runs for them. A class's
 * fields still at the values a new instance holds (`null`, `false`…) are left out of `f` and put
 * back on decoding (`class-defaults.ts`; each class is constructed once, bare, to learn them).
 */

/** Tag keys (all start with `$`). */
export const TAG = Object.freeze({
  CLASS: '$c',
  ERROR: '$e',
  FIELDS: 'f',
  ID: '$id',
  REF: '$ref',
  ARRAY: '$a',
  MAP: '$m',
  SET: '$s',
  DATE: '$d',
  OBJECT: '$o',
  NULL_PROTO: '$np',
  UNDEFINED: '$u',
  NUMBER: '$n',
  BIGINT: '$b',
} as const);

/** Built-in Error classes that unregistered errors map onto. */
export const BUILTIN_ERRORS: Readonly<Record<string, ErrorConstructor>> = Object.freeze({
  Error,
  TypeError,
  RangeError,
  SyntaxError,
  ReferenceError,
  EvalError,
  URIError,
});

/** Error properties that are own but not enumerable and must still travel. */
export const ERROR_HIDDEN_FIELDS: readonly string[] = Object.freeze(['message', 'stack', 'cause']);
