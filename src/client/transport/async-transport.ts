import type { ServerReply, ServerRequest } from '../../contract/index.js';
import type { Transport } from './transport.js';

/**
 * How the command line reaches the server without blocking: `request` answers a promise, so
 * calls need no second thread and may overlap (issue 10 item 5). The shell and `omero.client`
 * keep the blocking Transport.
 */
export interface AsyncTransport {
  /** Sends a request; `signal` abandons it (the server is told to stop the call). */
  request(request: ServerRequest, signal?: AbortSignal): Promise<ServerReply>;
  /** Closes the connection (or stops the engine) this transport owns. */
  close(): void;
}

/**
 * A blocking transport seen as an AsyncTransport (the in-process engine, and tests that hand the
 * CLI a transport of their own): each call still blocks, then resolves.
 */
export function asAsync(transport: Transport): AsyncTransport {
  const wrapped: AsyncTransport = {
    request: async (request) => transport.request(request),
    close: () => transport.close(),
  };
  blockingTransports.set(wrapped, transport);
  return wrapped;
}

const blockingTransports = new WeakMap<AsyncTransport, Transport>();

/** The blocking transport an `asAsync` transport wraps, or null for a truly async one. */
export function blockingOf(transport: AsyncTransport): Transport | null {
  return blockingTransports.get(transport) ?? null;
}
