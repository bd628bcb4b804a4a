import type { OmeroClient } from '../client/omero-client.js';

/** OMERO's client pings every 300 s by default (`omero.keepalive`). */
const DEFAULT_PERIOD_MS = 300_000;

/**
 * Keeps the shell's session alive while the shell is open, as OMERO's client keep-alive does:
 * a `keepAlive` every half idle timeout (at most every 300 s). Calls block, so a tick only runs
 * between statements; a statement that runs for long touches the session itself.
 */
export class SessionKeeper {
  readonly #client: OmeroClient;
  #timer: NodeJS.Timeout | null = null;

  constructor(client: OmeroClient) {
    this.#client = client;
  }

  /** (Re)starts the timer for the client's current session. */
  start(): void {
    this.stop();
    const idle = Number(this.#client.getSessionInfo()?.timeToIdleMs ?? 0);
    const period = idle > 0 ? Math.max(1000, Math.min(DEFAULT_PERIOD_MS, Math.floor(idle / 2))) : DEFAULT_PERIOD_MS;
    this.#timer = setInterval(() => this.ping(), period);
    this.#timer.unref();
  }

  /** One keep-alive; false when the session is gone (the next statement says so). */
  ping(): boolean {
    try {
      return this.#client.getSession().keepAlive(null) !== false;
    } catch {
      return false;
    }
  }

  stop(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
  }
}

/** Whether `e` says the session is over (idle timeout, closed, expired), by name across realms. */
export function isSessionEnded(e: unknown): boolean {
  const name = (e as { constructor?: { name?: string } } | null)?.constructor?.name ?? '';
  return ['SessionTimeoutException', 'RemovedSessionException', 'SessionException'].includes(name) || /No session available/.test(String((e as Error)?.message ?? ''));
}
