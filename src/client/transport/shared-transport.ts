import { DEFAULT_PORT } from '../../contract/index.js';
import { databaseConfigFromEnv, type DatabaseConfig } from '../../server/db/database-config.js';
import { SocketTransport } from './socket-transport.js';
import { socketUrl, type SocketTarget } from './socket-target.js';
import type { Transport } from './transport.js';
import { WorkerTransport } from './worker-transport.js';

/** Hosts that mean this machine. */
export const LOCAL_HOSTS: ReadonlySet<string> = new Set(['', 'localhost', '127.0.0.1', '::1', '[::1]', 'localhost.localdomain']);

/** The process's transports, one per server (or engine), shared by every client of the process. */
const shared = new Map<string, Transport>();

function reuse(key: string, make: () => Transport): Transport {
  let t = shared.get(key);
  if (!t) {
    t = make();
    shared.set(key, t);
  }
  return t;
}

/**
 * The in-process engine configured by the environment (`OMERO_DB_URL`, else the embedded
 * database): the server in a worker thread of this process, no server process.
 */
export function sharedTransport(config: DatabaseConfig = databaseConfigFromEnv()): Transport {
  return reuse(`engine ${JSON.stringify({ ...config, loadDataDir: undefined })}`, () => new WorkerTransport(config));
}

/** A connection to the server at `target`. */
export function sharedSocketTransport(target: SocketTarget): Transport {
  return reuse(`socket ${socketUrl(target)} ${target.serverId ?? ''}`, () => new SocketTransport({ address: target }));
}

/** Where a client asks to go: a host, and a port only when one was given. */
export interface TransportTarget {
  readonly host: string;
  readonly port?: number | null;
  readonly env?: NodeJS.ProcessEnv;
}

/**
 * The transport for a host and port, by this rule (README "Servers"):
 * - `OMERO_SERVER=in-process` and a local host: the engine in this process (no server process);
 * - a local host and no port, or the default port 4064: the server of the user directory,
 *   started if none runs (so `omero login` answered with the default `localhost:4064` works, and
 *   two user directories never share a server by accident);
 * - anything else: exactly that address (`-s/-p`), with TLS unless the host is this machine
 *   (`OMERO_TLS=0|1` overrides; `OMERO_TLS_CA` adds a certificate authority). Never starts anything.
 */
export function transportFor(t: TransportTarget): Transport {
  const env = t.env ?? process.env;
  const local = LOCAL_HOSTS.has(t.host);
  if (local && env.OMERO_SERVER === 'in-process') return sharedTransport(databaseConfigFromEnv(env));
  if (local && (t.port === null || t.port === undefined || t.port === DEFAULT_PORT)) {
    // Found (or started) by the connection's thread, again on every reconnection.
    return reuse(`user-server ${env.OMERO_USERDIR ?? ''}`, () => new SocketTransport({ userDirEnv: { ...env } }));
  }
  const tls = env.OMERO_TLS === undefined || env.OMERO_TLS === '' ? !local : env.OMERO_TLS === '1';
  return sharedSocketTransport({ host: t.host.replace(/^\[|\]$/g, ''), port: t.port ?? DEFAULT_PORT, tls, caFile: env.OMERO_TLS_CA || undefined });
}

/** Closes every shared transport now (the shell's `exit`, tests). */
export function closeSharedTransport(): void {
  for (const t of shared.values()) t.close();
  shared.clear();
}

process.once('exit', closeSharedTransport);
