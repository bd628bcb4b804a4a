import { readFileSync } from 'node:fs';
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { WebSocket } from 'ws';
import {
  MAX_FRAME_BYTES,
  PRODUCT,
  PROTOCOL_VERSION,
  type ClientFrame,
  type ServerFrame,
  type ServerReply,
  type ServerRequest,
} from '../../contract/index.js';
import { productVersion } from '../../env/product-version.js';
import {
  ConnectionLostException,
  ConnectionRefusedException,
  DNSException,
  type IceLocalException,
  ProtocolException,
  toWire,
} from '../../model/index.js';
import { socketUrl, type ServerLocator, type SocketTarget } from './socket-target.js';
import { userServerTarget } from './user-server.js';

interface Envelope {
  readonly port: MessagePort;
  readonly id: number;
  readonly request: ServerRequest | { readonly op: 'shutdown' };
}

/** How long a connection and greeting may take before the server counts as not answering. Default 10 s. */
const CONNECT_TIMEOUT_MS = 10_000;

/**
 * The worker side of a SocketTransport: keeps one WebSocket to the server, sends each request of
 * the blocked caller with its id, and hands each reply back on the request's port. A connection
 * that breaks fails the calls in flight with ConnectionLostException; the next request connects
 * again (sessions are rows in the database, so they outlive a server restart).
 */
export function serveSocket(): void {
  const { signal, locator } = workerData as { signal: SharedArrayBuffer; locator: ServerLocator };
  const flag = new Int32Array(signal);
  const waiting = new Map<number, MessagePort>();
  let connection: Promise<WebSocket> | null = null;
  let socket: WebSocket | null = null;

  const answer = (id: number, reply: ServerReply): void => {
    const port = waiting.get(id);
    if (!port) return;
    waiting.delete(id);
    port.postMessage(reply);
    port.close();
    Atomics.add(flag, 0, 1);
    Atomics.notify(flag, 0);
  };
  const fail = (id: number, e: Error): void => answer(id, { ok: false, error: toWire(e) });
  const failAll = (e: Error): void => {
    for (const id of [...waiting.keys()]) fail(id, e);
  };
  const connect = (): Promise<WebSocket> =>
    new Promise((resolve, reject) => {
      const target: SocketTarget = 'address' in locator ? locator.address : userServerTarget(locator.userDirEnv);
      const where = `${target.host}:${target.port}`;
      const ws = new WebSocket(socketUrl(target), {
        maxPayload: MAX_FRAME_BYTES,
        handshakeTimeout: CONNECT_TIMEOUT_MS,
        ca: target.caFile ? readFileSync(target.caFile) : undefined,
      });
      let greeted = false;
      const refuse = (e: Error): void => {
        if (greeted) return;
        reject(e);
        ws.terminate();
      };
      const timer = setTimeout(() => refuse(new ProtocolException(`${where} did not greet as an omero-shell server in time`, target.host, target.port)), CONNECT_TIMEOUT_MS);
      ws.on('open', () => ws.send(JSON.stringify({ hello: { product: PRODUCT, protocol: PROTOCOL_VERSION, version: productVersion() } } satisfies ClientFrame)));
      ws.on('unexpected-response', (_req, res) => {
        refuse(new ProtocolException(`${where} is not an omero-shell server (it answered HTTP ${res.statusCode})`, target.host, target.port));
      });
      ws.on('message', (data) => {
        let frame: ServerFrame;
        try {
          frame = JSON.parse(String(data)) as ServerFrame;
        } catch {
          return refuse(new ProtocolException(`${where} is not an omero-shell server`, target.host, target.port));
        }
        if (!greeted) {
          clearTimeout(timer);
          if ('refused' in frame) return refuse(new ProtocolException(`${where} refused the connection: ${frame.refused}`, target.host, target.port));
          const hello = 'hello' in frame ? frame.hello : null;
          if (hello?.product !== PRODUCT) return refuse(new ProtocolException(`${where} is not an omero-shell server`, target.host, target.port));
          if (target.serverId && hello.serverId !== target.serverId) {
            return refuse(new ProtocolException(`${where} is another server than the one recorded for this user directory`, target.host, target.port));
          }
          greeted = true;
          socket = ws;
          return resolve(ws);
        }
        if ('id' in frame) answer(frame.id, frame.reply);
        else if ('refused' in frame) failAll(new ProtocolException(`${where} closed the connection: ${frame.refused}`, target.host, target.port));
      });
      ws.on('error', (e: NodeJS.ErrnoException) => refuse(socketError(e, target)));
      ws.on('close', () => {
        clearTimeout(timer);
        refuse(new ProtocolException(`${where} is not an omero-shell server (it closed the connection)`, target.host, target.port));
        if (socket !== ws) return;
        // Calls sent on this connection will never be answered; calls still waiting for a
        // connection were told why by the refusal above.
        socket = null;
        connection = null;
        failAll(new ConnectionLostException(`the connection to ${where} was lost (the server stopped?); try again`, target.host, target.port));
      });
    });

  const ensureConnection = (): Promise<WebSocket> =>
    (connection ??= connect().catch((e: unknown) => {
      connection = null;
      throw e;
    }));
  // Connect while the caller is still getting ready; a failure here is reported by the first call.
  ensureConnection().catch(() => undefined);

  parentPort!.on('message', (message: Envelope | { readonly cancel: number }) => {
    if ('cancel' in message) {
      if (socket?.readyState === WebSocket.OPEN) socket.send(JSON.stringify({ cancel: message.cancel } satisfies ClientFrame));
      waiting.get(message.cancel)?.close();
      waiting.delete(message.cancel);
      return;
    }
    const { port, id, request } = message;
    waiting.set(id, port);
    if (request.op === 'shutdown') {
      socket?.close();
      answer(id, { ok: true, value: true });
      return;
    }
    ensureConnection().then(
      (ws) => ws.send(JSON.stringify({ id, request } satisfies ClientFrame)),
      (e: unknown) => fail(id, e instanceof Error ? e : new ProtocolException(String(e))),
    );
  });
}

/** A socket error before the greeting, in Ice's terms (OMERO's CLI maps them to rc 554 and 555). */
function socketError(e: NodeJS.ErrnoException, target: SocketTarget): IceLocalException {
  switch (e.code) {
    case 'ECONNREFUSED':
      return new ConnectionRefusedException(target.host, target.port);
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_NONAME':
      return new DNSException(target.host, target.port);
    default:
      return new ProtocolException(`${target.host}:${target.port}: ${e.message} (is it an omero-shell server${target.tls ? ' with TLS' : ''}?)`, target.host, target.port);
  }
}
