import type { ServerReply, ServerRequest } from '../../contract/index.js';
import type { AsyncTransport } from './async-transport.js';
import { SocketConnection } from './socket-connection.js';
import type { ServerLocator } from './socket-target.js';

/**
 * A connection to an omero-shell server kept by the main thread: the same WebSocket protocol as
 * SocketTransport, with no worker and no Atomics.wait, for callers that can `await` (the CLI's
 * commands). Concurrent requests share the one connection, told apart by their ids.
 */
export class AsyncSocketTransport implements AsyncTransport {
  readonly locator: ServerLocator;
  readonly #connection: SocketConnection;
  #nextId = 1;

  constructor(locator: ServerLocator) {
    this.locator = locator;
    this.#connection = new SocketConnection(locator);
  }

  /** Starts connecting now, so that the socket opens while the caller gets ready. */
  warmUp(): this {
    this.#connection.warmUp();
    return this;
  }

  request(request: ServerRequest, signal?: AbortSignal): Promise<ServerReply> {
    signal?.throwIfAborted();
    const id = this.#nextId++;
    const reply = this.#connection.send(id, request);
    if (!signal) return reply;
    return new Promise((resolve, reject) => {
      const abandon = (): void => {
        this.#connection.cancel(id);
        reject(signal.reason);
      };
      signal.addEventListener('abort', abandon, { once: true });
      void reply.then((r) => {
        signal.removeEventListener('abort', abandon);
        resolve(r);
      });
    });
  }

  close(): void {
    this.#connection.close();
  }
}
