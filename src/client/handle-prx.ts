import type { SubmitResult } from '../contract/index.js';
import { ClientError } from '../model/index.js';

export type { SubmitResult };

/**
 * `omero.cmd.HandlePrx` (reference api §4.3). Our server runs a command to completion while
 * `submit` blocks, so the handle already holds its response; `close()` is still required by the
 * documented pattern and makes the handle unusable afterwards, as in OMERO.
 */
export class HandlePrx {
  readonly #request: unknown;
  readonly #result: SubmitResult;
  #closed = false;

  constructor(request: unknown, result: SubmitResult) {
    this.#request = request;
    this.#result = result;
  }

  #live(): void {
    if (this.#closed) throw new ClientError('ObjectNotExistException: the handle has been closed');
  }

  getResponse(): unknown {
    this.#live();
    return this.#result.response;
  }

  getStatus(): unknown {
    this.#live();
    return this.#result.status;
  }

  getRequest(): unknown {
    this.#live();
    return this.#request;
  }

  /** A finished command cannot be cancelled. */
  cancel(): boolean {
    this.#live();
    return false;
  }

  close(): void {
    this.#closed = true;
  }
}
