import type { Async, Ctx, IAdmin, IContainer, ILdap, IQuery, IServiceFactory, ISession, IUpdate } from '../contract/index.js';
import type { RString } from '../model/index.js';
import type { HandlePrx } from './handle-prx.js';
import type { AsyncRemoteSession } from './remote.js';
import { ServiceFactoryPrx } from './service-factory-prx.js';

/**
 * The async proxies of the command line, typed from the contracts (`Async<C>`). At run time they
 * are the blocking proxy classes over an AsyncRemoteSession: each of their methods only passes
 * its arguments to the session (or applies its own step with `then`), so with a session whose
 * calls answer promises every method answers a promise (test/client/async-proxies.test.ts calls
 * every method of the contract to keep it so).
 */
export type AsyncAdminService = Async<IAdmin>;
export type AsyncQueryService = Async<IQuery>;
export type AsyncUpdateService = Async<IUpdate>;
export type AsyncContainerService = Async<IContainer>;
export type AsyncLdapService = Async<ILdap>;
/** `updateTimeToIdle` rejects with CmdError when the server answers an ERR, as the blocking proxy throws. */
export type AsyncSessionService = Omit<Async<ISession>, 'updateTimeToIdle'> & {
  updateTimeToIdle(uuid: string | RString | null, timeToIdleMs: number, ctx?: Ctx | null): Promise<void>;
};

/** The ServiceFactory of an async session: its services, its own calls, and `submit`'s handle. */
export interface AsyncServiceFactory extends Omit<Async<IServiceFactory>, 'submit'> {
  getAdminService(): AsyncAdminService;
  getQueryService(): AsyncQueryService;
  getUpdateService(): AsyncUpdateService;
  getContainerService(): AsyncContainerService;
  getSessionService(): AsyncSessionService;
  getLdapService(): AsyncLdapService;
  /** Runs a command to completion; its handle holds the response. */
  submit(request: object, ctx?: Ctx | null): Promise<HandlePrx>;
  /** Closing the client will not close the server session (as the CLI's stored sessions). */
  detachOnDestroy(): void;
  closeOnDestroy(): void;
}

/** The service factory of an async session. */
export function asyncServiceFactory(session: AsyncRemoteSession): AsyncServiceFactory {
  return new ServiceFactoryPrx(session.asCaller()) as unknown as AsyncServiceFactory;
}
