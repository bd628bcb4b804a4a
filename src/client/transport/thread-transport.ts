import { receiveMessageOnPort, type MessagePort, type Worker } from 'node:worker_threads';
import type { ServerReply, ServerRequest, ThreadCancel, ThreadEnvelope, ThreadReply } from '../../contract/index.js';
import { ClientError } from '../../model/exceptions/client-error.js';
import { adoptOrSpawn, type ThreadSpec } from './thread-spawn.js';
import type { Transport } from './transport.js';

export type { ThreadSpec } from './thread-spawn.js';

/**
 * A transport whose far end is a worker thread of this process, answering the same envelopes
 * (`ThreadEnvelope`, `ThreadCancel`) on one reply port whatever it is: the server itself (WorkerTransport) or a
 * connection to a server elsewhere (SocketTransport). Calls block with `Atomics.wait` until the
 * worker replies (it bumps a shared counter, then `receiveMessageOnPort` takes the reply), as an
 * Ice call blocks in Python.
 *
 * Written by hand rather than with synckit: synckit's TypeScript runner fails on Node 20 when the
 * code runs from source under tsx, which our tests and `npm start` do.
 */
export class ThreadTransport implements Transport {
  readonly #worker: Worker;
  readonly #flag: Int32Array;
  readonly #replies: MessagePort;
  #closed = false;
  #nextId = 1;
  /**
   * The id of the call whose reply is awaited. It stays set when an interrupt (V8's
   * TerminateExecution, which skips `finally`) ends the wait, so the next request knows that
   * call was abandoned and cancels it first.
   */
  #inFlight: number | null = null;

  constructor(spec: ThreadSpec) {
    // A thread started early for the same spec (the shell's connection: src/startup/launcher.ts) is taken over.
    const thread = adoptOrSpawn(spec);
    this.#worker = thread.worker;
    this.#flag = thread.flag;
    this.#replies = thread.replies;
  }

  request(request: ServerRequest): ServerReply {
    if (this.#closed) throw new ClientError('The connection to the server is closed');
    this.cancel();
    return this.#send(request);
  }

  cancel(): void {
    if (this.#inFlight === null) return;
    this.#worker.postMessage({ cancel: this.#inFlight } satisfies ThreadCancel);
    this.#inFlight = null;
  }

  #send(request: ThreadEnvelope['request']): ServerReply {
    const id = this.#nextId++;
    this.#worker.postMessage({ id, request } satisfies ThreadEnvelope);
    this.#inFlight = id;
    for (;;) {
      // Read the counter before looking for the reply: a reply posted after the look bumps it,
      // so the wait below returns at once instead of missing the wake-up.
      const seen = Atomics.load(this.#flag, 0);
      const m = receiveMessageOnPort(this.#replies);
      if (m) {
        const { id: of, reply } = m.message as ThreadReply;
        // A reply to an abandoned call (interrupted, then cancelled) is dropped.
        if (of !== id) continue;
        this.#inFlight = null;
        return reply;
      }
      if (Atomics.load(this.#flag, 1) === 1) throw new ClientError('The worker thread failed to start (see the error above)');
      Atomics.wait(this.#flag, 0, seen, 1000);
    }
  }

  /** Lets the worker finish cleanly (the embedded database flushes and releases its lock), then stops it. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.cancel();
    try {
      this.#send({ op: 'shutdown' });
    } finally {
      void this.#worker.terminate();
    }
  }
}
