import { productVersion } from '../../env/product-version.js';
import { databaseConfigFromEnv, describeDatabase } from '../db/database-config.js';
import { OmeroServer } from '../omero-server.js';
import { NetServer, type ListenOptions } from './net-server.js';
import { ServerLog } from './server-log.js';
import { removeServerState, writeServerState, type ServerState } from '../../env/server-record.js';
import { settingsFingerprint } from '../../env/settings-fingerprint.js';

/** How a server process runs. */
export interface RunServerOptions extends ListenOptions {
  /** Started by a command for its user directory: stops when idle, replaced on a mismatch. */
  readonly auto?: boolean;
  /** Minutes with no open connection after which an auto-started server stops. Default 10. */
  readonly idleMinutes?: number;
  /** The log file (background servers: `$OMERO_USERDIR/log/server.log`); absent: standard error. */
  readonly logFile?: string;
  readonly env?: NodeJS.ProcessEnv;
}

/** A running server process: its address, and how to stop it. */
export interface RunningServer {
  readonly state: ServerState;
  /** Resolves when the server has stopped (signal, idle stop, or `stop()`). */
  readonly stopped: Promise<void>;
  stop(reason: string): Promise<void>;
}

/**
 * The server process: opens the database (which it then owns: the embedded one cannot be opened
 * by anyone else), listens, records its address in the user directory, and stops cleanly on
 * SIGTERM/SIGINT or, when auto-started, after `idleMinutes` without a connection.
 */
export async function runServer(options: RunServerOptions = {}): Promise<RunningServer> {
  const env = options.env ?? process.env;
  const log = new ServerLog(options.logFile ?? null);
  const config = databaseConfigFromEnv(env);
  // The auto-started server of an embedded database brings its schema up to date itself (zero
  // setup survives an upgrade of omero-shell); PostgreSQL and servers started by hand leave that
  // to `omero db upgrade`, as OMERO leaves it to its administrator.
  const engine = await OmeroServer.open(config, undefined, {
    upgrade: Boolean(options.auto) && config.kind === 'pglite',
    onUpgrade: (applied) => log.info(`upgraded the embedded database: applied ${applied.join(', ')}`),
  });
  let net: NetServer;
  try {
    net = await NetServer.listen(engine, log, options);
  } catch (e) {
    await engine.close();
    throw e;
  }
  const { host, port } = net.address;
  const state: ServerState = {
    pid: process.pid,
    host,
    port,
    tls: net.tls,
    serverId: net.serverId,
    version: productVersion(),
    fingerprint: settingsFingerprint(env),
    auto: Boolean(options.auto),
    started: new Date().toISOString(),
    database: describeDatabase(config),
  };
  writeServerState(state, env);
  log.info(`omero-shell ${state.version} listening on ${host}:${port}${net.tls ? ' (TLS)' : ''}, ${state.database}, pid ${process.pid}${state.auto ? ', auto-started' : ''}`);

  let done!: () => void;
  const stopped = new Promise<void>((resolve) => (done = resolve));
  let stopping: Promise<void> | null = null;
  const stop = (reason: string): Promise<void> => {
    stopping ??= (async () => {
      log.info(`stopping: ${reason}`);
      clearTimeout(idleTimer);
      removeServerState(process.pid, env);
      await net.close();
      await engine.close();
      log.info('stopped');
      done();
    })();
    return stopping;
  };
  const idleMs = (options.idleMinutes ?? 10) * 60_000;
  let idleTimer: NodeJS.Timeout | undefined;
  const armIdle = (open: number): void => {
    clearTimeout(idleTimer);
    // Not once stopping: closing the open connections brings the count to 0, and a timer armed
    // then kept a stopped server's process alive (`omero admin stop` waited 30 s, then killed it).
    if (options.auto && open === 0 && stopping === null) idleTimer = setTimeout(() => void stop(`no connection for ${options.idleMinutes ?? 10} min`), idleMs);
  };
  net.onConnectionCount(armIdle);
  armIdle(0);
  for (const sig of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) process.once(sig, () => void stop(`signal ${sig}`));
  return { state, stopped, stop };
}
