import type { ArgsOf, Ctx, MethodName, ResultOf, ServerReply, ServiceContracts, ServiceName } from '../contract/index.js';
import { fromWire, toWire } from '../model/index.js';
import type { Transport } from './transport/transport.js';

export type { Ctx };

/** Unwraps a reply: the value, or the server's exception re-thrown with its OMERO class. */
export function unwrapReply(reply: ServerReply): unknown {
  if (reply.ok) return fromWire(reply.value);
  throw fromWire(reply.error);
}

/**
 * What every service proxy holds: the transport, the session key, and how to call a method.
 * Calls block; the result is a plain value (awaiting it still works).
 */
export class RemoteSession {
  readonly transport: Transport;
  readonly key: string;
  /** When true, closing the client leaves the server session alive (`detachOnDestroy`). */
  detach = false;
  #closed = false;

  constructor(transport: Transport, key: string) {
    this.transport = transport;
    this.key = key;
  }

  /**
   * Calls `service.method` with arguments and result typed by the service's contract, so a
   * proxy cannot call a method the server does not serve, nor with other arguments.
   */
  call<S extends ServiceName, M extends MethodName<ServiceContracts[S]>>(
    service: S,
    method: M,
    args: ArgsOf<ServiceContracts[S], M>,
    ctx?: Ctx | null,
  ): ResultOf<ServiceContracts[S], M> {
    return this.#invoke(service, method, args, ctx) as ResultOf<ServiceContracts[S], M>;
  }

  #invoke(service: ServiceName, method: string, args: readonly unknown[], ctx?: Ctx | null): unknown {
    if (this.#closed) {
      throw Object.assign(new Error('This session is closed: create a new session with client.createSession()'), { name: 'ClientError' });
    }
    const context = ctx ? Object.fromEntries(Object.entries(ctx).map(([k, v]) => [k, String(v)])) : undefined;
    return unwrapReply(this.transport.request({ op: 'invoke', key: this.key, service, method, args: toWire([...args]), ctx: context }));
  }

  markClosed(): void {
    this.#closed = true;
  }

  get closed(): boolean {
    return this.#closed;
  }
}
