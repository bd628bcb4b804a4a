import { fromWire, toWire } from '../model/index.js';
import type { ServerReply, ServiceName } from '../server/server-request.js';
import type { Transport } from './transport/transport.js';

/** An Ice-style call context: string keys and values, e.g. `{'omero.group': '-1'}`. */
export type Ctx = Readonly<Record<string, string | number>>;

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

  invoke(service: ServiceName, method: string, args: readonly unknown[], ctx?: Ctx | null): unknown {
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
