import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createNetServer, isIP, type Server as NetListener, type Socket } from 'node:net';
import { WebSocketServer } from 'ws';
import { MAX_FRAME_BYTES, PRODUCT, PROTOCOL_VERSION } from '../../contract/index.js';
import { encodeFrame, STREAM_PREAMBLE } from '../../contract/stream-frames.js';
import { productVersion } from '../../env/product-version.js';
import type { OmeroServer } from '../omero-server.js';
import { ClientConnection, type ConnectionScope } from './client-connection.js';
import { streamChannel, webSocketChannel } from './frame-channel.js';
import type { ServerLog } from './server-log.js';

/** How long a new connection may stay silent before its first bytes tell its protocol. */
const FIRST_BYTES_TIMEOUT_MS = 10_000;

/** Where and how a server listens. */
export interface ListenOptions {
  /** Address to bind. Default `127.0.0.1`. */
  readonly host?: string;
  /** Port; 0 picks a free one. Default 4064. */
  readonly port?: number;
  /** PEM files of the certificate and key: clients then connect with TLS. */
  readonly tlsCertFile?: string;
  readonly tlsKeyFile?: string;
  /**
   * Serve an address other than loopback without TLS. Off by default: passwords and session keys
   * would cross the network in clear.
   */
  readonly insecure?: boolean;
  /** When `port` is taken, listen on a free port instead of failing. Default false. */
  readonly portFallback?: boolean;
  /** Most connections at once; more are refused (HTTP 503) without harming the others. Default 512. */
  readonly maxConnections?: number;
}

/** Whether `host` names only this machine. */
export function isLoopback(host: string): boolean {
  if (host === 'localhost') return true;
  const h = host.replace(/^\[|\]$/g, '');
  if (isIP(h) === 4) return h.startsWith('127.');
  if (isIP(h) === 6) return h === '::1';
  return false;
}

/** Why a server will not listen on `host` without TLS. */
export function plaintextRefusal(host: string): string {
  return `refusing to serve ${host} without TLS: give a certificate and key (--tls-cert, --tls-key), or --insecure-plaintext to send passwords in clear`;
}

/**
 * The network face of an OmeroServer, on one port: WebSocket (`ws`) over HTTP, or HTTPS with
 * TLS, one JSON frame per message (see contract/socket-frames.ts) — WebSocket gives us framing,
 * size limits and TLS from well-kept code; and, without TLS, the same frames on a plain stream
 * (contract/stream-frames.ts), which a client opens with far less to load. The first bytes of a
 * connection tell the two apart; HTTP and TLS connections are handed to the HTTP server.
 */
export class NetServer {
  readonly serverId = randomUUID();
  readonly #listener: NetListener;
  readonly #http: Server;
  readonly #wss: WebSocketServer;
  readonly #streams = new Set<Socket>();
  readonly #log: ServerLog;
  readonly tls: boolean;
  #onCountChange: (open: number) => void = () => undefined;

  private constructor(listener: NetListener, http: Server, wss: WebSocketServer, log: ServerLog, tls: boolean) {
    this.#listener = listener;
    this.#http = http;
    this.#wss = wss;
    this.#log = log;
    this.tls = tls;
  }

