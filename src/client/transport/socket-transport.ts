import { socketThreadSpec } from './socket-thread.js';
import { ThreadTransport, type ThreadTransportOptions } from './thread-transport.js';
import type { ServerLocator } from './socket-target.js';

/**
 * A connection to an omero-shell server process (`omero admin start`, or the one started for the
 * user directory), kept by a worker thread so that calls can block.
 */
export class SocketTransport extends ThreadTransport {
  readonly locator: ServerLocator;

  /** `startWhenNeeded`: the thread starts with the first call (ThreadTransportOptions). */
  constructor(locator: ServerLocator, options: Pick<ThreadTransportOptions, 'startWhenNeeded'> = {}) {
    // The thread only holds a socket: one that never carried a call is simply stopped.
    super(socketThreadSpec(locator), { ...options, stopAtOnceIfUnused: true });
    this.locator = locator;
  }
}
