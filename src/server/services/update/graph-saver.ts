import {
  ApiUsageException,
  IObject,
  metaOf,
  OptimisticLockException,
  ValidationException,
  type NamedValue,
} from '../../../model/index.js';
import { requireConcreteGroup, type CallContext } from '../../call/call-context.js';
import { entityDef, type ComponentsProperty, type EntityDef } from '../../db/entities.js';
import {
  alterContextRefusal,
  creationRefusal,
  detailsChangeRefusal,
  editRefusal,
  effectiveGroup,
  linkageRefusal,
  type NewObject,
  type StoredTarget,
} from '../../security/index.js';
import type { DataRow } from '../object-loader.js';
import { throwIfRefused } from '../refusal-exception.js';
import {
  componentValues,
  endProperties,
  entityOfObject,
  idOfReference,
  objectLabel,
  sameColumnValue,
  scalarColumns,
} from './model-columns.js';
import { checkVersion, componentRows, sameNamedValues, storedRow, writeComponentRows } from './stored-rows.js';

/** A data object as stored after (or found during) a save. */
export interface SavedRef {
  /** The concrete entity. */
  readonly def: EntityDef;
  readonly id: number;
  readonly ownerId: number;
  readonly groupId: number;
  /** Inserted by this save. */
  readonly isNew: boolean;
}

/**
 * Saves one graph of data objects in the call's transaction (reference permissions §2.6, api §1.5):
 * new objects are inserted into the call's group and owned by the caller (`creationRefusal`), loaded
 * objects with an id are merged (version, group context, EDIT, owner/group changes), unloaded
 * proxies are referenced as they are. Every end a link references passes `linkageRefusal`.
 * Collections that are loaded are walked and their elements saved; nothing is removed.
 * Any refusal throws, and the call's transaction then rolls everything back.
 */
export class GraphSaver {
  readonly #call: CallContext;
  readonly #saved = new Map<IObject, SavedRef>();
  readonly #inProgress = new Set<IObject>();

  constructor(call: CallContext) {
    this.#call = call;
  }

  /** Every object of the graph met so far, with where it is stored. */
  get saved(): ReadonlyMap<IObject, SavedRef> {
    return this.#saved;
  }

  /** Saves `obj` and everything reachable from it; returns where `obj` is stored. */
  async save(obj: unknown): Promise<SavedRef> {
    if (!(obj instanceof IObject)) throw new ApiUsageException('Only omero.model objects can be saved');
    const done = this.#saved.get(obj);
    if (done) return done;
    const def = entityOfObject(obj);
    if (def.kind !== 'data') {
      throw new ApiUsageException(`${def.serverClass} objects cannot be saved as part of a graph`);
    }
    if (!obj._loaded) return this.#proxy(obj, def);
    return obj.id === null ? this.#insert(obj, def) : this.#update(obj, def);
  }

