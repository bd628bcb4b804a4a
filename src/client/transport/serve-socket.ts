import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { replyToCaller, type ThreadCancel, type ThreadEnvelope } from '../../contract/index.js';
import { SocketConnection } from './socket-connection.js';
import type { ServerLocator } from './socket-target.js';

/**
 * The worker side of a SocketTransport (blocking callers: the shell, `omero.client` in
 * programs): keeps one SocketConnection to the server, sends each request of the blocked caller
 * with its id, and hands each reply back on the thread's reply port, then wakes the caller.
 */
export function serveSocket(): void {
  const { signal, locator, replies } = workerData as { signal: SharedArrayBuffer; locator: ServerLocator; replies: MessagePort };
  const flag = new Int32Array(signal);
  const connection = new SocketConnection(locator);
  // Calls not yet answered: a cancelled one's late reply is dropped here.
  const pending = new Set<number>();
  // Connect while the caller is still getting ready; a failure here is reported by the first call.
  connection.warmUp();

  parentPort!.on('message', (message: ThreadEnvelope | ThreadCancel) => {
    if ('cancel' in message) {
      connection.cancel(message.cancel);
      pending.delete(message.cancel);
      return;
    }
    const { id, request } = message;
    if (request.op === 'shutdown') {
      connection.close();
      replyToCaller(replies, flag, { id, reply: { ok: true, value: true } });
      return;
    }
    pending.add(id);
    // The reply frame goes to the caller as text: it parses it, and a large reply crosses the
    // threads as one string, not as the structured clone of its object tree.
    void connection.sendForText(id, request).then((answer) => {
      if (pending.delete(id)) replyToCaller(replies, flag, { id, ...answer });
    });
  });
}
