import type { ServerReply, ServerRequest } from '../../contract/index.js';

/**
 * How a client reaches the server. `request` BLOCKS until the answer arrives, as an Ice call
 * does in Python, so no `await` is needed in the shell or in scripts.
 */
export interface Transport {
  request(request: ServerRequest): ServerReply;
  /**
   * Tells the server to stop the call in flight, whose caller was interrupted while blocked in
   * `request` (the shell's Ctrl-C); a write it had begun is rolled back. Nothing when idle.
   */
  cancel(): void;
  /** Stops the server side if this transport owns it. */
  close(): void;
  /** Gets ready now for a first call coming soon, if this transport waits for one to start (optional). */
  start?(): void;
}
