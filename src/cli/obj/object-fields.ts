import { getFields, metaOf, type FieldMeta, type IObject } from '../../model/index.js';

/**
 * The names `get` can read on an object of class `kls`: `id`, `version` (versioned classes),
 * `details`, and the class's fields (scalars, references, key/value lists); not collections.
 */
export function readableNames(obj: IObject, kls: string): string[] {
  const names = ['id', 'details', ...(metaOf(obj.constructor).versioned ? ['version'] : [])];
  return [...names, ...(getFields(kls) ?? []).map((f: FieldMeta) => f.name)];
}

/** The value of a readable name (see {@link readableNames}), or undefined for any other name. */
export function readField(obj: IObject, kls: string, name: string): unknown {
  if (!readableNames(obj, kls).includes(name)) return undefined;
  return (obj as unknown as Record<string, unknown>)[name] ?? null;
}
