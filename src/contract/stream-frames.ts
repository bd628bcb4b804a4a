import { MAX_FRAME_BYTES } from './socket-frames.js';

/**
 * The plain stream protocol: the same JSON frames as over WebSocket (ClientFrame, ServerFrame),
 * on a bare TCP connection, for servers without TLS. A client needs only `node:net` for it, no
 * HTTP client, hashing or WebSocket library: a command is connected and greeted about 16 ms
 * sooner (issue 10, README "Start-up, third pass"). The client opens with STREAM_PREAMBLE; a
 * server tells the two protocols apart by the first byte (an HTTP request starts with a letter, a
 * TLS handshake with 0x16). Then each frame is a 4-byte big-endian length and that many bytes of
 * UTF-8 JSON, in both directions.
 */
export const STREAM_PREAMBLE = Buffer.from('\0omero-shell stream\n', 'latin1');

/** A frame's length prefix, in bytes. */
const PREFIX = 4;

/** The bytes of one frame. */
export function encodeFrame(json: string): Buffer {
  const body = Buffer.from(json, 'utf8');
  const frame = Buffer.allocUnsafe(PREFIX + body.length);
  frame.writeUInt32BE(body.length, 0);
  body.copy(frame, PREFIX);
  return frame;
}

/** Why a stream is not ours, or breaks the protocol; the connection is then closed. */
export class FrameError extends Error {}

/**
 * Cuts a byte stream into frames as the bytes arrive (a chunk may hold part of a frame, or
 * several). A frame longer than `maxBytes` is refused from its length alone, before any of it is
 * buffered. Chunks are kept as they came and joined once per frame, so a large frame costs one
 * copy, not one per chunk.
 */
export class FrameDecoder {
  readonly #maxBytes: number;
  #chunks: Buffer[] = [];
  #buffered = 0;
  /** The length of the frame being read, once its prefix is in. */
  #need: number | null = null;

  constructor(maxBytes: number = MAX_FRAME_BYTES) {
    this.#maxBytes = maxBytes;
  }

  /** The frames completed by `chunk`, as text. Throws FrameError for an oversized frame. */
  push(chunk: Buffer): string[] {
    this.#chunks.push(chunk);
    this.#buffered += chunk.length;
    const frames: string[] = [];
    for (;;) {
      if (this.#need === null) {
        if (this.#buffered < PREFIX) return frames;
        const length = this.#take(PREFIX).readUInt32BE(0);
        if (length > this.#maxBytes) throw new FrameError(`a frame of ${length} bytes is over the limit of ${this.#maxBytes}`);
        this.#need = length;
      }
      if (this.#buffered < this.#need) return frames;
      frames.push(this.#take(this.#need).toString('utf8'));
      this.#need = null;
    }
  }

  /** Bytes received but not yet part of a whole frame. */
  get pending(): number {
    return this.#buffered;
  }

  /** Removes and returns the first `n` buffered bytes. */
  #take(n: number): Buffer {
    const all = this.#chunks.length === 1 ? this.#chunks[0]! : Buffer.concat(this.#chunks, this.#buffered);
    const taken = all.subarray(0, n);
    const rest = all.subarray(n);
    this.#chunks = rest.length > 0 ? [rest] : [];
    this.#buffered = rest.length;
    return taken;
  }
}
