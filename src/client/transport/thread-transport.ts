import { fileURLToPath } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import type { ServerReply, ServerRequest } from '../../contract/index.js';
import { ClientError } from '../../model/exceptions/client-error.js';
import { countWorkerThread } from '../../startup/startup-trace.js';
import type { Transport } from './transport.js';

/** Which worker a ThreadTransport runs, and what it is given. */
export interface ThreadSpec {
  /** The worker's ES module, relative to src/ (or dist/), without extension: `server/worker/server-worker`. */
  readonly module: string;
  /** Its start-up bundle in dist/bundle (made by scripts/bundle.mjs), without extension. */
  readonly bundle: string;
  /** The function of the bundle that starts serving. */
  readonly start: string;
  /** What the worker reads from `workerData` besides the signal (structured-cloneable). */
  readonly data: Readonly<Record<string, unknown>>;
  /** The worker's environment; default this process's. */
  readonly env?: NodeJS.ProcessEnv;
}

/**
 * A transport whose far end is a worker thread of this process, answering the same envelopes
 * (`{ port, id, request }`, `{ cancel }`) whatever it is: the server itself (WorkerTransport) or a
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
  #closed = false;
  #nextId = 1;
  /**
   * The id of the call whose reply is awaited. It stays set when an interrupt (V8's
   * TerminateExecution, which skips `finally`) ends the wait, so the next request knows that
   * call was abandoned and cancels it first.
   */
  #inFlight: number | null = null;

  constructor(spec: ThreadSpec) {
    // Slot 0 counts replies; slot 1 is set when the worker failed before it could reply.
    const signal = new SharedArrayBuffer(8);
    this.#flag = new Int32Array(signal);
    const entry = new URL(`../../${spec.module}${extensionOf(import.meta.url)}`, import.meta.url).href;
    // Built code runs the worker's bundle through the CommonJS copy of the code-cache loader
    // (src/startup/bundle-loader.ts); without them, the ES modules.
    const bundle = fileURLToPath(new URL(`../../bundle/${spec.bundle}.cjs`, import.meta.url));
    const loader = fileURLToPath(new URL('../../bundle/bundle-loader.cjs', import.meta.url));
    // A tiny JS bootstrap: worker threads on Node 20 do not inherit tsx's hooks, so register them
    // when running from TypeScript sources.
    const bootstrap = `
      const { workerData } = require('node:worker_threads');
      (async () => {
        if (workerData.entry.endsWith('.ts')) {
          (await import('tsx/esm/api')).register();
          await import(workerData.entry);
        } else {
          const bundle = require('node:fs').existsSync(workerData.loader) ? require(workerData.loader).loadBundle(workerData.bundle) : null;
          if (bundle) bundle.exports[workerData.start]({ beforeShutdownReply: () => bundle.refreshCodeCache() });
          else await import(workerData.entry);
        }
      })().catch((e) => {
        console.error(e);
        const f = new Int32Array(workerData.signal);
        Atomics.store(f, 1, 1); Atomics.add(f, 0, 1); Atomics.notify(f, 0);
      });`;
    this.#worker = new Worker(bootstrap, {
      eval: true,
      workerData: { ...spec.data, entry, bundle, loader, start: spec.start, signal },
      env: spec.env ?? process.env,
    });
    this.#worker.unref();
    countWorkerThread();
  }

  request(request: ServerRequest): ServerReply {
    if (this.#closed) throw new ClientError('The connection to the server is closed');
    this.cancel();
    return this.#send(request);
  }

  cancel(): void {
    if (this.#inFlight === null) return;
    this.#worker.postMessage({ cancel: this.#inFlight });
    this.#inFlight = null;
  }

  #send(request: ServerRequest | { op: 'shutdown' }): ServerReply {
    const { port1, port2 } = new MessageChannel();
    const id = this.#nextId++;
    this.#worker.postMessage({ port: port2, id, request }, [port2]);
    this.#inFlight = id;
    try {
      for (;;) {
        // Read the counter before looking for the reply: a reply posted after the look bumps it,
        // so the wait below returns at once instead of missing the wake-up.
        const seen = Atomics.load(this.#flag, 0);
        const m = receiveMessageOnPort(port1);
        if (m) {
          this.#inFlight = null;
          return m.message as ServerReply;
        }
        if (Atomics.load(this.#flag, 1) === 1) throw new ClientError('The worker thread failed to start (see the error above)');
        Atomics.wait(this.#flag, 0, seen, 1000);
      }
    } finally {
      port1.close();
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

function extensionOf(url: string): string {
  return url.endsWith('.ts') ? '.ts' : '.js';
}
