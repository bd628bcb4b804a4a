/**
 * A worker thread of the concurrency suite: its own in-process server (a WorkerTransport with its
 * own connection pool) on the shared PostgreSQL database, and a few blocking sessions on it. Each
 * thread blocks only itself, so the threads' calls reach the database at the same time.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { WorkerTransport } from '../../../src/client/transport/worker-transport.js';
import type { DatabaseConfig } from '../../../src/server/db/database-config.js';
import { runWorkload, type WorkloadInput } from './workload.js';

const { config, input } = workerData as { config: DatabaseConfig; input: WorkloadInput };
const transport = new WorkerTransport(config);
try {
  parentPort!.postMessage({ ledger: runWorkload(transport, input) });
} catch (e) {
  parentPort!.postMessage({ error: `${(e as Error)?.constructor?.name}: ${(e as Error)?.message ?? String(e)}` });
} finally {
  transport.close();
}
