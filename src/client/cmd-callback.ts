import { ClientError, LockTimeout } from '../model/index.js';
import type { HandlePrx } from './handle-prx.js';

/**
 * `omero.callbacks.CmdCallbackI(client, handle)` (reference api §4.4): waits for a command.
 * `loop(n, ms)` returns the response (OK or ERR alike) or throws LockTimeout; `block(ms)` returns
 * whether the command finished.
 */
export class CmdCallbackI {
  readonly #handle: HandlePrx;

  constructor(client: unknown, handle: HandlePrx | null | undefined) {
    if (!client) throw new ClientError('Null client');
    if (!handle) throw new ClientError('Null handle');
    this.#handle = handle;
  }

  /** Waits up to `loops × ms`; returns the response. */
  loop(loops: number, ms: number): unknown {
    for (let i = 0; i < Math.max(1, loops); i++) {
      if (this.block(ms)) return this.#handle.getResponse();
    }
    throw new LockTimeout(`Command unfinished after ${(loops * ms) / 1000} seconds`, 5000);
  }

  block(_ms: number): boolean {
    return this.#handle.getResponse() !== null && this.#handle.getResponse() !== undefined;
  }

  getResponse(): unknown {
    return this.#handle.getResponse();
  }

  getStatus(): unknown {
    return this.#handle.getStatus();
  }

  isCancelled(): boolean {
    return false;
  }

  isFailure(): boolean {
    const r = this.#handle.getResponse() as { constructor?: { name?: string } } | null;
    return Boolean(r && (r.constructor?.name === 'ERR' || r.constructor?.name === 'GraphException'));
  }

  /** Removes the callback; with `closeHandle` also closes the handle. */
  close(closeHandle: boolean): void {
    if (closeHandle) this.#handle.close();
  }
}
