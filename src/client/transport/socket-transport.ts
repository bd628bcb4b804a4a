import { socketThreadSpec } from './socket-thread.js';
import { ThreadTransport } from './thread-transport.js';
import type { ServerLocator } from './socket-target.js';

/**
 * A connection to an omero-shell server process (`omero admin start`, or the one started for the
 * user directory) over a WebSocket, kept by a worker thread so that calls can block.
 */
export class SocketTransport extends ThreadTransport {
  readonly locator: ServerLocator;

  constructor(locator: ServerLocator) {
    super(socketThreadSpec(locator));
    this.locator = locator;
  }
}
