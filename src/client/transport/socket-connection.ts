import { readFileSync } from 'node:fs';
import type { WebSocket } from 'ws';
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
import { traceMark } from '../../startup/startup-trace.js';
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

/** How long a connection and greeting may take before the server counts as not answering. Default 10 s. */
const CONNECT_TIMEOUT_MS = 10_000;

/**
 * One WebSocket to an omero-shell server, shared by every call of its owner: each request goes
 * out with its id and its promise settles with the reply of that id, so calls may overlap. Used
 * from the main thread by AsyncSocketTransport (the CLI's commands) and from the connection
 * thread of a SocketTransport (blocking callers). A connection that breaks fails the calls in
 * flight with ConnectionLostException; the next request connects again (sessions are rows in the
 * database, so they outlive a server restart). Never rejects: failures are wire exceptions.
 */
export class SocketConnection {
  readonly #locator: ServerLocator;
  readonly #waiting = new Map<number, (reply: ServerReply) => void>();
  #connection: Promise<WebSocket> | null = null;
  #socket: WebSocket | null = null;
  #closed = false;

  constructor(locator: ServerLocator) {
    this.#locator = locator;
  }

  /** Connects now (while the caller gets ready); a failure is reported by the first request. */
  warmUp(): void {
    this.#ensure().catch(() => undefined);
  }

  /** Sends `request` as call `id` and settles with its reply. */
  send(id: number, request: ServerRequest): Promise<ServerReply> {
    return new Promise<ServerReply>((resolve) => {
      if (this.#closed) return resolve(failure(new ConnectionLostException('the connection to the server is closed')));
      this.#waiting.set(id, resolve);
      this.#ensure().then(
        (ws) => ws.send(JSON.stringify({ id, request } satisfies ClientFrame)),
        (e: unknown) => this.#answer(id, failure(e instanceof Error ? e : new ProtocolException(String(e)))),
      );
    });
  }

  /** Tells the server to stop call `id` (its caller gave up); its reply, if one comes, is dropped. */
  cancel(id: number): void {
    if (!this.#waiting.delete(id)) return;
    if (this.#socket && this.#socket.readyState === this.#socket.OPEN) this.#socket.send(JSON.stringify({ cancel: id } satisfies ClientFrame));
  }

  /** Whether calls are awaiting their replies. */
  get busy(): boolean {
    return this.#waiting.size > 0;
  }

  /**
   * Closes the socket; calls still waiting fail. No closing handshake: nothing is left to say,
   * and a command's process ends as soon as its socket is gone, not a round trip later.
   */
  close(): void {
    this.#closed = true;
    const ws = this.#socket;
    this.#socket = null;
    this.#connection = null;
    this.#failAll(new ConnectionLostException('the connection to the server was closed'));
    ws?.terminate();
  }

  #answer(id: number, reply: ServerReply): void {
    const resolve = this.#waiting.get(id);
    if (!resolve) return;
    this.#waiting.delete(id);
    resolve(reply);
  }

  #failAll(e: Error): void {
    for (const id of [...this.#waiting.keys()]) this.#answer(id, failure(e));
  }

  #ensure(): Promise<WebSocket> {
    return (this.#connection ??= this.#connect().catch((e: unknown) => {
      this.#connection = null;
      throw e;
    }));
  }

  async #connect(): Promise<WebSocket> {
    // ws (with Node's http and crypto) loads with the first connection: the shell's own thread,
    // whose calls go through its connection thread, never loads it.
    const { WebSocket } = await import('ws');
    return new Promise((resolve, reject) => {
      const target: SocketTarget = 'address' in this.#locator ? this.#locator.address : userServerTarget(this.#locator.userDirEnv);
      const where = `${target.host}:${target.port}`;
      const refusal = (why: string) => new ProtocolException(`${where} ${why}`, target.host, target.port);
      const ws = new WebSocket(socketUrl(target), {
        maxPayload: MAX_FRAME_BYTES,
        handshakeTimeout: CONNECT_TIMEOUT_MS,
        // Loopback and small JSON frames: compression would cost CPU on both ends for nothing.
        perMessageDeflate: false,
        ca: target.caFile ? readFileSync(target.caFile) : undefined,
      });
      let greeted = false;
      const refuse = (e: Error): void => {
        if (greeted) return;
        reject(e);
        ws.terminate();
      };
      const timer = setTimeout(() => refuse(refusal('did not greet as an omero-shell server in time')), CONNECT_TIMEOUT_MS);
      ws.on('open', () => ws.send(JSON.stringify({ hello: { product: PRODUCT, protocol: PROTOCOL_VERSION, version: productVersion() } } satisfies ClientFrame)));
      ws.on('unexpected-response', (_req, res) => refuse(refusal(`is not an omero-shell server (it answered HTTP ${res.statusCode})`)));
      ws.on('message', (data) => {
        let frame: ServerFrame;
        try {
          frame = JSON.parse(String(data)) as ServerFrame;
        } catch {
          return refuse(refusal('is not an omero-shell server'));
        }
        if (!greeted) {
          clearTimeout(timer);
          if ('refused' in frame) return refuse(refusal(`refused the connection: ${frame.refused}`));
          const hello = 'hello' in frame ? frame.hello : null;
          if (hello?.product !== PRODUCT) return refuse(refusal('is not an omero-shell server'));
          if (target.serverId && hello.serverId !== target.serverId) return refuse(refusal('is another server than the one recorded for this user directory'));
          greeted = true;
          traceMark('connected (greeted)');
          if (this.#closed) {
            ws.close();
            return reject(new ConnectionLostException('the connection to the server was closed'));
          }
          this.#socket = ws;
          return resolve(ws);
        }
        if ('id' in frame) this.#answer(frame.id, frame.reply);
        else if ('refused' in frame) this.#failAll(refusal(`closed the connection: ${frame.refused}`));
      });
      ws.on('error', (e: NodeJS.ErrnoException) => refuse(socketError(e, target)));
      ws.on('close', () => {
        clearTimeout(timer);
        refuse(refusal('is not an omero-shell server (it closed the connection)'));
        if (this.#socket !== ws) return;
        // Calls sent on this connection will never be answered; calls still waiting for a
        // connection were told why by the refusal above.
        this.#socket = null;
        this.#connection = null;
        this.#failAll(new ConnectionLostException(`the connection to ${where} was lost (the server stopped?); try again`, target.host, target.port));
      });
    });
  }
}

function failure(e: Error): ServerReply {
  return { ok: false, error: toWire(e) };
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
