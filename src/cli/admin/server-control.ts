import { join } from 'node:path';
import { spawnServer, stopAndWait } from '../../client/transport/user-server.js';
import { omeroDirs } from '../../env/omero-dirs.js';
import { readServerState, removeServerState, type ServerState } from '../../env/server-record.js';
import { CliError } from '../cli-error.js';

/** `omero admin start`'s options, as the foreground server takes them again. */
export interface StartOptions {
  readonly host: string;
  readonly port: string;
  readonly tlsCert?: string;
  readonly tlsKey?: string;
  readonly insecurePlaintext?: boolean;
  readonly idleMinutes?: string;
  readonly auto?: boolean;
  readonly maxConnections?: string;
  readonly portFallback?: boolean;
}

/** The arguments that make `omero admin start --foreground` run with these options. */
export function foregroundArgs(o: StartOptions, logFile: string): string[] {
  const args = ['admin', 'start', '--foreground', '--host', o.host, '--port', o.port, '--log-file', logFile];
  if (o.tlsCert) args.push('--tls-cert', o.tlsCert);
  if (o.tlsKey) args.push('--tls-key', o.tlsKey);
  if (o.insecurePlaintext) args.push('--insecure-plaintext');
  if (o.auto) args.push('--auto');
  if (o.idleMinutes) args.push('--idle-minutes', o.idleMinutes);
  if (o.maxConnections) args.push('--max-connections', o.maxConnections);
  if (o.portFallback) args.push('--port-fallback');
  return args;
}

/**
 * Starts the server of the user directory in the background (detached: it outlives this
 * command) and waits until it has recorded its address, or fails with the end of its log.
 */
export function startInBackground(o: StartOptions, env: NodeJS.ProcessEnv): ServerState {
  const logFile = join(omeroDirs(env).userDir, 'log', 'server.log');
  try {
    return spawnServer(foregroundArgs(o, logFile), env, logFile);
  } catch (e) {
    throw new CliError(1, (e as Error).message);
  }
}

/** Stops the recorded server: SIGTERM, then SIGKILL if it has not stopped in time. False when none ran. */
export function stopServer(env: NodeJS.ProcessEnv): ServerState | null {
  const state = readServerState(env);
  if (!state) return null;
  if (!stopAndWait(state, 30_000)) {
    try {
      process.kill(state.pid, 'SIGKILL');
    } catch {
      /* gone */
    }
    removeServerState(state.pid, env);
  }
  return state;
}

/**
 * Before a command opens the embedded database itself (`omero db`, the demo's preparation):
 * an auto-started server holding it is stopped (the next command starts it again); a server
 * started with `omero admin start` is not, and the command is refused.
 */
export function releaseEmbeddedDatabase(env: NodeJS.ProcessEnv): void {
  if (env.OMERO_DB_URL) return;
  const state = readServerState(env);
  if (!state) return;
  if (!state.auto) {
    throw new CliError(1, `The embedded database is served by the server started with \`omero admin start\` (pid ${state.pid}, ${state.host}:${state.port}): run \`omero admin stop\` first`);
  }
  stopServer(env);
}
