import { fileURLToPath } from 'node:url';
import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import { countWorkerThread } from '../../startup/startup-trace.js';

/** Which worker a ThreadTransport runs, and what it is given. */
export interface ThreadSpec {
  /** The worker's ES module, relative to src/ (or dist/), without extension: `server/worker/server-worker`. */
  readonly module: string;
  /** Its start-up bundle in dist/bundle (made by scripts/bundle.mjs), without extension. */
  readonly bundle: string;
  /** The function of the bundle that starts serving. */
  readonly start: string;
  /** What the worker reads from `workerData` besides the signal (structured-cloneable). */
  readonly data: Readonly<Record<string, unknown>>;
  /** The worker's environment; default this process's. */
  readonly env?: NodeJS.ProcessEnv;
}

/** A started worker thread and the counters it wakes its caller with (slot 0: replies; slot 1: failed to start). */
export interface SpawnedThread {
  readonly worker: Worker;
  readonly flag: Int32Array;
  /** Where the worker posts every reply (`ThreadReply`), read with `receiveMessageOnPort`. */
  readonly replies: MessagePort;
}

/** Starts the worker of `spec` (unref'd: it never keeps the process alive by itself). */
export function spawnThread(spec: ThreadSpec): SpawnedThread {
  const signal = new SharedArrayBuffer(8);
  const entry = new URL(`../../${spec.module}${extensionOf(import.meta.url)}`, import.meta.url).href;
  // Built code runs the worker's bundle through the CommonJS copy of the code-cache loader
  // (src/startup/bundle-loader.ts); without them, the ES modules.
  const bundle = fileURLToPath(new URL(`../../bundle/${spec.bundle}.cjs`, import.meta.url));
  const loader = fileURLToPath(new URL('../../bundle/bundle-loader.cjs', import.meta.url));
  // A tiny JS bootstrap: worker threads on Node 20 do not inherit tsx's hooks, so register them
  // when running from TypeScript sources.
  const bootstrap = `
    const { workerData } = require('node:worker_threads');
    (async () => {
      if (workerData.entry.endsWith('.ts')) {
        (await import('tsx/esm/api')).register();
        await import(workerData.entry);
      } else {
        const bundle = require('node:fs').existsSync(workerData.loader) ? require(workerData.loader).loadBundle(workerData.bundle) : null;
        if (bundle) bundle.exports[workerData.start]({ beforeShutdownReply: () => bundle.refreshCodeCache() });
        else await import(workerData.entry);
      }
    })().catch((e) => {
      console.error(e);
      const f = new Int32Array(workerData.signal);
      Atomics.store(f, 1, 1); Atomics.add(f, 0, 1); Atomics.notify(f, 0);
    });`;
  // One reply port for the thread's life: a channel per call cost about 30 µs of each call.
  const { port1: replies, port2: workerReplies } = new MessageChannel();
  const worker = new Worker(bootstrap, {
    eval: true,
    workerData: { ...spec.data, entry, bundle, loader, start: spec.start, signal, replies: workerReplies },
    transferList: [workerReplies],
    env: spec.env ?? process.env,
  });
  worker.unref();
  replies.unref();
  countWorkerThread();
  return { worker, flag: new Int32Array(signal), replies };
}

/**
 * Threads started before the code that uses them was even loaded (src/startup/launcher.ts starts
 * the connection thread of a shell off a terminal first thing), by what they were started for. A
 * global, so that the launcher's bundle and the command line's bundle (each with its own copy of
 * this module) share it.
 */
const EARLY = Symbol.for('omero-shell.early-threads');
type EarlyThreads = Map<string, SpawnedThread>;

function earlyThreads(): EarlyThreads {
  const g = globalThis as { [EARLY]?: EarlyThreads };
  return (g[EARLY] ??= new Map());
}

function keyOf(spec: ThreadSpec): string {
  return JSON.stringify([spec.module, spec.bundle, spec.start, spec.data, spec.env ?? process.env]);
}

/** Starts the thread of `spec` now, for the ThreadTransport that will ask for the same spec. */
export function spawnEarly(spec: ThreadSpec): void {
  const threads = earlyThreads();
  const key = keyOf(spec);
  if (!threads.has(key)) threads.set(key, spawnThread(spec));
}

/** The thread started early for exactly `spec`, if any (taken: it has one owner); else a new one. */
export function adoptOrSpawn(spec: ThreadSpec): SpawnedThread {
  const threads = earlyThreads();
  const key = keyOf(spec);
  const early = threads.get(key);
  if (!early) return spawnThread(spec);
  threads.delete(key);
  return early;
}

function extensionOf(url: string): string {
  return url.endsWith('.ts') ? '.ts' : '.js';
}