  async #proxy(obj: IObject, def: EntityDef): Promise<SavedRef> {
    const id = idOfReference(obj);
    if (id === null) throw new ApiUsageException(`An unloaded ${def.serverClass} needs an id`);
    const { ref } = await this.#stored(def, id);
    this.#saved.set(obj, ref);
    return ref;
  }

  async #stored(def: EntityDef, id: number): Promise<{ ref: SavedRef; row: DataRow }> {
    const { row, def: concrete } = await storedRow(this.#call, def, id);
    const ref = { def: concrete, id, ownerId: Number(row.owner_id), groupId: Number(row.group_id), isNew: false };
    return { ref, row };
  }

  async #ends(obj: IObject, def: EntityDef): Promise<Map<string, SavedRef>> {
    const rec = obj as unknown as Record<string, unknown>;
    const ends = new Map<string, SavedRef>();
    for (const [name, prop] of endProperties(def)) {
      const value = rec[name];
      if (value === null || value === undefined) {
        throw new ValidationException(`not-null property references a null or transient value: ${def.serverClass}.${name}`);
      }
      const ref = await this.save(value);
      const target = entityDef(prop.target);
      if (ref.def !== target && ref.def.superclass !== target.name) {
        throw new ApiUsageException(`${def.serverClass}.${name} must be a ${target.serverClass}, not a ${ref.def.serverClass}`);
      }
      ends.set(name, ref);
    }
    return ends;
  }

  #checkLinkage(def: EntityDef, linkGroupId: number, ends: ReadonlyMap<string, SavedRef>): void {
    const annotationLink = endProperties(def).some(([, p]) => entityDef(p.target).name === 'Annotation');
    for (const end of ends.values()) {
      if (end.isNew) continue;
      const target = { ownerId: end.ownerId, groupId: end.groupId, kind: 'data' as const, label: objectLabel(end.def, end.id) };
      throwIfRefused(linkageRefusal(this.#call.caller, { linkGroupId, annotationLink, target }, (g) => this.#call.perms(g)));
    }
  }

  async #insert(obj: IObject, def: EntityDef): Promise<SavedRef> {
    const call = this.#call;
    this.#inProgress.add(obj);
    const ends = await this.#ends(obj, def);
    const meanwhile = this.#saved.get(obj);
    if (meanwhile) return meanwhile;
    const contextGroupId = requireConcreteGroup(call);
    const request: NewObject = {
      className: def.serverClass,
      kind: 'data',
      contextGroupId,
      explicitOwnerId: idOfReference(obj.details?.owner),
      explicitGroupId: idOfReference(obj.details?.group),
      explicitPermissions: obj.details?.permissions ? Number(obj.details.permissions._perm1) : null,
      annotationLink: endProperties(def).some(([, p]) => p.target === 'Annotation'),
    };
    await call.loadPerms([contextGroupId, ...(request.explicitGroupId === null ? [] : [request.explicitGroupId]), ...[...ends.values()].map((e) => e.groupId)]);
    const perms = (g: number) => call.perms(g);
    throwIfRefused(creationRefusal(call.caller, request, perms));
    const groupId = effectiveGroup(call.caller, request)!;
    const ownerId = request.explicitOwnerId ?? call.caller.userId;
    this.#checkLinkage(def, groupId, ends);
    const columns = scalarColumns(def, obj);
    for (const [name, end] of ends) columns[(def.properties[name] as { column: string }).column] = end.id;
    if (def.discriminatorColumn !== null && def.discriminator !== null) columns[def.discriminatorColumn] = def.discriminator;
    const event = await call.eventId();
    const [row] = await call.trx(def.table)
      .insert({
        ...columns,
        owner_id: ownerId,
        group_id: groupId,
        permissions: call.perms(groupId),
        creation_id: event,
        update_id: event,
        version: 0,
      })
      .returning('id');
    const id = Number(typeof row === 'object' ? row.id : row);
    await this.#writeComponents(id, componentValues(def, obj));
    const ref: SavedRef = { def, id, ownerId, groupId, isNew: true };
    this.#saved.set(obj, ref);
    this.#inProgress.delete(obj);
    await this.#walkCollections(obj);
    return ref;
  }

  async #update(obj: IObject, def: EntityDef): Promise<SavedRef> {
    const call = this.#call;
    const id = idOfReference(obj)!;
    const { ref, row } = await this.#stored(def, id);
    if (ref.def !== def) throw new ApiUsageException(`${objectLabel(ref.def, id)} is not a ${def.serverClass}`);
    this.#saved.set(obj, ref);
    const label = objectLabel(def, id);
    checkVersion(obj, row, label);
    const changes: Record<string, unknown> = {};
    const scalars = scalarColumns(def, obj);
    for (const [column, value] of Object.entries(scalars)) {
      if (!sameColumnValue(row[column], value)) changes[column] = value;
    }
    const ends = await this.#ends(obj, def);
    const changedEnds = new Map<string, SavedRef>();
    for (const [name, end] of ends) {
      const column = (def.properties[name] as { column: string }).column;
      if (Number(row[column]) !== end.id) {
        changes[column] = end.id;
        changedEnds.set(name, end);
      }
    }
    const changedComponents: Array<[ComponentsProperty, NamedValue[]]> = [];
    for (const [prop, values] of componentValues(def, obj)) {
      if (!sameNamedValues(await componentRows(call, prop, id), values)) changedComponents.push([prop, values]);
    }
    const newOwnerId = idOfReference(obj.details?.owner);
    const newGroupId = idOfReference(obj.details?.group);
    const ownerChanged = newOwnerId !== null && newOwnerId !== ref.ownerId;
    const groupChanged = newGroupId !== null && newGroupId !== ref.groupId;
    if (Object.keys(changes).length > 0 || changedComponents.length > 0 || ownerChanged || groupChanged) {
      await call.loadPerms([ref.groupId, ...(newGroupId === null ? [] : [newGroupId]), ...[...changedEnds.values()].map((e) => e.groupId)]);
      const target: StoredTarget = { ownerId: ref.ownerId, groupId: ref.groupId, kind: 'data', className: def.serverClass, label };
      const perms = (g: number) => call.perms(g);
      throwIfRefused(alterContextRefusal(call.caller, target));
      throwIfRefused(detailsChangeRefusal(call.caller, target, newOwnerId, newGroupId));
      throwIfRefused(editRefusal(call.caller, target, perms));
      if (changedEnds.size > 0) this.#checkLinkage(def, groupChanged ? newGroupId! : ref.groupId, changedEnds);
      if (ownerChanged) changes.owner_id = newOwnerId;
      if (groupChanged) {
        changes.group_id = newGroupId;
        changes.permissions = call.perms(newGroupId!);
      }
      const updated = await call.trx(def.table)
        .where({ id, version: Number(row.version) })
        .update({ ...changes, version: Number(row.version) + 1, update_id: await call.eventId() });
      if (updated !== 1) throw new OptimisticLockException(`${label} was updated by another transaction`);
      await this.#writeComponents(id, changedComponents, true);
    }
    const stored: SavedRef = {
      ...ref,
      ownerId: ownerChanged ? newOwnerId! : ref.ownerId,
      groupId: groupChanged ? newGroupId! : ref.groupId,
    };
    this.#saved.set(obj, stored);
    await this.#walkCollections(obj);
    return stored;
  }

  async #writeComponents(id: number, components: ReadonlyArray<readonly [ComponentsProperty, readonly NamedValue[]]>, replace = false): Promise<void> {
    for (const [prop, values] of components) await writeComponentRows(this.#call, prop, id, values, replace);
  }

  async #walkCollections(obj: IObject): Promise<void> {
    const rec = obj as unknown as Record<string, unknown>;
    for (const member of metaOf(obj.constructor).members) {
      if (member.member !== 'collection' || rec[`_${member.name}Loaded`] !== true) continue;
      const seq = rec[`_${member.name}Seq`];
      if (!Array.isArray(seq)) continue;
      for (const element of [...seq]) {
        if (this.#inProgress.has(element as IObject)) continue;
        await this.save(element);
      }
    }
  }
}
