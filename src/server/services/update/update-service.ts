import type { IUpdate, Served } from '../../../contract/index.js';
import { ApiUsageException, IObject } from '../../../model/index.js';
import type { CallContext } from '../../call/call-context.js';
import { loadExperimenters, loadGroups } from '../admin/admin-loader.js';
import { permissionsFor } from '../object-details.js';
import { deleteObject } from './delete-object.js';
import { GraphSaver } from './graph-saver.js';
import { entityOfObject } from './model-columns.js';
import { returnedObject } from './returned-object.js';
import { saveSystemObject } from './system-object-saver.js';

/**
 * IUpdate (reference api §1.5, permissions §2.6). Each call is one transaction: a graph is saved
 * completely or not at all. New objects go into the call's group (`omero.group`; `-1` is refused),
 * owned by the caller; links are checked end by end; updates need the EDIT right in the object's
 * group context and a current `version`. `saveAndReturn*` answer NEW objects read back from the
 * database, with `details.permissions` computed for the caller.
 */
export class UpdateService implements Served<IUpdate, CallContext> {
  /** Saves a graph; returns nothing. */
  async saveObject(call: CallContext, object: IObject): Promise<void> {
    await this.#saveAll(call, [object]);
  }

  /** Saves a graph and returns a new copy of its root, read back from the database. */
  async saveAndReturnObject(call: CallContext, object: IObject): Promise<IObject> {
    const [result] = await this.#saveAll(call, [object], true);
    return result!;
  }

  /** Saves several graphs in one transaction. */
  async saveArray(call: CallContext, objects: IObject[]): Promise<void> {
    await this.#saveAll(call, listArgument(objects));
  }

  /** Saves several graphs and returns new copies of their roots, in order. */
  async saveAndReturnArray(call: CallContext, objects: IObject[]): Promise<IObject[]> {
    return this.#saveAll(call, listArgument(objects), true);
  }

  /** Saves several graphs and returns the ids of their roots, in order. */
  async saveAndReturnIds(call: CallContext, objects: IObject[]): Promise<number[]> {
    const saved = await this.#saveAll(call, listArgument(objects), true);
    return saved.map((o) => o.id!.val as number);
  }

  /** Deletes one row (deprecated in OMERO: use Delete2). */
  async deleteObject(call: CallContext, object: IObject): Promise<void> {
    await deleteObject(call, object);
  }

  async #saveAll(call: CallContext, objects: readonly unknown[], answer = false): Promise<IObject[]> {
    const saver = new GraphSaver(call);
    const systemIds = new Map<IObject, number>();
    for (const object of objects) {
      if (!(object instanceof IObject)) throw new ApiUsageException('Null parameters not allowed: expected an omero.model object');
      const def = entityOfObject(object);
      if (def.kind === 'data') await saver.save(object);
      else systemIds.set(object, await saveSystemObject(call, object, def));
    }
    if (!answer) return [];
    const results: IObject[] = [];
    for (const object of objects as IObject[]) {
      const systemId = systemIds.get(object);
      results.push(systemId === undefined ? await returnedObject(call, object, saver.saved) : await returnedSystemObject(call, object, systemId));
    }
    return results;
  }
}

async function returnedSystemObject(call: CallContext, object: IObject, id: number): Promise<IObject> {
  const def = entityOfObject(object);
  const scope = await call.scope();
  const [result] =
    def.name === 'Experimenter'
      ? await loadExperimenters(call.trx, (q) => q.where({ id }), scope)
      : def.name === 'ExperimenterGroup'
        ? await loadGroups(call.trx, (q) => q.where({ id }), scope)
        : [];
  if (!result) return object.proxy();
  await call.loadPerms([id]);
  result.details.permissions = permissionsFor(call, def.name, true, { ownerId: null, groupId: def.name === 'ExperimenterGroup' ? id : null });
  return result;
}

function listArgument(objects: unknown): unknown[] {
  if (objects === null || objects === undefined) throw new ApiUsageException('Null parameters not allowed: expected a list of objects');
  return Array.isArray(objects) ? objects : [objects];
}