  /** Starts listening; rejects when the address is taken or TLS is required but not configured. */
  static async listen(engine: OmeroServer, log: ServerLog, options: ListenOptions = {}): Promise<NetServer> {
    const host = options.host ?? '127.0.0.1';
    const port = options.port ?? 4064;
    const tls = Boolean(options.tlsCertFile && options.tlsKeyFile);
    if (!tls && !isLoopback(host) && !options.insecure) throw new Error(plaintextRefusal(host));
    const answerHttp = (_req: IncomingMessage, res: ServerResponse) => {
      res.writeHead(426, { 'content-type': 'text/plain', upgrade: 'websocket' });
      res.end(`${PRODUCT} server: connect with the omero client (omero -s HOST -p PORT …)\n`);
    };
    const http = tls
      ? createHttpsServer({ cert: readFileSync(options.tlsCertFile!), key: readFileSync(options.tlsKeyFile!) }, answerHttp)
      : createHttpServer(answerHttp);
    // Bytes that are not HTTP (a port scanner, an Ice client, garbage) end that socket only.
    http.on('clientError', (_e, socket) => socket.destroy());
    const maxConnections = options.maxConnections ?? 512;
    const wss = new WebSocketServer({
      server: http,
      maxPayload: MAX_FRAME_BYTES,
      verifyClient: (_info, done) => (server.connections < maxConnections ? done(true) : done(false, 503, 'too many connections')),
    });
    // ws re-emits the HTTP server's errors; the HTTP server does not listen itself (the listener
    // below hands it its connections), but an unhandled one would crash the process.
    wss.on('error', () => undefined);
    const listener = createNetServer();
    const server = new NetServer(listener, http, wss, log, tls);
    const scope: ConnectionScope = { engine, log, hello: { product: PRODUCT, protocol: PROTOCOL_VERSION, version: productVersion(), serverId: server.serverId } };
    wss.on('connection', (ws, req) => {
      new ClientConnection(webSocketChannel(ws), scope, { address: req.socket.remoteAddress ?? 'unknown', port: req.socket.remotePort });
      server.#countChanged();
      ws.on('close', () => server.#countChanged());
    });
    listener.on('connection', (socket) => server.#sniff(socket, scope, maxConnections));
    const listen = (p: number) =>
      new Promise<void>((resolve, reject) => {
        listener.once('error', reject);
        listener.listen(p, host, () => {
          listener.off('error', reject);
          resolve();
        });
      });
    try {
      await listen(port);
    } catch (e) {
      if (!options.portFallback || (e as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw e;
      await listen(0);
    }
    return server;
  }

  /**
   * Reads a new connection's first bytes: the stream preamble makes it a stream client (on a
   * server without TLS); anything else goes back into the socket, which is handed to the HTTP
   * server as if it had accepted it (WebSocket, TLS, or HTTP answered with 426).
   */
  #sniff(socket: Socket, scope: ConnectionScope, maxConnections: number): void {
    socket.on('error', () => socket.destroy());
    const silent = setTimeout(() => socket.destroy(), FIRST_BYTES_TIMEOUT_MS);
    let head: Buffer = Buffer.alloc(0);
    const onData = (chunk: Buffer) => {
      head = head.length === 0 ? chunk : Buffer.concat([head, chunk]);
      if (head[0] !== STREAM_PREAMBLE[0]) {
        clearTimeout(silent);
        socket.off('data', onData);
        socket.pause();
        socket.unshift(head);
        this.#http.emit('connection', socket);
        process.nextTick(() => socket.resume());
        return;
      }
      if (head.length < STREAM_PREAMBLE.length) return;
      clearTimeout(silent);
      socket.off('data', onData);
      if (this.tls || !head.subarray(0, STREAM_PREAMBLE.length).equals(STREAM_PREAMBLE)) {
        // A TLS server speaks TLS only: passwords never cross in clear.
        socket.destroy();
        return;
      }
      if (this.connections >= maxConnections) {
        socket.end(encodeFrame(JSON.stringify({ refused: 'too many connections' })));
        return;
      }
      this.#streams.add(socket);
      socket.on('close', () => {
        this.#streams.delete(socket);
        this.#countChanged();
      });
      new ClientConnection(streamChannel(socket, head.subarray(STREAM_PREAMBLE.length)), scope, { address: socket.remoteAddress ?? 'unknown', port: socket.remotePort });
      this.#countChanged();
    };
    socket.on('data', onData);
  }

  #countChanged(): void {
    this.#onCountChange(this.connections);
  }

  /** The address actually bound (the real port when 0 was asked). */
  get address(): { readonly host: string; readonly port: number } {
    const a = this.#listener.address();
    if (a === null || typeof a === 'string') throw new Error('the server is not listening');
    return { host: a.address, port: a.port };
  }

  /** Open client connections. */
  get connections(): number {
    return this.#wss.clients.size + this.#streams.size;
  }

  /** Called with the number of open connections whenever it changes (the idle stop). */
  onConnectionCount(listener: (open: number) => void): void {
    this.#onCountChange = listener;
  }

  /** Stops accepting, closes every connection (clients see the connection lost) and the listener. */
  async close(): Promise<void> {
    for (const ws of this.#wss.clients) ws.terminate();
    for (const socket of this.#streams) socket.destroy();
    await new Promise<void>((resolve) => this.#wss.close(() => resolve()));
    await new Promise<void>((resolve) => this.#listener.close(() => resolve()));
    this.#log.info('stopped listening');
  }
}
