import type { IObject, ParametersI } from '../../model/index.js';
import type { ArgsOf, Blocking, Ctx, MethodName, ResultOf, IContainer } from '../../contract/index.js';
import type { ServiceCaller } from '../remote.js';

/** The IContainer proxy (reference api §1.6): hierarchies, honouring `exp()`, `grp()`, `leaves()`. */
export class ContainerServicePrx implements Blocking<IContainer> {
  readonly #s: ServiceCaller;

  constructor(session: ServiceCaller) {
    this.#s = session;
  }

  #call<M extends MethodName<IContainer>>(method: M, args: ArgsOf<IContainer, M>, ctx?: Ctx | null): ResultOf<IContainer, M> {
    return this.#s.call('IContainer', method, args, ctx);
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
