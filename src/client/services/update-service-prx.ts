import type { IObject } from '../../model/index.js';
import type { ArgsOf, Blocking, Ctx, MethodName, ResultOf, IUpdate } from '../../contract/index.js';
import type { ServiceCaller } from '../remote.js';

/**
 * The IUpdate proxy (reference api §1.5). New objects go into the call's group
 * (`{'omero.group': '<id>'}`) or the session's; `'-1'` is refused for new objects.
 */
export class UpdateServicePrx implements Blocking<IUpdate> {
  readonly #s: ServiceCaller;

  constructor(session: ServiceCaller) {
    this.#s = session;
  }

  #call<M extends MethodName<IUpdate>>(method: M, args: ArgsOf<IUpdate, M>, ctx?: Ctx | null): ResultOf<IUpdate, M> {
    return this.#s.call('IUpdate', method, args, ctx);
  }

  /** Saves and returns a NEW copy of the object (discard the argument). */
  saveAndReturnObject<T extends IObject>(object: T, ctx?: Ctx | null): T { return this.#call('saveAndReturnObject', [object], ctx) as T; }
  saveObject(object: IObject, ctx?: Ctx | null): void { return this.#call('saveObject', [object], ctx); }
  saveArray(objects: IObject[], ctx?: Ctx | null): void { return this.#call('saveArray', [objects], ctx); }
  saveAndReturnArray<T extends IObject>(objects: T[], ctx?: Ctx | null): T[] { return this.#call('saveAndReturnArray', [objects], ctx) as T[]; }
  saveAndReturnIds(objects: IObject[], ctx?: Ctx | null): number[] { return this.#call('saveAndReturnIds', [objects], ctx); }
  /** Deletes one row (deprecated in OMERO: prefer `session.submit(new Delete2(...))`). */
  deleteObject(object: IObject, ctx?: Ctx | null): void { return this.#call('deleteObject', [object], ctx); }
}
