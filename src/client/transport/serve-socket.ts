import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import type { ServerRequest } from '../../contract/index.js';
import { SocketConnection } from './socket-connection.js';
import type { ServerLocator } from './socket-target.js';

interface Envelope {
  readonly port: MessagePort;
  readonly id: number;
  readonly request: ServerRequest | { readonly op: 'shutdown' };
}

/**
 * The worker side of a SocketTransport (blocking callers: the shell, `omero.client` in
 * programs): keeps one SocketConnection to the server, sends each request of the blocked caller
 * with its id, and hands each reply back on the request's port, then wakes the caller.
 */
export function serveSocket(): void {
  const { signal, locator } = workerData as { signal: SharedArrayBuffer; locator: ServerLocator };
  const flag = new Int32Array(signal);
  const connection = new SocketConnection(locator);
  const ports = new Map<number, MessagePort>();
  const wake = (): void => {
    Atomics.add(flag, 0, 1);
    Atomics.notify(flag, 0);
  };
  // Connect while the caller is still getting ready; a failure here is reported by the first call.
  connection.warmUp();

  parentPort!.on('message', (message: Envelope | { readonly cancel: number }) => {
    if ('cancel' in message) {
      connection.cancel(message.cancel);
      ports.get(message.cancel)?.close();
      ports.delete(message.cancel);
      return;
    }
    const { port, id, request } = message;
    if (request.op === 'shutdown') {
      connection.close();
      port.postMessage({ ok: true, value: true });
      port.close();
      wake();
      return;
    }
    ports.set(id, port);
    void connection.send(id, request).then((reply) => {
      if (!ports.delete(id)) return;
      port.postMessage(reply);
      port.close();
      wake();
    });
  });
}
