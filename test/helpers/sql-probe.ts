import { MessageChannel, receiveMessageOnPort, type Worker } from 'node:worker_threads';
import type { Transport } from '../../src/client/transport/transport.js';
import type { DatabaseConfig } from '../../src/server/db/database-config.js';
import type { ServerReply, ServerRequest, SqlRequest } from './sql-probe-worker.js';
import { startTsWorker } from './ts-worker.js';

/** One row of a direct SQL query, as JSON (dates as ISO strings, bigints as strings). */
export type SqlRow = Record<string, unknown>;

/**
 * A blocking transport to the real OmeroServer in a test thread that also answers direct SQL, so
 * that suites check outcomes in the database's rows (owner, group, links) rather than in the
 * reply, on PGlite too (its database exists only inside the server's thread). It speaks the
 * server thread's blocking protocol (the thread bumps a shared counter after each reply), kept
 * here rather than borrowed from src/client/transport so that it does not follow that code's
 * changes of shape.
 */
export class SqlProbeTransport implements Transport {
  readonly #worker: Worker;
  readonly #flag: Int32Array;
  #closed = false;

  constructor(config: DatabaseConfig, env: NodeJS.ProcessEnv = process.env) {
    const signal = new SharedArrayBuffer(8);
    this.#flag = new Int32Array(signal);
    this.#worker = startTsWorker(new URL('./sql-probe-worker.ts', import.meta.url), { signal, config }, env);
    this.#worker.unref();
  }

  request(request: ServerRequest): ServerReply {
    return this.#send(request) as ServerReply;
  }

  /** The rows of `text` with `?` bindings, run directly on the server's database. */
  sql(text: string, bindings: readonly unknown[] = []): SqlRow[] {
    const reply = this.#send({ op: 'sql', text, bindings }) as { ok: boolean; value?: SqlRow[]; error?: { sql: string } };
    if (!reply.ok) throw new Error(`direct SQL failed: ${reply.error?.sql}\n${text}`);
    return reply.value!;
  }

  /** The probe's calls are never abandoned halfway: nothing to cancel. */
  cancel(): void {}

  #send(request: ServerRequest | SqlRequest | { op: 'shutdown' }): unknown {
    if (this.#closed) throw new Error('the probe transport is closed');
    const { port1, port2 } = new MessageChannel();
    this.#worker.postMessage({ port: port2, request }, [port2]);
    try {
      for (;;) {
        // The counter is read before looking, so a reply posted in between still wakes the wait.
        const seen = Atomics.load(this.#flag, 0);
        const reply = receiveMessageOnPort(port1);
        if (reply) return reply.message;
        Atomics.wait(this.#flag, 0, seen, 1000);
      }
    } finally {
      port1.close();
    }
  }

  close(): void {
    if (this.#closed) return;
    try {
      this.#send({ op: 'shutdown' });
    } finally {
      this.#closed = true;
      void this.#worker.terminate();
    }
  }
}
