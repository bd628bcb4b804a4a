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
    // Nothing of the thread needs an orderly end before its first call: its socket closes with it,
    // and a start lock it held while starting the user directory's server is seen as orphaned by
    // the next start (user-server.ts). One that never carried a call is simply stopped.
    super(socketThreadSpec(locator), { ...options, stopAtOnceIfUnused: true });
    this.locator = locator;
  }
}
