import {
  PRODUCT,
  PROTOCOL_VERSION,
  replyFrameId,
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
import { openStreamChannel, openWebSocketChannel, type ChannelEvents, type ClientChannel } from './client-channel.js';
import type { ServerLocator, SocketTarget } from './socket-target.js';
import { userServerTarget } from './user-server.js';

/**
 * How a call is answered: its reply, or, for a caller that asked for it (`sendForText`), the text
 * of the server's reply frame, unparsed (`replyFrame`).
 */
export type SocketAnswer = { readonly reply: ServerReply } | { readonly frame: string };

interface Waiter {
  readonly asText: boolean;
  readonly settle: (answer: SocketAnswer) => void;
}

/** How long a connection and greeting may take before the server counts as not answering. Default 10 s. */
const CONNECT_TIMEOUT_MS = 10_000;

/**
 * One connection to an omero-shell server (the plain stream protocol, or a WebSocket with TLS or
 * to a server without the stream protocol), shared by every call of its owner: each request goes
 * out with its id and its promise settles with the reply of that id, so calls may overlap. Used
 * from the main thread by AsyncSocketTransport (the CLI's commands) and from the connection
 * thread of a SocketTransport (blocking callers). A connection that breaks fails the calls in
 * flight with ConnectionLostException; the next request connects again (sessions are rows in the
 * database, so they outlive a server restart). Never rejects: failures are wire exceptions.
 */
export class SocketConnection {
  readonly #locator: ServerLocator;
  readonly #waiting = new Map<number, Waiter>();
  #connection: Promise<ClientChannel> | null = null;
  #channel: ClientChannel | null = null;
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
    // Without asText, every answer is a parsed reply.
    return new Promise((resolve) => this.#send(id, request, { asText: false, settle: (answer) => resolve((answer as { reply: ServerReply }).reply) }));
  }

  /**
   * Sends `request` as call `id` and settles with the text of its reply frame, unparsed, for a
   * caller in another thread to parse (failures made here come as replies).
   */
  sendForText(id: number, request: ServerRequest): Promise<SocketAnswer> {
    return new Promise((settle) => this.#send(id, request, { asText: true, settle }));
  }

  #send(id: number, request: ServerRequest, waiter: Waiter): void {
    if (this.#closed) return waiter.settle(failure(new ConnectionLostException('the connection to the server is closed')));
    this.#waiting.set(id, waiter);
    this.#ensure().then(
      (channel) => channel.send(JSON.stringify({ id, request } satisfies ClientFrame)),
      (e: unknown) => this.#answer(id, failure(e instanceof Error ? e : new ProtocolException(String(e)))),
    );
  }

  /** Tells the server to stop call `id` (its caller gave up); its reply, if one comes, is dropped. */
  cancel(id: number): void {
    if (!this.#waiting.delete(id)) return;
    this.#channel?.send(JSON.stringify({ cancel: id } satisfies ClientFrame));
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
    const channel = this.#channel;
    this.#channel = null;
    this.#connection = null;
    this.#failAll(new ConnectionLostException('the connection to the server was closed'));
    channel?.terminate();
  }

  #answer(id: number, answer: SocketAnswer): void {
    const waiter = this.#waiting.get(id);
    if (!waiter) return;
    this.#waiting.delete(id);
    waiter.settle(answer);
  }

  #failAll(e: Error): void {
    for (const id of [...this.#waiting.keys()]) this.#answer(id, failure(e));
  }

  #ensure(): Promise<ClientChannel> {
    return (this.#connection ??= this.#connect().catch((e: unknown) => {
      this.#connection = null;
      throw e;
    }));
  }

  async #connect(): Promise<ClientChannel> {
    const target: SocketTarget = 'address' in this.#locator ? this.#locator.address : userServerTarget(this.#locator.userDirEnv);
    if (!target.tls) {
      try {
        return await this.#open(target, 'stream');
      } catch (e) {
        // Not answered in the stream protocol (a server older than it, or not ours at all): the
        // WebSocket attempt decides, and names what answers there.
        if (!(e instanceof NotStreamServer)) throw e;
      }
    }
    return this.#open(target, 'websocket');
  }

  /** Connects in `protocol`, exchanges greetings, and resolves with the channel once greeted. */
  #open(target: SocketTarget, protocol: 'stream' | 'websocket'): Promise<ClientChannel> {
    return new Promise((resolve, reject) => {
      const where = `${target.host}:${target.port}`;
      const refusal = (why: string) => new ProtocolException(`${where} ${why}`, target.host, target.port);
      let channel: ClientChannel | null = null;
      let connected = false;
      let greeted = false;
      let settled = false;
      const refuse = (e: Error): void => {
        if (greeted || settled) return;
        settled = true;
        clearTimeout(timer);
        reject(e);
        channel?.terminate();
      };
      /** The far end does not speak this protocol as an omero-shell server does. */
      const notOurs = (why: string) => {
        // Also called when a greeted connection closes: no error to make then.
        if (!greeted && !settled) refuse(protocol === 'stream' ? new NotStreamServer() : refusal(why));
      };
      const timer = setTimeout(() => refuse(refusal('did not greet as an omero-shell server in time')), CONNECT_TIMEOUT_MS);
      const events: ChannelEvents = {
        open: () => {
          connected = true;
        },
        notOurs,
        frame: (json) => {
          if (greeted) {
            // A reply its caller parses itself is passed on as it came.
            const id = replyFrameId(json);
            if (id !== undefined && this.#waiting.get(id)?.asText) return this.#answer(id, { frame: json });
          }
          let frame: ServerFrame;
          try {
            frame = JSON.parse(json) as ServerFrame;
          } catch {
            return notOurs('is not an omero-shell server');
          }
          if (!greeted) {
            if (settled) return;
            if ('refused' in frame) return refuse(refusal(`refused the connection: ${frame.refused}`));
            const hello = 'hello' in frame ? frame.hello : null;
            if (hello?.product !== PRODUCT) return notOurs('is not an omero-shell server');
            if (target.serverId && hello.serverId !== target.serverId) return refuse(refusal('is another server than the one recorded for this user directory'));
            clearTimeout(timer);
            greeted = true;
            settled = true;
            traceMark(`connected (greeted, ${protocol})`);
            if (this.#closed) {
              channel?.terminate();
              return reject(new ConnectionLostException('the connection to the server was closed'));
            }
            this.#channel = channel;
            return resolve(channel!);
          }
          if ('id' in frame) this.#answer(frame.id, { reply: frame.reply });
          else if ('refused' in frame) this.#failAll(refusal(`closed the connection: ${frame.refused}`));
        },
        // Once connected, an error (a reset) is the far end dropping what it does not speak.
        error: (e) => (connected ? notOurs(`is not an omero-shell server (${e.message})`) : refuse(socketError(e, target))),
        close: () => {
          notOurs('is not an omero-shell server (it closed the connection)');
          if (this.#channel !== channel || channel === null) return;
          // Calls sent on this connection will never be answered; calls still waiting for a
          // connection were told why by the refusal above.
          this.#channel = null;
          this.#connection = null;
          this.#failAll(new ConnectionLostException(`the connection to ${where} was lost (the server stopped?); try again`, target.host, target.port));
        },
      };
      const hello = JSON.stringify({ hello: { product: PRODUCT, protocol: PROTOCOL_VERSION, version: productVersion() } } satisfies ClientFrame);
      if (protocol === 'stream') channel = openStreamChannel(target, events, hello);
      else {
        openWebSocketChannel(target, events, hello, CONNECT_TIMEOUT_MS).then(
          (ws) => {
            channel = ws;
            if (settled && !greeted) ws.terminate();
          },
          (e: unknown) => refuse(e instanceof Error ? e : new ProtocolException(String(e))),
        );
      }
    });
  }
}

/** The stream attempt met something other than an omero-shell server speaking the stream protocol. */
class NotStreamServer extends Error {}

function failure(e: Error): SocketAnswer {
  return { reply: { ok: false, error: toWire(e) } };
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
