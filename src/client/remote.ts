import type { ArgsOf, Ctx, InvokeRequest, MethodName, ResultOf, ServerReply, ServiceContracts, ServiceName } from '../contract/index.js';
import { fromWire, toWire } from '../model/index.js';
import type { AsyncTransport } from './transport/async-transport.js';
import type { Transport } from './transport/transport.js';

export type { Ctx };

/** Unwraps a reply: the value, or the server's exception re-thrown with its OMERO class. */
export function unwrapReply(reply: ServerReply): unknown {
  if (reply.ok) return fromWire(reply.value);
  throw fromWire(reply.error);
}

/**
 * What the service proxies call through. The proxies are written once, as blocking calls typed
 * by the contract; a session whose `call` answers a promise (AsyncRemoteSession) makes every
 * proxy method answer that promise, and `then` applies a proxy's own step to a result (at once
 * when blocking, on arrival when async), so the same classes serve both (see async-proxies.ts).
 */
export interface ServiceCaller {
  /**
   * Calls `service.method` with arguments and result typed by the service's contract, so a
   * proxy cannot call a method the server does not serve, nor with other arguments.
   */
  call<S extends ServiceName, M extends MethodName<ServiceContracts[S]>>(
    service: S,
    method: M,
    args: ArgsOf<ServiceContracts[S], M>,
    ctx?: Ctx | null,
  ): ResultOf<ServiceContracts[S], M>;
  /** `f(result)`: now for a blocking call, when the result arrives for an async one. */
  then<T, U>(result: T, f: (value: T) => U): U;
  /** When true, closing the client leaves the server session alive (`detachOnDestroy`). */
  detach: boolean;
}

/** The session key and state both kinds of session share, and how a call becomes a request. */
abstract class SessionBase {
  readonly key: string;
  detach = false;
  #closed = false;

  constructor(key: string) {
    this.key = key;
  }

  protected invokeRequest(service: ServiceName, method: string, args: readonly unknown[], ctx?: Ctx | null): InvokeRequest {
    if (this.#closed) {
      throw Object.assign(new Error('This session is closed: create a new session with client.createSession()'), { name: 'ClientError' });
    }
    const context = ctx ? Object.fromEntries(Object.entries(ctx).map(([k, v]) => [k, String(v)])) : undefined;
    return { op: 'invoke', key: this.key, service, method, args: toWire([...args]), ctx: context };
  }

  markClosed(): void {
    this.#closed = true;
  }

  get closed(): boolean {
    return this.#closed;
  }
}

/**
 * What every blocking service proxy holds: the transport, the session key, and how to call a
 * method. Calls block; the result is a plain value (awaiting it still works).
 */
export class RemoteSession extends SessionBase implements ServiceCaller {
  readonly transport: Transport;

  constructor(transport: Transport, key: string) {
    super(key);
    this.transport = transport;
  }

  call<S extends ServiceName, M extends MethodName<ServiceContracts[S]>>(
    service: S,
    method: M,
    args: ArgsOf<ServiceContracts[S], M>,
    ctx?: Ctx | null,
  ): ResultOf<ServiceContracts[S], M> {
    return unwrapReply(this.transport.request(this.invokeRequest(service, method, args, ctx))) as ResultOf<ServiceContracts[S], M>;
  }

  then<T, U>(result: T, f: (value: T) => U): U {
    return f(result);
  }
}

/** The same over an AsyncTransport: every call answers a promise (the CLI's commands). */
export class AsyncRemoteSession extends SessionBase {
  readonly transport: AsyncTransport;

  constructor(transport: AsyncTransport, key: string) {
    super(key);
    this.transport = transport;
  }

  async call<S extends ServiceName, M extends MethodName<ServiceContracts[S]>>(
    service: S,
    method: M,
    args: ArgsOf<ServiceContracts[S], M>,
    ctx?: Ctx | null,
  ): Promise<ResultOf<ServiceContracts[S], M>> {
    return unwrapReply(await this.transport.request(this.invokeRequest(service, method, args, ctx))) as ResultOf<ServiceContracts[S], M>;
  }

  then<T, U>(result: T, f: (value: T) => U): U {
    return Promise.resolve(result).then(f) as U;
  }

  /** This session as the proxies see it: their results are then promises (async-proxies.ts). */
  asCaller(): ServiceCaller {
    return this as unknown as ServiceCaller;
  }
}
