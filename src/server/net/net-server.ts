import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { isIP } from 'node:net';
import { WebSocketServer } from 'ws';
import { MAX_FRAME_BYTES, PRODUCT, PROTOCOL_VERSION } from '../../contract/index.js';
import { productVersion } from '../../env/product-version.js';
import type { OmeroServer } from '../omero-server.js';
import { ClientConnection } from './client-connection.js';
import type { ServerLog } from './server-log.js';

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
 * The network face of an OmeroServer: WebSocket (`ws`) over HTTP, or HTTPS with TLS, one JSON
 * frame per message (see contract/socket-frames.ts). WebSocket gives us framing, size limits and
 * keep-alive pings from a well-kept library instead of a protocol stack of our own.
 */
export class NetServer {
  readonly serverId = randomUUID();
  readonly #http: Server;
  readonly #wss: WebSocketServer;
  readonly #log: ServerLog;
  readonly tls: boolean;
  #onCountChange: (open: number) => void = () => undefined;

  private constructor(http: Server, wss: WebSocketServer, log: ServerLog, tls: boolean) {
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
      verifyClient: (_info, done) => (wss.clients.size < maxConnections ? done(true) : done(false, 503, 'too many connections')),
    });
    // ws re-emits the HTTP server's errors (EADDRINUSE while listening): those reach the caller
    // through `listen` below; without a listener here they would crash the process instead.
    wss.on('error', () => undefined);
    const server = new NetServer(http, wss, log, tls);
    const hello = { product: PRODUCT, protocol: PROTOCOL_VERSION, version: productVersion(), serverId: server.serverId } as const;
    wss.on('connection', (ws, req) => {
      new ClientConnection(ws, { engine, log, hello }, { address: req.socket.remoteAddress ?? 'unknown', port: req.socket.remotePort });
      server.#onCountChange(wss.clients.size);
      ws.on('close', () => server.#onCountChange(wss.clients.size));
    });
    const listen = (p: number) =>
      new Promise<void>((resolve, reject) => {
        http.once('error', reject);
        http.listen(p, host, () => {
          http.off('error', reject);
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

  /** The address actually bound (the real port when 0 was asked). */
  get address(): { readonly host: string; readonly port: number } {
    const a = this.#http.address();
    if (a === null || typeof a === 'string') throw new Error('the server is not listening');
    return { host: a.address, port: a.port };
  }

  /** Open client connections. */
  get connections(): number {
    return this.#wss.clients.size;
  }

  /** Called with the number of open connections whenever it changes (the idle stop). */
  onConnectionCount(listener: (open: number) => void): void {
    this.#onCountChange = listener;
  }

  /** Stops accepting, closes every connection (clients see the connection lost) and the listener. */
  async close(): Promise<void> {
    for (const ws of this.#wss.clients) ws.terminate();
    await new Promise<void>((resolve) => this.#wss.close(() => resolve()));
    await new Promise<void>((resolve) => this.#http.close(() => resolve()));
    this.#log.info('stopped listening');
  }
}
