import type { ServerReply, ServerRequest } from './protocol.js';

/** What both ends call themselves in the greeting, so that a client can tell us from any other server. */
export const PRODUCT = 'omero-shell';

/** The greeting each side sends first on a new connection; the server answers the client's. */
export interface Hello {
  readonly product: typeof PRODUCT;
  /** PROTOCOL_VERSION: the two ends must agree. */
  readonly protocol: number;
  /** The package version, for messages and `omero admin status`. */
  readonly version: string;
}

/** Frames a client sends: the greeting, then requests (numbered by the client) and cancels. */
export type ClientFrame =
  | { readonly hello: Hello }
  | { readonly id: number; readonly request: ServerRequest }
  | { readonly cancel: number };

/** Frames a server sends: its greeting, the replies by request id, or why it closes the connection. */
export type ServerFrame =
  | { readonly hello: Hello & { readonly serverId: string } }
  | { readonly id: number; readonly reply: ServerReply }
  | { readonly refused: string };

/**
 * A reply frame's text, as servers write it: the id first (`{"id":7,"reply":…}`), so that a
 * client can tell whose reply it is from its first bytes (`replyFrameId`) and hand the text on
 * unparsed to a caller in another thread (one string crosses threads for a fraction of what the
 * structured clone of a large reply's object tree costs).
 */
export function replyFrame(id: number, reply: ServerReply): string {
  return JSON.stringify({ id, reply } satisfies ServerFrame);
}

const REPLY_FRAME_START = /^\{"id":(\d{1,15}),"reply":/;

/** The request id of a reply frame written by `replyFrame`; undefined for any other text. */
export function replyFrameId(text: string): number | undefined {
  const m = REPLY_FRAME_START.exec(text);
  return m ? Number(m[1]) : undefined;
}

/** The largest frame either side accepts (a saveArray of thousands of objects fits). Default 64 MiB. */
export const MAX_FRAME_BYTES = 64 * 1024 * 1024;
