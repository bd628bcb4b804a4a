/**
 * Runtime of the generated collection methods (`linkDataset`, `linkedDatasetList`, `sizeOfDatasetLinks`,
 * `copyDatasetLinks`…), following omero-py's generated code (reference omero-api.md §2.5):
 * - `sizeOfX()` is -1 on an unloaded collection; the other methods throw UnloadedCollectionException.
 * - `link<T>(t)` creates the link (parent/child in the right order), adds it to this collection and,
 *   when `t` is loaded and has the inverse collection, to `t` as well; it returns the link.
 * - `find<E>(t)` matches the other end by identity, or by class and id (an extension for reloaded objects).
 */
import { ClientError, UnloadedCollectionException } from '../exceptions/client-error.js';
import { define } from './field-accessors.js';
import { IObject, metaOf } from './i-object.js';
import { countKey, loadedKey, seqKey } from './model-members.js';
import { capitalize, type CollectionMeta } from './model-meta.js';

type Rec = Record<string, unknown>;

function nullCollection(c: CollectionMeta): UnloadedCollectionException {
  const property = seqKey(c).slice(1);
  return new UnloadedCollectionException(
    `Error updating collection:${property}\n` +
      'Collection is currently null. This can be seen\n' +
      `by testing "${property}Loaded". This implies\n` +
      'that this collection was unloaded. Please refresh this object\n' +
      'in order to update this collection.\n',
  );
}

/** The live element array; throws when the object or the collection is unloaded. */
export function loadedSeq(obj: IObject, c: CollectionMeta): IObject[] {
  obj.errorIfUnloaded();
  const rec = obj as unknown as Rec;
  const seq = rec[seqKey(c)];
  if (rec[loadedKey(c)] !== true || !Array.isArray(seq)) throw nullCollection(c);
  return seq as IObject[];
}

function ends(c: CollectionMeta): { own: string; other: string } | null {
  if (c.link === null) return null;
  return c.link.side === 'parent' ? { own: 'parent', other: 'child' } : { own: 'child', other: 'parent' };
}

function inverseOf(other: unknown, c: CollectionMeta): CollectionMeta | null {
  if (c.link?.inverse == null || !(other instanceof IObject) || !other.isLoaded()) return null;
  const name = c.link.inverse;
  const found = metaOf(other.constructor).members.find((m) => m.member === 'collection' && m.name === name);
  return found?.member === 'collection' ? found : null;
}

function sameEntity(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (!(a instanceof IObject) || !(b instanceof IObject) || a.constructor !== b.constructor) return false;
  return a.id !== null && b.id !== null && a.id._val === b.id._val;
}

function remove(seq: unknown[], item: unknown): boolean {
  const index = seq.indexOf(item);
  if (index >= 0) seq.splice(index, 1);
  return index >= 0;
}

function add(obj: IObject, c: CollectionMeta, target: IObject): void {
  loadedSeq(obj, c).push(target);
  const e = ends(c);
  if (e) (target as unknown as Rec)[e.own] = obj;
}

function removeOne(obj: IObject, c: CollectionMeta, target: IObject): void {
  remove(loadedSeq(obj, c), target);
  const e = ends(c);
  if (e) (target as unknown as Rec)[e.own] = null;
}

/** Adds `link` here and, if `bothSides`, on the loaded other end's inverse collection. */
export function addToBoth(obj: IObject, c: CollectionMeta, link: IObject, bothSides: boolean): void {
  loadedSeq(obj, c).push(link);
  const e = ends(c);
  if (!bothSides || e === null) return;
  const other = (link as unknown as Rec)[e.other];
  const inverse = inverseOf(other, c);
  if (inverse !== null) addToBoth(other as IObject, inverse, link, false);
}

/** Removes `link` here and, if `bothSides`, from the loaded other end's inverse collection. */
export function removeFromBoth(obj: IObject, c: CollectionMeta, link: IObject, bothSides: boolean): void {
  remove(loadedSeq(obj, c), link);
  const e = ends(c);
  if (!bothSides || e === null) return;
  const other = (link as unknown as Rec)[e.other];
  const inverse = inverseOf(other, c);
  if (inverse !== null) removeFromBoth(other as IObject, inverse, link, false);
}

function reload(obj: IObject, c: CollectionMeta, toCopy: IObject): void {
  obj.errorIfUnloaded();
  const rec = obj as unknown as Rec;
  if (rec[loadedKey(c)] === true) throw new ClientError(`Cannot reload active collection: ${seqKey(c).slice(1)}`);
  if (!(toCopy instanceof IObject)) throw new ClientError('Argument cannot be null');
  if (toCopy.constructor !== obj.constructor || toCopy.id?._val !== obj.id?._val) {
    throw new ClientError('Argument must have the same id as this instance');
  }
  const mine = obj.details?.updateEvent?.id?._val;
  const theirs = toCopy.details?.updateEvent?.id?._val;
  if (mine !== undefined && theirs !== undefined && theirs < mine) {
    throw new ClientError('Argument may not be older than this instance');
  }
  const copy = [...loadedSeq(toCopy, c)];
  const e = ends(c);
  if (e) for (const element of copy) (element as unknown as Rec)[e.own] = obj;
  rec[seqKey(c)] = copy;
  rec[loadedKey(c)] = true;
  (toCopy as unknown as Rec)[seqKey(c)] = null;
  (toCopy as unknown as Rec)[loadedKey(c)] = false;
}

