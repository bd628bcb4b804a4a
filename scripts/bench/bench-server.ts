import { spawn } from 'node:child_process';
import { readServerState, type ServerState } from '../../src/env/server-record.js';
import { OMERO_BIN } from './engines.js';

/** A real `omero admin start --foreground` process of a bench environment. */
export interface BenchServer {
  readonly port: number;
  /** What it recorded in its user directory (address, TLS, server id). */
  readonly state: ServerState;
  /** SIGTERM, and waits for the exit. */
  stop(): Promise<void>;
}

/**
 * Starts a server process on the bench environment's database (`env`: its user directory and
 * database settings) on a free port, and waits until it has recorded where it listens.
 */
export async function startBenchServer(env: NodeJS.ProcessEnv): Promise<BenchServer> {
  const child = spawn(process.execPath, [OMERO_BIN, 'admin', 'start', '--foreground', '--port', '0'], { env, stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  for (let waited = 0; ; waited += 25) {
    const state = readServerState(env);
    if (state && state.pid === child.pid) return { port: state.port, state, stop };
    if (child.exitCode !== null || waited > 60_000) {
      await stop();
      throw new Error('the bench server did not start');
    }
    await new Promise((r) => setTimeout(r, 25));
  }
}
