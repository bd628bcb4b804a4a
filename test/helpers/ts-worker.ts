import { Worker } from 'node:worker_threads';

/**
 * A worker thread running the TypeScript module at `entry` (a file URL) with `workerData`.
 * Worker threads on Node 20 do not inherit tsx's hooks, so a small bootstrap registers them first
 * (as WorkerTransport does for the server thread).
 */
export function startTsWorker(entry: URL, workerData: unknown, env: NodeJS.ProcessEnv = process.env): Worker {
  const bootstrap = `
    const { workerData } = require('node:worker_threads');
    (async () => { (await import('tsx/esm/api')).register(); await import(workerData.entry); })();`;
  return new Worker(bootstrap, { eval: true, workerData: { ...(workerData as object), entry: entry.href }, env });
}

/**
 * The messages of `worker`, in order: `next()` resolves with the next one, also when it arrived
 * before `next()` was called (a worker's messages are not queued for late listeners). Rejects on
 * the worker's error, or its exit with no message left.
 */
export function inbox<T>(worker: Worker): { next(): Promise<T> } {
  const arrived: T[] = [];
  const waiting: { resolve(m: T): void; reject(e: Error): void }[] = [];
  let failure: Error | null = null;
  worker.on('message', (m: T) => (waiting.length > 0 ? waiting.shift()!.resolve(m) : arrived.push(m)));
  const fail = (e: Error) => {
    failure = e;
    for (const w of waiting.splice(0)) w.reject(e);
  };
  worker.once('error', fail);
  worker.once('exit', (code) => fail(new Error(`worker exited with ${code} and no message`)));
  return {
    next: () =>
      arrived.length > 0 ? Promise.resolve(arrived.shift()!) : failure ? Promise.reject(failure) : new Promise<T>((resolve, reject) => waiting.push({ resolve, reject })),
  };
}
