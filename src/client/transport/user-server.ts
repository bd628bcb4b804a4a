import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_PORT } from '../../contract/index.js';
import { omeroDirs } from '../../env/omero-dirs.js';
import { processAlive, readServerState, serverStatePath, type ServerState } from '../../env/server-record.js';
import { productVersion } from '../../env/product-version.js';
import { serverSettings, settingsFingerprint } from '../../env/settings-fingerprint.js';
import { ClientError } from '../../model/exceptions/client-error.js';
import type { SocketTarget } from './socket-target.js';

/** How long a command waits for the server it started (the embedded database may have to start). Default 60 s. */
const START_WAIT_MS = 60_000;
/** A start lock older than this is a crashed starter's, and is taken over. */
const STALE_LOCK_MS = 90_000;

/**
 * The server of the user directory (`$OMERO_USERDIR`): the one recorded there, else one started
 * now, in the background, detached, on a free loopback port (zero setup stays zero, and many
 * terminals share one database). An auto-started server whose version or settings differ from
 * this client's is replaced; a server started with `omero admin start` is not touched, and the
 * mismatch is reported instead. Synchronous, since a client's first call blocks anyway.
 */
export function userServerTarget(env: NodeJS.ProcessEnv = process.env): SocketTarget {
  const fingerprint = settingsFingerprint(env);
  let state = readServerState(env);
  if (state && state.fingerprint !== fingerprint) {
    if (state.auto) {
      stopAndWait(state);
      state = null;
    } else if (state.version !== productVersion() || serverSettings(env).length > 0) {
      // A server the administrator started is theirs; a command that names no settings of its
      // own (no OMERO_DB_URL, no OMERO_LDAP_*) simply uses it.
      throw new ClientError(
        `The server of ${omeroDirs(env).userDir} (pid ${state.pid}, ${state.host}:${state.port}, version ${state.version}) was started ` +
          'with other settings (OMERO_DB_URL, OMERO_LDAP_*) or another version than this command: run `omero admin restart`, or use -s/-p to name a server',
      );
    }
  }
  state ??= startUserServer(env, fingerprint);
  return targetOf(state);
}

/** The address a recorded server is reached at. */
export function targetOf(state: ServerState): SocketTarget {
  const host = state.host === '0.0.0.0' ? '127.0.0.1' : state.host === '::' ? '::1' : state.host;
  return { host, port: state.port, tls: state.tls, serverId: state.serverId };
}

/** The `omero` command of this installation (bin/omero.js), which runs the server. */
export function omeroBin(): string {
  return fileURLToPath(new URL('../../../bin/omero.js', import.meta.url));
}

function startUserServer(env: NodeJS.ProcessEnv, fingerprint: string): ServerState {
  const dirs = omeroDirs(env);
  const lock = join(serverStatePath(env), '..', 'starting.lock');
  const deadline = Date.now() + START_WAIT_MS;
  for (;;) {
    const state = readServerState(env);
    if (state && state.fingerprint === fingerprint) return state;
    if (takeLock(lock)) break;
    // Another command is starting it: wait for its record.
    if (Date.now() > deadline) throw new ClientError(`No server started for ${dirs.userDir} within ${START_WAIT_MS / 1000} s (see ${join(dirs.userDir, 'log', 'server.log')})`);
    sleep(50);
  }
  try {
    const idle = env.OMERO_SERVER_IDLE_MINUTES ?? '10';
    // OMERO's port when it is free (other tools, and `-s localhost -p 4064` from other user
    // directories, can then reach it), else any free one (OMERO_SERVER_PORT=0: always any).
    const port = env.OMERO_SERVER_PORT ?? String(DEFAULT_PORT);
    const logFile = join(dirs.userDir, 'log', 'server.log');
    const args = ['admin', 'start', '--foreground', '--auto', '--port', port, '--port-fallback', '--idle-minutes', idle, '--log-file', logFile];
    return spawnServer(args, env, logFile, deadline - Date.now());
  } finally {
    rmSync(lock, { force: true });
  }
}

/**
 * Runs `omero ARGS` (an `admin start --foreground …`) detached from this process, its output
 * appended to `logFile`, and waits until it has recorded its address; or fails with the end of
 * its log when it exits first or takes longer than `waitMs`.
 */
export function spawnServer(args: readonly string[], env: NodeJS.ProcessEnv, logFile: string, waitMs = START_WAIT_MS): ServerState {
  mkdirSync(join(logFile, '..'), { recursive: true, mode: 0o700 });
  const log = openSync(logFile, 'a', 0o600);
  // The server never connects to a server itself (OMERO_SERVER=in-process keeps it from trying).
  const child = spawn(process.execPath, [omeroBin(), ...args], { detached: true, stdio: ['ignore', log, log], env: { ...env, OMERO_SERVER: 'in-process' } });
  closeSync(log);
  child.unref();
  const deadline = Date.now() + waitMs;
  for (;;) {
    const state = readServerState(env);
    if (state && state.pid === child.pid) return state;
    if (child.pid === undefined || !processAlive(child.pid) || Date.now() > deadline) {
      throw new ClientError(`The server for ${omeroDirs(env).userDir} did not start: ${lastLines(logFile)}`);
    }
    sleep(25);
  }
}

/** Stops an auto-started server and waits until it has released the database. */
export function stopAndWait(state: ServerState, waitMs = 30_000): boolean {
  try {
    process.kill(state.pid, 'SIGTERM');
  } catch {
    return true;
  }
  const end = Date.now() + waitMs;
  while (processAlive(state.pid)) {
    if (Date.now() > end) return false;
    sleep(25);
  }
  return true;
}

function takeLock(path: string): boolean {
  try {
    writeFileSync(path, String(process.pid), { flag: 'wx', mode: 0o600 });
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
      // No server directory yet: make it (0700), then try again.
      mkdirSync(join(path, '..'), { recursive: true, mode: 0o700 });
      return takeLock(path);
    }
    try {
      // A starter that crashed, or was stopped mid-start (a connection thread is ended without
      // waiting when its process exits), left its lock: its process is gone, or it is too old.
      const holder = Number(readFileSync(path, 'utf8'));
      const orphaned = Number.isSafeInteger(holder) && holder > 0 && holder !== process.pid && !processAlive(holder);
      if (orphaned || Date.now() - statSync(path).mtimeMs > STALE_LOCK_MS) rmSync(path, { force: true });
    } catch {
      /* gone meanwhile */
    }
    return false;
  }
}

function lastLines(file: string): string {
  try {
    return readFileSync(file, 'utf8').trim().split('\n').slice(-3).join(' | ') || 'no output';
  } catch {
    return 'no log';
  }
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
