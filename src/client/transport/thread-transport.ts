import { receiveMessageOnPort } from 'node:worker_threads';
import type { ServerReply, ServerRequest, ThreadCancel, ThreadEnvelope, ThreadReply } from '../../contract/index.js';
import { ClientError } from '../../model/exceptions/client-error.js';
import { ProtocolException, toWire } from '../../model/index.js';
import { adoptOrSpawn, type SpawnedThread, type ThreadSpec } from './thread-spawn.js';
import type { Transport } from './transport.js';

export type { ThreadSpec } from './thread-spawn.js';

/** How a ThreadTransport starts and stops its thread. */
export interface ThreadTransportOptions {
  /**
   * Start the thread with the first call (or `start()`) rather than now: the interactive shell's
   * connection thread, a second Node environment that its first prompt does not need.
   */
  readonly startWhenNeeded?: boolean;
  /**
   * The thread keeps nothing that needs an orderly end until it has carried a call (a connection
   * thread): `close()` before any call just stops it instead of waiting for it to start.
   */
  readonly stopAtOnceIfUnused?: boolean;
}

/**
 * How long a call polls for its reply before it sleeps in `Atomics.wait`, while replies come that
 * fast: waking a sleeping thread takes a cross-core interrupt, which on a virtual machine costs a
 * good part of a call to PostgreSQL (scripts/bench/HISTORY.md, 0.4.4). The caller is blocked
 * either way; when replies take longer (a moving average of the last calls), it sleeps at once.
 */
const SPIN_MS = 2;

/** Polls `flag`'s counter until it moves from `seen` (true) or monotonicMs() reaches `deadline` (false). */
function replyWithin(flag: Int32Array, seen: number, deadline: number): boolean {
  while (Atomics.load(flag, 0) === seen) if (monotonicMs() >= deadline) return false;
  return true;
}

/** The reply in a reply frame's text (a connection thread passes it on unparsed); a frame that is not one, as a protocol failure. */
function replyOfFrame(text: string): ServerReply {
  try {
    const frame = JSON.parse(text) as { reply?: ServerReply };
    if (typeof frame.reply === 'object' && frame.reply !== null) return frame.reply;
  } catch {
    // answered below
  }
  return { ok: false, error: toWire(new ProtocolException('the server sent a reply that cannot be read')) };
}

/** Milliseconds of a clock that never moves back (the wall clock may), without loading perf_hooks. */
function monotonicMs(): number {
  return process.uptime() * 1000;
}

/**
 * A transport whose far end is a worker thread of this process, answering the same envelopes
 * (`ThreadEnvelope`, `ThreadCancel`) on one reply port whatever it is: the server itself (WorkerTransport) or a
 * connection to a server elsewhere (SocketTransport). Calls block (polling for a moment, then in
 * `Atomics.wait`: SPIN_MS) until the worker replies (it bumps a shared counter, then
 * `receiveMessageOnPort` takes the reply), as an Ice call blocks in Python.
 *
 * Written by hand rather than with synckit: synckit's TypeScript runner fails on Node 20 when the
 * code runs from source under tsx, which our tests and `npm start` do.
 */
export class ThreadTransport implements Transport {
  readonly #spec: ThreadSpec;
  readonly #options: ThreadTransportOptions;
  #thread: SpawnedThread | null = null;
  #used = false;
  #closed = false;
  #nextId = 1;
  /**
   * The id of the call whose reply is awaited. It stays set when an interrupt (V8's
   * TerminateExecution, which skips `finally`) ends the wait, so the next request knows that
   * call was abandoned and cancels it first.
   */
  #inFlight: number | null = null;
  /** How long replies have taken lately (ms, a moving average): whether polling for one pays. */
  #recentWaitMs = 0;

  constructor(spec: ThreadSpec, options: ThreadTransportOptions = {}) {
    this.#spec = spec;
    this.#options = options;
    if (!options.startWhenNeeded) this.start();
  }

  /**
   * Starts the thread if it has not started yet (ahead of a first call that will need it). A
   * thread started early for the same spec (the shell's connection: src/startup/launcher.ts) is
   * taken over.
   */
  start(): void {
    if (this.#thread === null && !this.#closed) this.#thread = adoptOrSpawn(this.#spec);
  }

  request(request: ServerRequest): ServerReply {
    if (this.#closed) throw new ClientError('The connection to the server is closed');
    this.cancel();
    return this.#send(request);
  }

  cancel(): void {
    if (this.#inFlight === null || this.#thread === null) return;
    this.#thread.worker.postMessage({ cancel: this.#inFlight } satisfies ThreadCancel);
    this.#inFlight = null;
  }

  #send(request: ThreadEnvelope['request']): ServerReply {
    this.start();
    const { worker, flag, replies } = this.#thread!;
    const id = this.#nextId++;
    this.#used = true;
    const started = monotonicMs();
    worker.postMessage({ id, request } satisfies ThreadEnvelope);
    this.#inFlight = id;
    for (;;) {
      // Read the counter before looking for the reply: a reply posted after the look bumps it,
      // so the wait below returns at once instead of missing the wake-up.
      const seen = Atomics.load(flag, 0);
      const m = receiveMessageOnPort(replies);
      if (m) {
        const message = m.message as ThreadReply;
        // A reply to an abandoned call (interrupted, then cancelled) is dropped.
        if (message.id !== id) continue;
        this.#inFlight = null;
        this.#recentWaitMs = 0.8 * this.#recentWaitMs + 0.2 * (monotonicMs() - started);
        return 'frame' in message ? replyOfFrame(message.frame) : message.reply;
      }
      if (Atomics.load(flag, 1) === 1) throw new ClientError('The worker thread failed to start (see the error above)');
      if (this.#recentWaitMs < SPIN_MS && replyWithin(flag, seen, started + SPIN_MS)) continue;
      Atomics.wait(flag, 0, seen, 1000);
    }
  }

  /**
   * Lets the worker finish cleanly (the embedded database flushes and releases its lock), then
   * stops it; a thread that never started is not started for that, and one that needs no orderly
   * end before its first call (`stopAtOnceIfUnused`) is stopped without waiting for it to start.
   */
  close(): void {
    if (this.#closed) return;
    const thread = this.#thread;
    if (thread === null) {
      this.#closed = true;
      return;
    }
    this.cancel();
    if (!this.#used && this.#options.stopAtOnceIfUnused) {
      this.#closed = true;
      void thread.worker.terminate();
      return;
    }
    try {
      this.#send({ op: 'shutdown' });
    } finally {
      this.#closed = true;
      void thread.worker.terminate();
    }
  }
}
