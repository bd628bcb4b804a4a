import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { MAX_FRAME_BYTES } from '../../contract/index.js';
import { encodeFrame, FrameDecoder, FrameError, STREAM_PREAMBLE } from '../../contract/stream-frames.js';
import { socketUrl, type SocketTarget } from './socket-target.js';

/** What a channel reports while it connects and runs. */
export interface ChannelEvents {
  /** Connected (the greeting has gone, or is on its way). */
  open(): void;
  frame(json: string): void;
  /** The far end is not an omero-shell server speaking this protocol (`why`: what it did instead). */
  notOurs(why: string): void;
  error(e: NodeJS.ErrnoException): void;
  close(): void;
}

/** A client's connection to a server, as SocketConnection uses it, whichever protocol carries it. */
export interface ClientChannel {
  /** Sends one frame (JSON text), if open. */
  send(json: string): void;
  /** Closes at once, without a closing handshake. */
  terminate(): void;
}

/**
 * The plain stream protocol (contract/stream-frames.ts), for servers without TLS: `node:net`
 * only, so a command's first call starts sooner than through a WebSocket (issue 10). The preamble
 * and the `greeting` frame are written at once: the socket holds them until it is connected, and
 * Node connects as soon as the synchronous start-up has returned, so the server's greeting can
 * arrive while this thread builds the command line.
 */
export function openStreamChannel(target: SocketTarget, events: ChannelEvents, greeting: string): ClientChannel {
  const socket = connect({ host: target.host.replace(/^\[|\]$/g, ''), port: target.port, noDelay: true });
  const decoder = new FrameDecoder();
  socket.write(Buffer.concat([STREAM_PREAMBLE, encodeFrame(greeting)]));
  socket.on('connect', () => events.open());
  socket.on('data', (chunk: Buffer) => {
    let frames: string[];
    try {
      frames = decoder.push(chunk);
    } catch (e) {
      if (!(e instanceof FrameError)) throw e;
      socket.destroy();
      return events.notOurs('is not an omero-shell server');
    }
    for (const json of frames) events.frame(json);
  });
  socket.on('error', (e: NodeJS.ErrnoException) => events.error(e));
  socket.on('close', () => events.close());
  return {
    send: (json) => {
      if (!socket.destroyed && socket.writable) socket.write(encodeFrame(json));
    },
    terminate: () => void socket.destroy(),
  };
}

/**
 * A WebSocket (`ws`, loaded now: with Node's HTTP client and crypto it takes a while), for TLS
 * servers and servers older than the stream protocol; `greeting` is the first frame, sent once open.
 */
export async function openWebSocketChannel(target: SocketTarget, events: ChannelEvents, greeting: string, handshakeTimeoutMs: number): Promise<ClientChannel> {
  const { WebSocket } = await import('ws');
  const ws = new WebSocket(socketUrl(target), {
    maxPayload: MAX_FRAME_BYTES,
    handshakeTimeout: handshakeTimeoutMs,
    // Small JSON frames: compression would cost CPU on both ends for nothing.
    perMessageDeflate: false,
    ca: target.caFile ? readFileSync(target.caFile) : undefined,
  });
  ws.on('open', () => {
    ws.send(greeting);
    events.open();
  });
  ws.on('unexpected-response', (_req, res) => {
    events.notOurs(`is not an omero-shell server (it answered HTTP ${res.statusCode})`);
  });
  ws.on('message', (data) => events.frame(String(data)));
  ws.on('error', (e: NodeJS.ErrnoException) => events.error(e));
  ws.on('close', () => events.close());
  return {
    send: (json) => {
      if (ws.readyState === ws.OPEN) ws.send(json);
    },
    terminate: () => ws.terminate(),
  };
}
