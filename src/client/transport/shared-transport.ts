import { databaseConfigFromEnv, type DatabaseConfig } from '../../server/db/database-config.js';
import type { Transport } from './transport.js';
import { WorkerTransport } from './worker-transport.js';

let shared: { readonly key: string; readonly transport: Transport } | undefined;

/**
 * The process's transport to the engine configured by the environment (`OMERO_DB_URL`, else the
 * embedded database). Every client of the process shares it, so several users can be logged in
 * at once; it is closed cleanly when the process exits.
 */
export function sharedTransport(config: DatabaseConfig = databaseConfigFromEnv()): Transport {
  const key = JSON.stringify({ ...config, loadDataDir: undefined });
  if (shared?.key === key) return shared.transport;
  shared?.transport.close();
  const transport = new WorkerTransport(config);
  shared = { key, transport };
  return transport;
}

/** Closes the shared transport now (the shell's `exit`, tests). */
export function closeSharedTransport(): void {
  shared?.transport.close();
  shared = undefined;
}

process.once('exit', closeSharedTransport);