/** Installs every method of collection `c` on `proto`. */
export function installCollectionMethods(proto: IObject, c: CollectionMeta): void {
  const C = capitalize(c.name);
  const E = c.elementClass;
  const rec = (o: IObject): Rec => o as unknown as Rec;
  define(proto, `unload${C}`, function (this: IObject) {
    rec(this)[seqKey(c)] = null;
    rec(this)[loadedKey(c)] = false;
  });
  define(proto, `sizeOf${C}`, function (this: IObject) {
    this.errorIfUnloaded();
    const seq = rec(this)[seqKey(c)];
    return rec(this)[loadedKey(c)] === true && Array.isArray(seq) ? seq.length : -1;
  });
  define(proto, `copy${C}`, function (this: IObject) {
    return [...loadedSeq(this, c)];
  });
  define(proto, `iterate${C}`, function (this: IObject) {
    return loadedSeq(this, c)[Symbol.iterator]();
  });
  define(proto, `is${C}Loaded`, function (this: IObject) {
    return rec(this)[loadedKey(c)] === true;
  });
  define(proto, `add${E}`, function (this: IObject, target: IObject) {
    add(this, c, target);
  });
  define(proto, `addAll${E}Set`, function (this: IObject, targets: Iterable<IObject>) {
    for (const target of targets) add(this, c, target);
  });
  define(proto, `remove${E}`, function (this: IObject, target: IObject) {
    removeOne(this, c, target);
  });
  define(proto, `removeAll${E}Set`, function (this: IObject, targets: Iterable<IObject>) {
    for (const target of [...targets]) removeOne(this, c, target);
  });
  define(proto, `clear${C}`, function (this: IObject) {
    const seq = loadedSeq(this, c);
    const e = ends(c);
    if (e) for (const element of seq) (element as unknown as Rec)[e.own] = null;
    rec(this)[seqKey(c)] = [];
  });
  define(proto, `reload${C}`, function (this: IObject, toCopy: IObject) {
    reload(this, c, toCopy);
  });
  if (c.counted) {
    define(proto, `get${C}CountPerOwner`, function (this: IObject) {
      this.errorIfUnloaded();
      return rec(this)[countKey(c)] ?? null;
    });
  }
  if (c.ordered) installOrdered(proto, c);
  if (c.link !== null) installLink(proto, c);
}

function installOrdered(proto: IObject, c: CollectionMeta): void {
  const E = c.elementClass;
  define(proto, `get${E}`, function (this: IObject, index: number) {
    const seq = loadedSeq(this, c);
    if (index < 0 || index >= seq.length) throw new RangeError(`index out of range: ${index}`);
    return seq[index];
  });
  define(proto, `set${E}`, function (this: IObject, index: number, element: IObject) {
    const seq = loadedSeq(this, c);
    if (index < 0 || index >= seq.length) throw new RangeError(`index out of range: ${index}`);
    const old = seq[index];
    seq[index] = element;
    return old;
  });
  define(proto, `getPrimary${E}`, function (this: IObject) {
    return loadedSeq(this, c)[0] ?? null;
  });
  define(proto, `setPrimary${E}`, function (this: IObject, element: IObject) {
    const seq = loadedSeq(this, c);
    const index = seq.indexOf(element);
    if (index < 0) throw new ClientError(`${E} is not in ${c.name}`);
    const old = seq[0] as IObject;
    seq[0] = element;
    seq[index] = old;
    return old;
  });
}

function installLink(proto: IObject, c: CollectionMeta): void {
  const link = c.link;
  const e = ends(c);
  if (link === null || e === null) return;
  const E = c.elementClass;
  const T = link.targetClass;
  define(proto, `link${T}`, function (this: IObject, addition: IObject) {
    const LinkClass = link.linkClass();
    const created = new LinkClass();
    const rec = created as unknown as Rec;
    rec[e.own] = this;
    rec[e.other] = addition;
    addToBoth(this, c, created, true);
    return created;
  });
  define(proto, `add${E}ToBoth`, function (this: IObject, l: IObject, bothSides: boolean) {
    addToBoth(this, c, l, bothSides);
  });
  define(proto, `remove${E}FromBoth`, function (this: IObject, l: IObject, bothSides: boolean) {
    removeFromBoth(this, c, l, bothSides);
  });
  const find = (obj: IObject, removal: IObject): IObject[] =>
    loadedSeq(obj, c).filter((l) => sameEntity((l as unknown as Rec)[e.other], removal));
  define(proto, `find${E}`, function (this: IObject, removal: IObject) {
    return find(this, removal);
  });
  define(proto, `unlink${T}`, function (this: IObject, removal: IObject) {
    for (const l of find(this, removal)) removeFromBoth(this, c, l, true);
  });
  define(proto, `linked${T}List`, function (this: IObject) {
    return loadedSeq(this, c).map((l) => (l as unknown as Rec)[e.other]);
  });
}
