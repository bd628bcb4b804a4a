/**
 * Member initialisation and Ice description of model objects from their {@link ModelMeta}.
 */
import { dictType, objectType, seqType, toIceValue, type IceType } from '../ice/ice-type.js';
import type { IceMember } from '../ice/ice-value.js';
import type { CollectionMeta, FieldKind, FieldMeta, ModelMeta } from './model-meta.js';

const RTYPE_IDS: Record<Exclude<FieldKind, 'object' | 'namedValues'>, string> = {
  string: '::omero::RString',
  long: '::omero::RLong',
  int: '::omero::RInt',
  bool: '::omero::RBool',
  time: '::omero::RTime',
  double: '::omero::RDouble',
  float: '::omero::RFloat',
};

/** Property holding a collection's elements: `_datasetLinksSeq`. */
export function seqKey(c: CollectionMeta): string {
  return `_${c.name}Seq`;
}

/** Property holding a collection's loaded flag: `_datasetLinksLoaded`. */
export function loadedKey(c: CollectionMeta): string {
  return `_${c.name}Loaded`;
}

/** Property holding a collection's per-owner counts: `_datasetLinksCountPerOwner`. */
export function countKey(c: CollectionMeta): string {
  return `_${c.name}CountPerOwner`;
}

/** One property `initModelMembers` sets: to null, to a collection's elements, or to its loaded flag. */
interface InitStep {
  readonly key: string;
  readonly kind: 'null' | 'seq' | 'flag';
}

/** The steps of each class, worked out once: every query result builds many objects of few classes. */
const initSteps = new WeakMap<ModelMeta, readonly InitStep[]>();

function stepsOf(meta: ModelMeta): readonly InitStep[] {
  let steps = initSteps.get(meta);
  if (steps === undefined) {
    steps = meta.members.flatMap((m): InitStep[] =>
      m.member === 'field'
        ? [{ key: m.name, kind: 'null' }]
        : [{ key: seqKey(m), kind: 'seq' }, { key: loadedKey(m), kind: 'flag' }, ...(m.counted ? [{ key: countKey(m), kind: 'null' as const }] : [])],
    );
    initSteps.set(meta, steps);
  }
  return steps;
}

/** Sets every member to its initial state: fields null; collections `[]`/loaded or null/unloaded; counts null. */
export function initModelMembers(target: object, meta: ModelMeta, loaded: boolean): void {
  const record = target as Record<string, unknown>;
  for (const step of stepsOf(meta)) {
    record[step.key] = step.kind === 'null' ? null : step.kind === 'flag' ? loaded : loaded ? [] : null;
  }
}

/** Slice type of a field, for printing. */
export function fieldIceType(f: FieldMeta): IceType {
  if (f.kind === 'namedValues') return seqType(objectType('::omero::model::NamedValue'));
  if (f.kind === 'object') return objectType(`::omero::model::${f.refClass ?? 'IObject'}`);
  return objectType(RTYPE_IDS[f.kind]);
}

/** The Ice members of a model object, in print order (reference omero-api.md §5.3). */
export function describeModel(target: object, meta: ModelMeta): IceMember[] {
  const record = target as Record<string, unknown>;
  const members: IceMember[] = [
    ['_id', toIceValue(objectType('::omero::RLong'), record['id'])],
    ['_details', toIceValue(objectType('::omero::model::Details'), record['details'])],
    ['_loaded', toIceValue('bool', record['_loaded'])],
  ];
  if (meta.versioned) members.push(['_version', toIceValue(objectType('::omero::RInt'), record['version'])]);
  for (const m of meta.members) {
    if (m.member === 'field') {
      members.push([`_${m.name}`, toIceValue(fieldIceType(m), record[m.name])]);
      continue;
    }
    const element = objectType(`::omero::model::${m.elementClass}`);
    members.push([seqKey(m), toIceValue(seqType(element), record[seqKey(m)])]);
    members.push([loadedKey(m), toIceValue('bool', record[loadedKey(m)])]);
    if (m.counted) members.push([countKey(m), toIceValue(dictType('long', 'long'), record[countKey(m)])]);
  }
  return members;
}
