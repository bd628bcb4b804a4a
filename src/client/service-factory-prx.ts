import type { Blocking, Ctx, Id, IServiceFactory } from '../contract/index.js';
import type { ExperimenterGroupI, IObject } from '../model/index.js';
import { HandlePrx } from './handle-prx.js';
import type { ServiceCaller } from './remote.js';
import { AdminServicePrx } from './services/admin-service-prx.js';
import { ContainerServicePrx } from './services/container-service-prx.js';
import { LdapServicePrx } from './services/ldap-service-prx.js';
import { QueryServicePrx } from './services/query-service-prx.js';
import { SessionServicePrx } from './services/session-service-prx.js';
import { UpdateServicePrx } from './services/update-service-prx.js';

/**
 * `omero.api.ServiceFactoryPrx`, what `client.getSession()` returns (reference api §1.2): the
 * services, `submit` for graph commands, and the session's group.
 */
export class ServiceFactoryPrx implements Omit<Blocking<IServiceFactory>, 'submit'> {
  readonly #s: ServiceCaller;

  constructor(session: ServiceCaller) {
    this.#s = session;
  }

  getAdminService(): AdminServicePrx { return new AdminServicePrx(this.#s); }
  getQueryService(): QueryServicePrx { return new QueryServicePrx(this.#s); }
  getUpdateService(): UpdateServicePrx { return new UpdateServicePrx(this.#s); }
  getContainerService(): ContainerServicePrx { return new ContainerServicePrx(this.#s); }
  getSessionService(): SessionServicePrx { return new SessionServicePrx(this.#s); }
  getLdapService(): LdapServicePrx { return new LdapServicePrx(this.#s); }

  /**
   * Runs a command (Delete2, DoAll, Chgrp2, Chown2, Chmod2, legacy Delete) and returns its handle.
   * Graph commands use `omero.group=-1` unless the context says otherwise.
   */
  submit(request: object, ctx?: Ctx | null): HandlePrx {
    return this.#s.then(this.#s.call('ServiceFactory', 'submit', [request], ctx), (result) => new HandlePrx(request, result));
  }

  /** Switches the session's group (discouraged: pass `{'omero.group': id}` per call instead). */
  setSecurityContext(group: ExperimenterGroupI | IObject | Id, ctx?: Ctx | null): ExperimenterGroupI {
    return this.#s.call('ServiceFactory', 'setSecurityContext', [group], ctx);
  }
  getSecurityContexts(ctx?: Ctx | null): ExperimenterGroupI[] {
    return this.#s.call('ServiceFactory', 'getSecurityContexts', [], ctx);
  }
  /** Re-checks the user's password for this session. */
  setSecurityPassword(password: string, ctx?: Ctx | null): void {
    return this.#s.call('ServiceFactory', 'setSecurityPassword', [password], ctx);
  }
  keepAlive(_proxy?: unknown, ctx?: Ctx | null): boolean {
    return this.#s.call('ServiceFactory', 'keepAlive', [null], ctx);
  }
  /** Closing the client will not close the server session (as the CLI's stored sessions). */
  detachOnDestroy(): void { this.#s.detach = true; }
  closeOnDestroy(): void { this.#s.detach = false; }
}
