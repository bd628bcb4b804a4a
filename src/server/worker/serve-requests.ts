import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { InternalException, toWire } from '../../model/index.js';
import type { DatabaseConfig } from '../db/database-config.js';
import { mapError } from '../errors/map-error.js';
import { OmeroServer } from '../omero-server.js';
import { replyToCaller, type ServerReply, type ThreadCancel, type ThreadEnvelope } from '../../contract/index.js';

/**
 * The in-process server: a worker thread that owns the database. Each reply goes back on the reply
 * port the thread was started with, with its request's id; then the worker bumps a shared counter
 * and wakes the blocked caller.
 */
interface WorkerInput {
  readonly signal: SharedArrayBuffer;
  readonly config: DatabaseConfig;
  readonly replies: MessagePort;
}

/** What the thread's starter may add. */
export interface ServeOptions {
  /** Runs after the database is closed on `shutdown`, before the reply (the bundle's code cache). */
  readonly beforeShutdownReply?: () => void;
}

/**
 * Opens the engine this worker thread was given (`workerData`) and answers the messages of its
 * parent, one at a time and in order: PGlite has one connection, and callers block anyway.
 * Exported rather than run on import so that loading the module has no effect (the build runs
 * the bundle's top level to make its code cache); server-worker.ts is the thread's entry.
 */
export function serveRequests(options: ServeOptions = {}): void {
  const { signal, config, replies } = workerData as WorkerInput;
  const flag = new Int32Array(signal);
  const ready: Promise<OmeroServer> = OmeroServer.open(config);
  ready.catch(() => undefined);
  let queue: Promise<void> = Promise.resolve();

  // Requests not yet answered, so that a cancel reaches one still queued or running.
  const pending = new Map<number, AbortController>();

  parentPort!.on('message', (message: ThreadEnvelope | ThreadCancel) => {
    if ('cancel' in message) {
      pending.get(message.cancel)?.abort();
      return;
    }
    const abort = new AbortController();
    pending.set(message.id, abort);
    queue = queue.then(() => answer(message, abort.signal)).finally(() => pending.delete(message.id));
  });

  async function answer({ id, request }: ThreadEnvelope, signal: AbortSignal): Promise<void> {
    let reply: ServerReply;
    try {
      const server = await ready;
      if (request.op === 'shutdown') {
        await server.close();
        options.beforeShutdownReply?.();
        reply = { ok: true, value: true };
      } else {
        reply = await server.handle(request, { signal });
      }
    } catch (e) {
      reply = { ok: false, error: toWire(e instanceof Error ? mapError(e) : new InternalException(String(e))) };
    }
    try {
      replyToCaller(replies, flag, { id, reply });
    } catch (e) {
      const error = toWire(new InternalException(`Cannot send the reply: ${(e as Error).message}`));
      replyToCaller(replies, flag, { id, reply: { ok: false, error } });
    }
  }
}
