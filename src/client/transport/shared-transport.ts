import { DEFAULT_PORT } from '../../contract/index.js';
import { databaseConfigFromEnv, type DatabaseConfig } from '../../server/db/database-config.js';
import { LOCAL_HOSTS } from './local-hosts.js';
import { SocketTransport } from './socket-transport.js';
import { AsyncSocketTransport } from './async-socket-transport.js';
import { asAsync, type AsyncTransport } from './async-transport.js';
import { socketUrl, type ServerLocator, type SocketTarget } from './socket-target.js';
import type { Transport } from './transport.js';
import { WorkerTransport } from './worker-transport.js';

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
  return reuse(socketKey(target), () => new SocketTransport({ address: target }));
}

/** Where a client asks to go: a host, and a port only when one was given. */
export interface TransportTarget {
  readonly host: string;
  readonly port?: number | null;
  readonly env?: NodeJS.ProcessEnv;
  /**
   * `when-needed`: a server connection's thread starts with its first call (the interactive
   * shell's: its first prompt needs none). Applies when the process's transport to that server is
   * made, by whoever asks first.
   */
  readonly startThread?: 'now' | 'when-needed';
}

/** Where a target leads, by the rule of `transportFor`: the engine in this process, or a server. */
type Route =
  | { readonly kind: 'engine'; readonly config: DatabaseConfig }
  | { readonly kind: 'socket'; readonly key: string; readonly locator: ServerLocator };

function routeFor(t: TransportTarget): Route {
  const env = t.env ?? process.env;
  const local = LOCAL_HOSTS.has(t.host);
  if (local && env.OMERO_SERVER === 'in-process') return { kind: 'engine', config: databaseConfigFromEnv(env) };
  if (local && (t.port === null || t.port === undefined || t.port === DEFAULT_PORT)) {
    // Found (or started) by the connection, again on every reconnection.
    return { kind: 'socket', key: `user-server ${env.OMERO_USERDIR ?? ''}`, locator: { userDirEnv: { ...env } } };
  }
  const tls = env.OMERO_TLS === undefined || env.OMERO_TLS === '' ? !local : env.OMERO_TLS === '1';
  const address: SocketTarget = { host: t.host.replace(/^\[|\]$/g, ''), port: t.port ?? DEFAULT_PORT, tls, caFile: env.OMERO_TLS_CA || undefined };
  return { kind: 'socket', key: socketKey(address), locator: { address } };
}

function socketKey(target: SocketTarget): string {
  return `socket ${socketUrl(target)} ${target.serverId ?? ''}`;
}

/**
 * The transport for a host and port, by this rule (README "Servers"):
 * - `OMERO_SERVER=in-process` and a local host: the engine in this process (no server process);
 * - a local host and no port, or the default port 4064: the server of the user directory,
 *   started if none runs (so `omero login` answered with the default `localhost:4064` works, and
 *   two user directories never share a server by accident);
 * - anything else: exactly that address (`-s/-p`), with TLS unless the host is this machine
 *   (`OMERO_TLS=0|1` overrides; `OMERO_TLS_CA` adds a certificate authority). Never starts anything.
 * Calls through it block (a worker thread keeps the connection).
 */
export function transportFor(t: TransportTarget): Transport {
  const route = routeFor(t);
  if (route.kind === 'engine') return sharedTransport(route.config);
  return reuse(route.key, () => new SocketTransport(route.locator, { startWhenNeeded: t.startThread === 'when-needed' }));
}

/** The process's async transports (the CLI's commands), one per server. */
const sharedAsync = new Map<string, AsyncTransport>();

/**
 * The same rule as `transportFor`, for callers that await (the CLI's commands): a server is
 * reached from this thread with no worker; the in-process engine keeps its blocking transport.
 * The connection starts at once.
 */
export function asyncTransportFor(t: TransportTarget): AsyncTransport {
  const route = routeFor(t);
  if (route.kind === 'engine') return asAsync(sharedTransport(route.config));
  let a = sharedAsync.get(route.key);
  if (!a) {
    a = new AsyncSocketTransport(route.locator).warmUp();
    sharedAsync.set(route.key, a);
  }
  return a;
}

/**
 * Closes the async connections (`asyncTransportFor`): an open socket keeps the process alive, so
 * the command line closes them when its command is done.
 */
export function closeAsyncTransports(): void {
  for (const t of sharedAsync.values()) t.close();
  sharedAsync.clear();
}

/** Closes every shared transport now (the shell's `exit`, tests). */
export function closeSharedTransport(): void {
  for (const t of [...shared.values(), ...sharedAsync.values()]) t.close();
  shared.clear();
  sharedAsync.clear();
}

process.once('exit', closeSharedTransport);
