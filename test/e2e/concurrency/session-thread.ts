/**
 * A worker thread of the concurrency suite: a few blocking sessions, either on a server process
 * (`server`: a connection to it) or on an in-process server of its own (a WorkerTransport with its
 * own connection pool) on the shared PostgreSQL database. Each thread blocks only itself, so the
 * threads' calls reach the database at the same time.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { SocketTransport } from '../../../src/client/transport/socket-transport.js';
import { WorkerTransport } from '../../../src/client/transport/worker-transport.js';
import type { DatabaseConfig } from '../../../src/server/db/database-config.js';
import { runWorkload, type WorkloadInput } from './workload.js';

const { config, input, server } = workerData as { config: DatabaseConfig; input: WorkloadInput; server?: { host: string; port: number } };
const transport = server ? new SocketTransport({ address: { ...server, tls: false } }) : new WorkerTransport(config);
try {
  parentPort!.postMessage({ ledger: runWorkload(transport, input) });
} catch (e) {
  parentPort!.postMessage({ error: `${(e as Error)?.constructor?.name}: ${(e as Error)?.message ?? String(e)}` });
} finally {
  transport.close();
}
