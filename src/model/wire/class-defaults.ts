/**
 * What a freshly constructed instance of a registered class holds in its primitive fields
 * (`_loaded: true`, `name: null`, …), worked out once per class. The encoder leaves out fields
 * still at these values and the decoder puts them back, so an unloaded `ExperimenterI` travels as
 * its id instead of fifteen nulls (50 Projects: 72 kB → 48 kB).
 *
 * Both ends compute the defaults from the same classes (client and server refuse each other's
 * versions when they differ). Only classes built by `new Cls()` without arguments and without
 * throwing take part, never errors (their fields are partly hidden), and only primitive values
 * (null, booleans, numbers, strings), compared with `Object.is`.
 */

type Primitive = null | boolean | number | string;

/** A class's fields in constructor order, and the primitive defaults among them; null when the class does not take part. */
export type ClassDefaults = {
  readonly order: readonly string[];
  readonly known: ReadonlySet<string>;
  readonly values: ReadonlyMap<string, Primitive>;
} | null;

const CACHE = new WeakMap<object, ClassDefaults>();

/** The defaults of `cls` (see the module comment). */
export function classDefaults(cls: abstract new (...args: never[]) => unknown): ClassDefaults {
  let defaults = CACHE.get(cls);
  if (defaults === undefined) {
    defaults = compute(cls);
    CACHE.set(cls, defaults);
  }
  return defaults;
}

function compute(cls: abstract new (...args: never[]) => unknown): ClassDefaults {
  if (cls.prototype instanceof Error) return null;
  let blank: object;
  try {
    blank = new (cls as unknown as new () => object)();
  } catch {
    return null;
  }
  const order = Object.keys(blank);
  const values = new Map<string, Primitive>();
  for (const key of order) {
    const value = (blank as Record<string, unknown>)[key];
    if (value === null || typeof value === 'boolean' || typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value))) {
      values.set(key, value as Primitive);
    }
  }
  return values.size > 0 ? { order, known: new Set(order), values } : null;
}

/** Whether `value` is the default of `key` (and so need not travel). */
export function isDefault(defaults: ClassDefaults, key: string, value: unknown): boolean {
  const d = defaults?.values.get(key);
  return d !== undefined && Object.is(d, value);
}
