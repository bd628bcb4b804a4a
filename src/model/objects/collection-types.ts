/**
 * Types of the collection methods generated on model prototypes (see collection-methods.ts).
 * `C` is the capitalised collection (`DatasetLinks`), `E` the element class (`ProjectDatasetLink`),
 * `T` the class at the link's other end (`Dataset`).
 */
import type { IObject } from './i-object.js';

/** Per-owner link counts (Ice `CountMap`, owner id → count). */
export type CountMap = Map<number, number>;

/** Methods of every collection (omero-py / combined.vm names). */
export type CollectionMethods<C extends string, E extends string, El> = { [K in `unload${C}`]: () => void } & {
  [K in `sizeOf${C}`]: () => number;
} & { [K in `copy${C}`]: () => El[] } & { [K in `iterate${C}`]: () => IterableIterator<El> } & {
  [K in `is${C}Loaded`]: () => boolean;
} & { [K in `add${E}`]: (target: El) => void } & { [K in `addAll${E}Set`]: (targets: Iterable<El>) => void } & {
  [K in `remove${E}`]: (target: El) => void;
} & { [K in `removeAll${E}Set`]: (targets: Iterable<El>) => void } & { [K in `clear${C}`]: () => void } & {
  [K in `reload${C}`]: (toCopy: IObject) => void;
};

/** `get<C>CountPerOwner()` of counted (link) collections. */
export type CountedCollection<C extends string> = { [K in `get${C}CountPerOwner`]: () => CountMap | null };

/** Extra methods of ordered collections (Experimenter.groupExperimenterMap). */
export type OrderedCollection<E extends string, El> = { [K in `get${E}`]: (index: number) => El } & {
  [K in `set${E}`]: (index: number, element: El) => El;
} & { [K in `getPrimary${E}`]: () => El | null } & { [K in `setPrimary${E}`]: (element: El) => El };

/** Extra methods of link collections. */
export type LinkMethods<E extends string, T extends string, L, Target> = { [K in `link${T}`]: (addition: Target) => L } & {
  [K in `unlink${T}`]: (removal: Target) => void;
} & { [K in `linked${T}List`]: () => Target[] } & { [K in `find${E}`]: (removal: Target) => L[] } & {
  [K in `add${E}ToBoth`]: (link: L, bothSides: boolean) => void;
} & { [K in `remove${E}FromBoth`]: (link: L, bothSides: boolean) => void };

/** A counted link collection such as Project.datasetLinks. */
export type LinkCollection<C extends string, E extends string, T extends string, L, Target> = CollectionMethods<
  C,
  E,
  L
> &
  CountedCollection<C> &
  LinkMethods<E, T, L, Target>;
