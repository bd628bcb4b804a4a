import type { IObject, ParametersI } from '../../model/index.js';
import type { Ctx, RemoteSession } from '../remote.js';

/** The IContainer proxy (reference api §1.6): hierarchies, honouring `exp()`, `grp()`, `leaves()`. */
export class ContainerServicePrx {
  readonly #s: RemoteSession;

  constructor(session: RemoteSession) {
    this.#s = session;
  }

  #call<T>(method: string, args: unknown[], ctx?: Ctx | null): T {
    return this.#s.invoke('IContainer', method, args, ctx) as T;
  }

  loadContainerHierarchy(rootType: string, ids: number[] | null, options?: ParametersI | null, ctx?: Ctx | null): IObject[] {
    return this.#call('loadContainerHierarchy', [rootType, ids, options ?? null], ctx);
  }
  getImages(rootType: string, ids: number[], options?: ParametersI | null, ctx?: Ctx | null): IObject[] {
    return this.#call('getImages', [rootType, ids, options ?? null], ctx);
  }
  findContainerHierarchies(rootType: string, imageIds: number[], options?: ParametersI | null, ctx?: Ctx | null): IObject[] {
    return this.#call('findContainerHierarchies', [rootType, imageIds, options ?? null], ctx);
  }
}
