/**
 * `omero.model.IObject`: base of every model object (reference omero-api.md §2.5).
 *
 * Data members are plain own properties (`p.name`, `p.id.val`, `p.details.owner.id.val`), created by
 * this constructor from the subclass's static {@link ModelMeta}: no Proxy, no own getters. Accessors
 * (`getName()`…) and collection methods live on the prototype and throw UnloadedEntityException on an
 * unloaded object; the properties themselves simply read null there.
 */
import { ClientError, UnloadedEntityException } from '../exceptions/client-error.js';
import { iceStringify } from '../ice/ice-print.js';
import { INSPECT_CUSTOM, inspectAsIce } from '../ice/inspect-custom.js';
import { ICE_DESCRIBE, type IceDescribeOptions, type IceDescription } from '../ice/ice-value.js';
import { rlong } from '../rtypes/factories.js';
import type { RIntI } from '../rtypes/r-int-i.js';
import type { RLongI } from '../rtypes/r-long-i.js';
import { DetailsI } from './details-i.js';
import { installModelMembers } from './lazy-members.js';
import { describeModel, initModelMembers, loadedKey, seqKey } from './model-members.js';
import { modelMeta, type ModelClass, type ModelId, type ModelMeta } from './model-meta.js';

/** Runtime value of `details` on unloaded objects (see {@link IObject.details}). */
const NO_DETAILS = null as unknown as DetailsI;

/** The metadata of `ctor` (must be declared on the class itself, not inherited). */
export function metaOf(ctor: unknown): ModelMeta {
  if (typeof ctor !== 'function' || !Object.hasOwn(ctor, 'meta')) {
    const name = typeof ctor === 'function' ? ctor.name : String(ctor);
    throw new Error(`${name} declares no model metadata`);
  }
  return (ctor as ModelClass).meta;
}

/** Base of all model classes. */
export abstract class IObject {
  /** Metadata of the concrete class; every subclass declares its own. */
  static readonly meta: ModelMeta = modelMeta({ shortName: 'IObject', serverClass: 'ome.model.IObject', abstract: true, members: [] });

  /** Database id (Ice `_id`); null for new objects. */
  id: RLongI | null;
  /**
   * Details (Ice `_details`): a fresh DetailsI on new loaded objects. On unloaded proxies (and after
   * `unloadDetails()`) it is **null at runtime**, as in omero-py, so that `_details = <nil>` prints; the
   * declared type stays `DetailsI` so that `p.details.owner.id.val` reads naturally on loaded objects.
   */
  details: DetailsI;
  /** Whether the object is loaded (Ice `_loaded`). */
  _loaded: boolean;
  /** Optimistic-lock version (Ice `_version`, RInt); not printed for unversioned classes (Event). */
  version: RIntI | null;

  /**
   * `new ProjectI()` new and loaded; `new ProjectI(5)` loaded with id 5; `new ProjectI(5, false)` an
   * unloaded proxy; `new ProjectI('Project:5')` (or `'ProjectI:5'`) an unloaded proxy.
   */
  constructor(id?: ModelId, loaded?: boolean) {
    installModelMembers(new.target);
    const meta = metaOf(new.target);
    if (meta.abstract) throw new Error(`omero.model.${meta.shortName} is an abstract class`);
    let isLoaded: boolean;
    if (typeof id === 'string' && id.includes(':')) {
      const parts = id.split(':');
      if (parts.length !== 2) throw new Error(`Invalid proxy string: ${id}`);
      const [cls = '', value = ''] = parts;
      if (cls !== meta.shortName && cls !== `${meta.shortName}I`) {
        throw new Error(`Proxy class mismatch: ${meta.shortName}I<>${cls}`);
      }
      this.id = rlong(value);
      isLoaded = loaded ?? false;
    } else {
      if (typeof id === 'object' && id !== null && Object.getPrototypeOf(id) === Object.prototype) {
        // `new ProjectI({ name: … })` reads naturally in TypeScript, yet OMERO's first argument is the id.
        throw new Error(`omero.model.${meta.shortName}I(id, loaded) takes an id (a number, an rlong or '${meta.shortName}:5'), not an object of fields: set fields with setters, e.g. obj.setName(rstring('…'))`);
      }
      this.id = rlong(id);
      isLoaded = loaded ?? true;
    }
    this._loaded = isLoaded;
    this.details = isLoaded ? new DetailsI() : NO_DETAILS;
    this.version = null;
    initModelMembers(this, meta, isLoaded);
  }

