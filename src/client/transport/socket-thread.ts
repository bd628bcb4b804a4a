import type { ServerLocator } from './socket-target.js';
import type { ThreadSpec } from './thread-spawn.js';

/** The connection thread of a SocketTransport (blocking callers) for the server `locator` finds. */
export function socketThreadSpec(locator: ServerLocator): ThreadSpec {
  return { module: 'client/transport/socket-worker', bundle: 'socket-worker', start: 'serveSocket', data: { locator } };
}
