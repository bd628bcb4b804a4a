import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import { toWire } from '../../model/index.js';
import type { Transport } from '../../client/transport/transport.js';
import type { HostMessage, Reply, WorkerMessage } from './python-protocol.js';
import type { PythonWorkerData } from './python-worker.js';

type ServerRequest = Parameters<Transport['request']>[0];
type ServerReply = ReturnType<Transport['request']>;

/** Where the Python worker's output goes. */
export interface PythonOutput {
  write(fd: 1 | 2, text: string): void;
}

/**
 * The main thread's side of the Python shell: starts the worker that runs Pyodide (it begins
 * loading at once, so that start-up overlaps the login), answers its calls to the server through
 * the shell's own transport, sends it lines and scripts, and interrupts it (Ctrl-C) by writing
 * Pyodide's interrupt buffer, which Python checks while it runs.
 */
export class PythonHost {
  readonly #worker: Worker;
  readonly #interrupt = new Uint8Array(new SharedArrayBuffer(1));
  readonly #relaySignal = new Int32Array(new SharedArrayBuffer(4));
  readonly #relay: MessagePort;
  readonly #pending: Array<(r: Reply) => void> = [];
  readonly #ready: Promise<void>;
  #transport: (() => Transport) | null = null;
  readonly #output: PythonOutput;
  #failed: Error | null = null;

  constructor(format: 'seed' | 'current', output: PythonOutput) {
    this.#output = output;
    const { port1, port2 } = new MessageChannel();
    this.#relay = port1;
    this.#relay.on('message', (request: ServerRequest) => this.#answer(request));
    this.#relay.unref();
    const entry = new URL('./python-worker' + (import.meta.url.endsWith('.ts') ? '.ts' : '.js'), import.meta.url).href;
    const workerData: PythonWorkerData & { entry: string } = {
      relayPort: port2,
      relaySignal: this.#relaySignal.buffer as SharedArrayBuffer,
      interrupt: this.#interrupt.buffer as SharedArrayBuffer,
      format,
      entry,
    };
    // Worker threads do not inherit tsx's hooks: register them when running from TypeScript sources.
    const bootstrap = `
      const { workerData } = require('node:worker_threads');
      (async () => {
        if (workerData.entry.endsWith('.ts')) (await import('tsx/esm/api')).register();
        await import(workerData.entry);
      })().catch((e) => require('node:worker_threads').parentPort.postMessage({ t: 'failed', message: String(e && e.stack || e) }));`;
    this.#worker = new Worker(bootstrap, { eval: true, workerData, transferList: [port2] });
    this.#ready = new Promise((resolve, reject) => {
      this.#worker.on('message', (m: WorkerMessage) => {
        if (m.t === 'ready') resolve();
        else if (m.t === 'failed') {
          this.#failed = new Error(`Python failed to start: ${m.message}`);
          reject(this.#failed);
        } else if (m.t === 'out') this.#output.write(m.fd, m.text);
        else if (m.t === 'reply') this.#pending.shift()?.(m.value);
      });
      this.#worker.on('error', (e) => {
        this.#failed = e;
        reject(e);
      });
      this.#worker.on('exit', () => {
        const e = this.#failed ?? new Error('the Python worker stopped');
        reject(e);
        for (const p of this.#pending.splice(0)) p({ exit: 1 });
      });
    });
    this.#ready.catch(() => undefined);
  }

  /** Resolves when Python has loaded (rejects if it could not). */
  ready(): Promise<void> {
    return this.#ready;
  }

  /** Where Python's calls go: asked for at the first call (a shell without login may never make one). */
  useTransport(transport: () => Transport): void {
    let made: Transport | null = null;
    this.#transport = () => (made ??= transport());
  }

  /** Sends one message; resolves with the worker's reply. */
  send(message: HostMessage): Promise<Reply> {
    return new Promise((resolve) => {
      this.#pending.push(resolve);
      this.#worker.postMessage(message);
    });
  }

  /** Raises KeyboardInterrupt in the running Python code (2 is SIGINT). */
  interrupt(): void {
    Atomics.store(this.#interrupt, 0, 2);
  }

  /** Stops the worker (the shell is leaving). */
  async close(): Promise<void> {
    this.#relay.close();
    await this.#worker.terminate();
  }

  #answer(request: ServerRequest): void {
    let reply: ServerReply;
    try {
      if (!this.#transport) throw new Error('not connected to a server');
      reply = this.#transport().request(request);
    } catch (e) {
      reply = { ok: false, error: toWire(e) };
    }
    this.#relay.postMessage(reply);
    Atomics.add(this.#relaySignal, 0, 1);
    Atomics.notify(this.#relaySignal, 0);
  }
}