  /** Ice type id of the concrete class, e.g. `::omero::model::Project`. */
  static ice_staticId(): string {
    return metaOf(this).iceTypeId;
  }

  /** Ice type id, e.g. `::omero::model::Project`. */
  ice_id(): string {
    return metaOf(this.constructor).iceTypeId;
  }

  /** Throws UnloadedEntityException("Object unloaded:<dump>") when this object is unloaded. */
  errorIfUnloaded(): void {
    if (!this._loaded) throw new UnloadedEntityException(`Object unloaded:${iceStringify(this)}`);
  }

  /** The id (allowed on unloaded objects). */
  getId(): RLongI | null {
    return this.id;
  }

  /** Sets the id (allowed on unloaded objects). */
  setId(id: RLongI | null): void {
    this.id = id;
  }

  /** The details; throws when unloaded. */
  getDetails(): DetailsI {
    this.errorIfUnloaded();
    return this.details;
  }

  /** Drops the details. */
  unloadDetails(): void {
    this.details = NO_DETAILS;
  }

  /** The version; throws when unloaded. */
  getVersion(): RIntI | null {
    this.errorIfUnloaded();
    return this.version;
  }

  /** Sets the version; throws when unloaded. */
  setVersion(version: RIntI | null): void {
    this.errorIfUnloaded();
    this.version = version;
  }

  /** Whether the object is loaded. */
  isLoaded(): boolean {
    return this._loaded;
  }

  /** Unloads: every field null, collections unloaded, details dropped; keeps id and version. */
  unload(): void {
    this._loaded = false;
    const record = this as unknown as Record<string, unknown>;
    for (const m of metaOf(this.constructor).members) {
      if (m.member === 'field') record[m.name] = null;
    }
    this.unloadCollections();
    this.unloadDetails();
  }

  /** Unloads every collection (`sizeOfX()` then returns -1). */
  unloadCollections(): void {
    const record = this as unknown as Record<string, unknown>;
    for (const m of metaOf(this.constructor).members) {
      if (m.member === 'collection') {
        record[seqKey(m)] = null;
        record[loadedKey(m)] = false;
      }
    }
  }

  /** An unloaded copy holding only the id; ClientError("Proxies require an id") without one. */
  proxy(): this {
    if (this.id === null) throw new ClientError('Proxies require an id');
    const ctor = this.constructor as new (id: number, loaded: boolean) => this;
    return new ctor(this.id._val, false);
  }

  /** True for system types shared by all groups (Experimenter, ExperimenterGroup, Session, Event…). */
  isGlobal(): boolean {
    return metaOf(this.constructor).global;
  }

  /** False for immutable types (Event, enumerations). */
  isMutable(): boolean {
    return metaOf(this.constructor).versioned;
  }

  /** True when the class has `annotationLinks`. */
  isAnnotated(): boolean {
    return metaOf(this.constructor).members.some((m) => m.name === 'annotationLinks');
  }

  /** True for link classes (parent/child). */
  isLink(): boolean {
    return metaOf(this.constructor).isLink;
  }

  /** Describes the object for the Ice printer. */
  [ICE_DESCRIBE](_options: IceDescribeOptions): IceDescription {
    const meta = metaOf(this.constructor);
    return { typeId: meta.iceTypeId, members: describeModel(this, meta) };
  }

  /** Python `str(obj)`: the Ice dump. */
  toString(): string {
    return iceStringify(this);
  }

  /** Node REPL / console.log display: the Ice dump. */
  [INSPECT_CUSTOM](): string {
    return inspectAsIce(this);
  }
}
