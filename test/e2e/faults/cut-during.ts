import { inbox, startTsWorker } from '../../helpers/ts-worker.js';

/**
 * Runs `call` while a helper thread (lock-and-terminate.ts) holds `lock` and kills the backend of
 * whatever statement queues on it: the connection is cut exactly there, without sleeps.
 */
export async function cutDuring<T>(url: string, lock: string, call: () => T | Promise<T>): Promise<{ result: T; cut: { pid: number; query: string } | null }> {
  const injector = startTsWorker(new URL('./lock-and-terminate.ts', import.meta.url), { url, lock, timeoutMs: 60_000 });
  const messages = inbox<{ locked?: true; terminated?: { pid: number; query: string } | null }>(injector);
  try {
    await messages.next();
    // A blocking call freezes this thread; the injector runs in its own.
    const result = await call();
    const { terminated } = await messages.next();
    return { result, cut: terminated ?? null };
  } finally {
    await injector.terminate();
  }
}
