import { receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import type { Transport } from '../../client/transport/transport.js';

type ServerRequest = Parameters<Transport['request']>[0];
type ServerReply = ReturnType<Transport['request']>;

/**
 * The Python worker's way to the server: each request goes to the main thread, which passes it to
 * the shell's own transport and answers on the same port; the worker blocks with `Atomics.wait`
 * meanwhile, so Python's calls block as Ice calls do. (The main thread is free then: Python runs
 * here, and the main thread only owns the terminal.) Slot 0 of `signal` counts answers.
 */
export class RelayTransport implements Transport {
  readonly #port: MessagePort;
  readonly #signal: Int32Array;

  constructor(port: MessagePort, signal: Int32Array) {
    this.#port = port;
    this.#signal = signal;
  }

  request(request: ServerRequest): ServerReply {
    this.#port.postMessage(request);
    for (;;) {
      // Read the counter before looking: an answer posted after the look bumps it, so the wait returns at once.
      const seen = Atomics.load(this.#signal, 0);
      const m = receiveMessageOnPort(this.#port);
      if (m) return m.message as ServerReply;
      Atomics.wait(this.#signal, 0, seen, 1000);
    }
  }

  /**
   * Nothing to stop from here: the main thread runs the call itself, and Python's KeyboardInterrupt
   * (Ctrl-C) is raised as soon as the call returns.
   */
  cancel(): void {}

  /** The shell's transport belongs to the main thread, which closes it. */
  close(): void {}
}
