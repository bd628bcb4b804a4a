import { metaOf, type IObject } from '../../model/index.js';

/**
 * The Ice data members of a model object in Ice order, named as omero-py's `obj.__dict__` names
 * them: `_id`, `_details`, `_loaded`, `_version` (versioned classes), then per field `_<name>`
 * and per collection `_<name>Seq`, `_<name>Loaded` and (counted ones) `_<name>CountPerOwner`.
 */
export function iceMembers(obj: IObject): [string, unknown][] {
  const meta = metaOf(obj.constructor);
  const record = obj as unknown as Record<string, unknown>;
  const members: [string, unknown][] = [
    ['_id', obj.id],
    ['_details', obj.details],
    ['_loaded', obj._loaded],
  ];
  if (meta.versioned) members.push(['_version', obj.version]);
  for (const m of meta.members) {
    if (m.member === 'field') {
      members.push([`_${m.name}`, record[m.name] ?? null]);
      continue;
    }
    for (const suffix of ['Seq', 'Loaded', ...(m.counted ? ['CountPerOwner'] : [])]) {
      const key = `_${m.name}${suffix}`;
      members.push([key, record[key] ?? null]);
    }
  }
  return members;
}
