import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import type { DatabaseConfig } from '../../src/server/db/database-config.js';
import type { Transport } from '../../src/client/transport/transport.js';
import { OmeroServer } from '../../src/server/omero-server.js';

/** What a client sends and gets back, named through the Transport so as to follow the contract wherever it lives. */
export type ServerRequest = Parameters<Transport['request']>[0];
export type ServerReply = ReturnType<Transport['request']>;

/** A raw SQL statement for the test's direct look at the database (test/helpers/sql-probe.ts). */
export interface SqlRequest {
  readonly op: 'sql';
  readonly text: string;
  readonly bindings: readonly unknown[];
}

interface Envelope {
  readonly port: MessagePort;
  readonly request: ServerRequest | SqlRequest | { readonly op: 'shutdown' };
}

/**
 * The test server thread of SqlProbeTransport: the real OmeroServer answering the real requests,
 * plus `sql` requests run on the same database handle. PGlite lives in this thread only, so the
 * test can look at its rows nowhere else.
 */
const { signal, config } = workerData as { signal: SharedArrayBuffer; config: DatabaseConfig };
const flag = new Int32Array(signal);
const ready = OmeroServer.open(config);
ready.catch(() => undefined);
let queue: Promise<void> = Promise.resolve();

parentPort!.on('message', (envelope: Envelope) => {
  queue = queue.then(() => answer(envelope));
});

async function answer({ port, request }: Envelope): Promise<void> {
  let reply: unknown;
  try {
    const server = await ready;
    if (request.op === 'shutdown') {
      await server.close();
      reply = { ok: true, value: true };
    } else if (request.op === 'sql') {
      const r = await server.db.knex.raw(request.text, request.bindings as never);
      reply = { ok: true, value: JSON.parse(JSON.stringify(r.rows)) };
    } else {
      reply = await server.handle(request);
    }
  } catch (e) {
    reply = { ok: false, error: { sql: String(e) } };
  }
  port.postMessage(reply);
  port.close();
  Atomics.add(flag, 0, 1);
  Atomics.notify(flag, 0);
}
