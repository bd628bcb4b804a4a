/**
 * `omero.model.NamedValue(name, value)`: one key/value pair of a MapAnnotation or of a user's or
 * group's `config`.
 */
import { IceData } from '../ice/ice-data.js';
import { iceClass, member } from '../ice/ice-members.js';

/** A name/value pair. Both default to `''`. */
export class NamedValue extends IceData {
  static override readonly ice = iceClass('::omero::model::NamedValue', null, [
    member('name', 'string'),
    member('value', 'string'),
  ]);

  /** The key. */
  declare name: string;
  /** The value. */
  declare value: string;

  constructor(options: { name?: string; value?: string });
  constructor(name?: string, value?: string);
  constructor(...args: unknown[]) {
    super(...args);
  }
}

/** `getMapValueAsMap()` / `getConfigAsMap()`: the pairs as an object (later names win), null for null. */
export function namedValuesAsMap(values: readonly NamedValue[] | null): Record<string, string> | null {
  if (values === null) return null;
  const result: Record<string, string> = {};
  for (const nv of values) {
    Object.defineProperty(result, nv.name, { value: nv.value, enumerable: true, writable: true, configurable: true });
  }
  return result;
}
