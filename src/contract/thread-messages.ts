import type { MessagePort } from 'node:worker_threads';
import type { ServerReply, ServerRequest } from './protocol.js';

/**
 * Between a blocking caller and its worker thread (the in-process server, or the connection to a
 * server): a request with the id its reply and a later cancel name it by, on the worker's message
 * port; the reply comes back on the one reply port the worker was started with (`workerData.replies`).
 */
export interface ThreadEnvelope {
  readonly id: number;
  readonly request: ServerRequest | { readonly op: 'shutdown' };
}

/** Sent beside the requests when the caller gave up on request `cancel` (the shell's Ctrl-C). */
export interface ThreadCancel {
  readonly cancel: number;
}

/**
 * A reply on the reply port, with the id of its request: the reply itself, or (from a connection
 * thread) the text of the server's reply frame (`replyFrame`), which the caller parses.
 */
export type ThreadReply =
  | { readonly id: number; readonly reply: ServerReply }
  | { readonly id: number; readonly frame: string };

/**
 * Posts a reply, then wakes the caller blocked in `Atomics.wait` on slot 0 of `flag` (it counts
 * replies: the caller reads it before looking, so no wake-up is missed).
 */
export function replyToCaller(replies: MessagePort, flag: Int32Array, message: ThreadReply): void {
  replies.postMessage(message);
  Atomics.add(flag, 0, 1);
  Atomics.notify(flag, 0);
}
