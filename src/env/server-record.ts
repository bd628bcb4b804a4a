import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { omeroDirs } from './omero-dirs.js';

/**
 * What a running server records in `$OMERO_USERDIR/server/server.json`, so that commands without
 * `-s/-p` find the server of their user directory, and `omero admin status|stop` find it too.
 */
export interface ServerState {
  readonly pid: number;
  readonly host: string;
  readonly port: number;
  /** Whether clients must speak TLS. */
  readonly tls: boolean;
  /** A random id, also sent in the server's greeting: a client that finds another process on the port can tell. */
  readonly serverId: string;
  readonly version: string;
  /** The hash of the settings the server was started with (see settingsFingerprint). */
  readonly fingerprint: string;
  /** True for a server a command started by itself (it stops when idle and is replaced on a mismatch). */
  readonly auto: boolean;
  /** ISO time the server started. */
  readonly started: string;
  /** The database, described without a password. */
  readonly database: string;
}

/** Where the state of the user directory's server is kept. */
export function serverStatePath(env: NodeJS.ProcessEnv = process.env): string {
  return join(omeroDirs(env).userDir, 'server', 'server.json');
}

/** The recorded state, or null when none is recorded or its process is gone. */
export function readServerState(env: NodeJS.ProcessEnv = process.env): ServerState | null {
  let state: ServerState;
  try {
    state = JSON.parse(readFileSync(serverStatePath(env), 'utf8')) as ServerState;
  } catch {
    return null;
  }
  if (!Number.isSafeInteger(state?.pid) || !Number.isSafeInteger(state?.port) || !processAlive(state.pid)) return null;
  return state;
}

/** Records the state atomically (written aside, then renamed), readable by the user only. */
export function writeServerState(state: ServerState, env: NodeJS.ProcessEnv = process.env): void {
  const path = serverStatePath(env);
  mkdirSync(join(path, '..'), { recursive: true, mode: 0o700 });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(state, null, 2) + '\n', { mode: 0o600 });
  renameSync(tmp, path);
}

/** Removes the record, if it is still this process's. */
export function removeServerState(pid: number, env: NodeJS.ProcessEnv = process.env): void {
  try {
    const state = JSON.parse(readFileSync(serverStatePath(env), 'utf8')) as ServerState;
    if (state.pid === pid) rmSync(serverStatePath(env), { force: true });
  } catch {
    /* nothing recorded */
  }
}

/** Whether a process with this pid exists (signal 0 checks without sending anything). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
