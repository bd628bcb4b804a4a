import { unwrapReply } from '../../client/remote.js';
import { SocketTransport } from '../../client/transport/socket-transport.js';
import { targetOf } from '../../client/transport/user-server.js';
import type { ServerState } from '../../env/server-record.js';

/** Whether the recorded server answers a ping: `yes`, or why not. */
export function pingServer(state: ServerState): string {
  const transport = new SocketTransport({ address: targetOf(state) });
  try {
    unwrapReply(transport.request({ op: 'ping' }));
    return 'yes';
  } catch (e) {
    return `no (${(e as Error).message})`;
  } finally {
    transport.close();
  }
}
