import type { ServerReply, ServerRequest } from '../../server/server-request.js';

/**
 * How a client reaches the server. `request` BLOCKS until the answer arrives, as an Ice call
 * does in Python, so no `await` is needed in the shell or in scripts.
 */
export interface Transport {
  request(request: ServerRequest): ServerReply;
  /** Stops the server side if this transport owns it. */
  close(): void;
}
