import type { Worker } from 'node:worker_threads';
import type { Transport } from '../../src/client/transport/transport.js';
import { requestBlocking } from '../../src/client/transport/worker-transport.js';
import type { DatabaseConfig } from '../../src/server/db/database-config.js';
import type { ServerReply, ServerRequest } from '../../src/server/server-request.js';
import type { SqlRequest } from './sql-probe-worker.js';
import { startTsWorker } from './ts-worker.js';

/** One row of a direct SQL query, as JSON (dates as ISO strings, bigints as strings). */
export type SqlRow = Record<string, unknown>;

/**
 * A blocking transport to the real OmeroServer in a test thread that also answers direct SQL, so
 * that suites check outcomes in the database's rows (owner, group, links) rather than in the
 * reply, on PGlite too (its database exists only inside the server's thread). It speaks
 * WorkerTransport's blocking protocol (`requestBlocking`).
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

  #send(request: ServerRequest | SqlRequest | { op: 'shutdown' }): unknown {
    if (this.#closed) throw new Error('the probe transport is closed');
    return requestBlocking(this.#worker, this.#flag, request);
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
