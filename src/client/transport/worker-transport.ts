import { fileURLToPath } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { ClientError } from '../../model/exceptions/client-error.js';
import type { DatabaseConfig } from '../../server/db/database-config.js';
import type { ServerReply, ServerRequest } from '../../server/server-request.js';
import type { Transport } from './transport.js';

/**
 * The server in a worker thread of this process; calls block with `Atomics.wait` until the worker
 * replies (the worker bumps a shared counter, then `receiveMessageOnPort` takes the reply).
 *
 * Written by hand rather than with synckit: synckit's TypeScript runner fails on Node 20 when the
 * code runs from source under tsx, which our tests and `npm start` do.
 */
export class WorkerTransport implements Transport {
  readonly #worker: Worker;
  readonly #flag: Int32Array;
  #closed = false;

  /** `env` is the server's environment (its `OMERO_LDAP_*` settings); default this process's. */
  constructor(config: DatabaseConfig, options: { readonly env?: NodeJS.ProcessEnv } = {}) {
    // Slot 0 counts replies; slot 1 is set when the worker failed before it could reply.
    const signal = new SharedArrayBuffer(8);
    this.#flag = new Int32Array(signal);
    const entry = new URL('../../server/worker/server-worker' + extensionOf(import.meta.url), import.meta.url).href;
    // Built code runs the worker's bundle (made by scripts/build.mjs) through the CommonJS copy of
    // the code-cache loader (src/startup/bundle-loader.ts); without them, the ES modules.
    const bundle = fileURLToPath(new URL('../../bundle/server-worker.cjs', import.meta.url));
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
          if (bundle) bundle.exports.serveRequests({ beforeShutdownReply: () => bundle.refreshCodeCache() });
          else await import(workerData.entry);
        }
      })().catch((e) => {
        console.error(e);
        const f = new Int32Array(workerData.signal);
        Atomics.store(f, 1, 1); Atomics.add(f, 0, 1); Atomics.notify(f, 0);
      });`;
    this.#worker = new Worker(bootstrap, { eval: true, workerData: { entry, bundle, loader, signal, config }, env: options.env ?? process.env });
    this.#worker.unref();
  }

  request(request: ServerRequest): ServerReply {
    if (this.#closed) throw new ClientError('The connection to the server is closed');
    return this.#send(request);
  }

  #send(request: ServerRequest | { op: 'shutdown' }): ServerReply {
    const { port1, port2 } = new MessageChannel();
    this.#worker.postMessage({ port: port2, request }, [port2]);
    try {
      for (;;) {
        // Read the counter before looking for the reply: a reply posted after the look bumps it,
        // so the wait below returns at once instead of missing the wake-up.
        const seen = Atomics.load(this.#flag, 0);
        const m = receiveMessageOnPort(port1);
        if (m) return m.message as ServerReply;
        if (Atomics.load(this.#flag, 1) === 1) throw new ClientError('The server thread failed to start (see the error above)');
        Atomics.wait(this.#flag, 0, seen, 1000);
      }
    } finally {
      port1.close();
    }
  }

  /** Closes the database cleanly (PGlite flushes and releases its lock), then stops the worker. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
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
