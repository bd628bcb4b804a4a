import { PRODUCT, PROTOCOL_VERSION, replyFrame, type ClientFrame, type Hello, type ServerFrame, type ServerRequest } from '../../contract/index.js';
import type { OmeroServer } from '../omero-server.js';
import type { FrameChannel } from './frame-channel.js';
import type { ServerLog } from './server-log.js';

/** How many requests one connection may have in flight; more is a misbehaving client. Default 64. */
const MAX_PENDING = 64;

/** What a connection needs from its server. */
export interface ConnectionScope {
  readonly engine: OmeroServer;
  readonly log: ServerLog;
  readonly hello: Hello & { readonly serverId: string };
}

/**
 * One client's connection: the greeting first (product and protocol must match), then requests
 * answered by id, in any order, and cancels. Anything else — binary or malformed frames, unknown
 * frame kinds, reused ids, too many requests at once — closes this connection with the reason,
 * and touches no other. When the client goes away, its calls in flight are aborted, so a write it
 * had begun is rolled back rather than committed for nobody.
 */
export class ClientConnection {
  readonly #channel: FrameChannel;
  readonly #scope: ConnectionScope;
  readonly #peer: string;
  /** The peer's IP address: password checks are throttled per login and address. */
  readonly #address: string;
  readonly #pending = new Map<number, AbortController>();
  #greeted = false;
  /** Refused: frames still arriving are ignored. */
  #refused = false;

  constructor(channel: FrameChannel, scope: ConnectionScope, peer: { readonly address: string; readonly port: number | undefined }) {
    this.#channel = channel;
    this.#scope = scope;
    this.#address = peer.address;
    this.#peer = `${peer.address}:${peer.port ?? '?'}`;
    channel.onViolation((why) => this.#refuse(why));
    channel.onFrame((json) => this.#onMessage(json));
    channel.onClose(() => {
      for (const abort of this.#pending.values()) abort.abort();
      this.#pending.clear();
    });
  }

  /** `json` is null for a binary frame. */
  #onMessage(json: string | null): void {
    if (this.#refused) return;
    if (json === null) return this.#refuse('binary frames are not part of the protocol');
    let frame: ClientFrame;
    try {
      frame = JSON.parse(json) as ClientFrame;
    } catch {
      return this.#refuse('a frame is not JSON');
    }
    if (frame === null || typeof frame !== 'object' || Array.isArray(frame)) return this.#refuse('a frame is not an object');
    if (!this.#greeted) return this.#greet(frame);
    if ('cancel' in frame) {
      this.#pending.get(frame.cancel)?.abort();
      return;
    }
    if ('id' in frame && 'request' in frame) return this.#serve(frame.id, frame.request);
    this.#refuse('unknown frame');
  }

  #greet(frame: ClientFrame): void {
    const hello = (frame as { hello?: Partial<Hello> }).hello;
    if (!hello || hello.product !== PRODUCT) return this.#refuse('the first frame must be an omero-shell greeting');
    if (hello.protocol !== PROTOCOL_VERSION) {
      return this.#refuse(`protocol ${String(hello.protocol)} is not served here (this server speaks protocol ${PROTOCOL_VERSION}, version ${this.#scope.hello.version})`);
    }
    this.#greeted = true;
    this.#send({ hello: this.#scope.hello });
  }

  #serve(id: unknown, request: unknown): void {
    if (typeof id !== 'number' || !Number.isSafeInteger(id) || id < 0) return this.#refuse('a request id must be a whole number');
    if (this.#pending.has(id)) return this.#refuse(`request id ${id} is already in flight`);
    if (this.#pending.size >= MAX_PENDING) return this.#refuse(`more than ${MAX_PENDING} requests in flight`);
    const abort = new AbortController();
    this.#pending.set(id, abort);
    void this.#scope.engine
      .handle(request as ServerRequest, { signal: abort.signal, address: this.#address })
      .then((reply) => {
        if (this.#pending.delete(id)) this.#channel.send(replyFrame(id, reply));
      });
  }

  #send(frame: ServerFrame): void {
    this.#channel.send(JSON.stringify(frame));
  }

  #refuse(reason: string): void {
    if (this.#refused) return;
    this.#refused = true;
    this.#scope.log.warn(`closing the connection from ${this.#peer}: ${reason}`);
    this.#send({ refused: reason });
    this.#channel.close(reason);
  }
}
