/**
 * `getX()` / `setX()` accessors for model fields, installed on the prototype from the metadata
 * (omero-py generates the same methods; both throw UnloadedEntityException on unloaded objects).
 */
import type { NamedValue } from './named-value.js';
import { namedValuesAsMap } from './named-value.js';
import { capitalize, type FieldMeta } from './model-meta.js';
import type { IObject } from './i-object.js';

/** Typed `get<Field>()` / `set<Field>(v)` pairs for the fields described by `F`. */
export type FieldAccessors<F> = {
  [K in keyof F & string as `get${Capitalize<K>}`]: () => F[K];
} & {
  [K in keyof F & string as `set${Capitalize<K>}`]: (value: F[K]) => void;
};

/** `get<Field>AsMap()` for NamedValue-list fields (`getMapValueAsMap()`, `getConfigAsMap()`). */
export type NamedValuesAccessor<K extends string> = {
  [P in `get${Capitalize<K>}AsMap`]: () => Record<string, string> | null;
};

/** Installs accessors for `fields` on `proto`, skipping names the prototype chain already defines. */
export function installFieldAccessors(proto: IObject, fields: readonly FieldMeta[]): void {
  for (const f of fields) {
    const cap = capitalize(f.name);
    define(proto, `get${cap}`, function (this: IObject) {
      this.errorIfUnloaded();
      return (this as unknown as Record<string, unknown>)[f.name];
    });
    define(proto, `set${cap}`, function (this: IObject, value: unknown) {
      this.errorIfUnloaded();
      (this as unknown as Record<string, unknown>)[f.name] = value;
    });
    if (f.kind === 'namedValues') {
      define(proto, `get${cap}AsMap`, function (this: IObject) {
        this.errorIfUnloaded();
        return namedValuesAsMap((this as unknown as Record<string, NamedValue[] | null>)[f.name] ?? null);
      });
    }
  }
}

/** Defines a non-enumerable prototype method unless one is already reachable. */
export function define(proto: object, name: string, fn: (...args: never[]) => unknown): void {
  if (name in proto) return;
  Object.defineProperty(fn, 'name', { value: name });
  Object.defineProperty(proto, name, { value: fn, writable: true, configurable: true, enumerable: false });
}
