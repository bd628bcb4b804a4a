import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { OMERO_BIN } from './cli-runner.js';

/** A real `omero admin start --foreground` process on a free port. */
export interface ServerProcess {
  readonly port: number;
  readonly pid: number;
  readonly child: ChildProcess;
  /** What the server wrote to stderr so far (its log, in the foreground). */
  log(): string;
  /** SIGTERM, and waits for the exit. */
  stop(): Promise<void>;
  /** SIGKILL (a crash), and waits for the exit. */
  kill(): Promise<void>;
}

/** A port nobody listens on right now. */
export async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const { port } = s.address() as { port: number };
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}

/** Starts a server process with `env` (its user dir, database) and waits until it listens. */
export async function startServerProcess(env: NodeJS.ProcessEnv, options: { port?: number; args?: readonly string[] } = {}): Promise<ServerProcess> {
  const port = options.port ?? (await freePort());
  const child = spawn(process.execPath, [OMERO_BIN, 'admin', 'start', '--foreground', '--port', String(port), ...(options.args ?? [])], {
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let text = '';
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (text += d));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start within 60 s: ${text}`)), 60_000);
    const check = (): void => {
      if (/listening on/.test(text)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stderr!.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${code}): ${text}`));
    });
  });
  const end = async (signal: NodeJS.Signals): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  return { port, pid: child.pid!, child, log: () => text, stop: () => end('SIGTERM'), kill: () => end('SIGKILL') };
}
