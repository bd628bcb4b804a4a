import { randomBytes } from 'node:crypto';
import { quoteHost } from './quote-host.js';
import type { SecretStore } from './secret-store.js';
import { SessionStoreError } from './session-store-error.js';

/** The keyring service name every entry is filed under. */
export const KEYRING_SERVICE = 'omero-cli';

/** Entry options pinning Linux to the Secret Service (never the volatile kernel keyring). */
export const KEYRING_ENTRY_OPTIONS = { linux: { store: 'secret-service' } } as const;

/** The part of `@napi-rs/keyring`'s `AsyncEntry` we use. */
export interface KeyringEntry {
  setPassword(password: string, signal?: AbortSignal | null): Promise<void>;
  getPassword(signal?: AbortSignal | null): Promise<string | null>;
  deletePassword(signal?: AbortSignal | null): Promise<boolean>;
}

/** The part of the `@napi-rs/keyring` module we use; tests inject a fake with this shape. */
export interface KeyringModule {
  AsyncEntry: new (
    service: string,
    username: string,
    options?: { linux?: { store?: 'secret-service' | 'keyutils' } } | null,
  ) => KeyringEntry;
}

/**
 * Runs a keyring call with a deadline: the signal is handed to the native call and the promise
 * is raced against the timer, so a keyring waiting on an unlock dialog cannot hang the CLI.
 */
export async function withTimeout<T>(
  call: (signal: AbortSignal) => Promise<T>,
  ms: number,
  what: string,
): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new Error(`${what} timed out after ${ms} ms`));
    }, ms);
  });
  try {
    return await Promise.race([call(controller.signal), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Session keys in the OS keyring (`@napi-rs/keyring`, Secret Service on Linux, Keychain on macOS,
 * Credential Manager on Windows). Each key is filed under service `omero-cli`, account
 * `<quoted host>/<user>/<file id>`, where the file id is a random `kr-` + 32 hex digits that names
 * the (non-secret) session file.
 */
export class KeyringStore implements SecretStore {
  readonly kind = 'keyring' as const;
  readonly #keyring: KeyringModule;
  readonly #timeoutMs: number;

  /** `timeoutMs` bounds each keyring call (default 10 s). */
  constructor(keyring: KeyringModule, timeoutMs = 10_000) {
    this.#keyring = keyring;
    this.#timeoutMs = timeoutMs;
  }

  /** The keyring account for a session file. */
  static account(host: string, user: string, fileId: string): string {
    return `${quoteHost(host)}/${user}/${fileId}`;
  }

  async save(host: string, user: string, uuid: string, fileId?: string): Promise<string> {
    const id = fileId ?? `kr-${randomBytes(16).toString('hex')}`;
    await this.#call(host, user, id, 'store the session key in', (e, s) => e.setPassword(uuid, s));
    return id;
  }

  async load(host: string, user: string, fileId: string): Promise<string | null> {
    return this.#call(host, user, fileId, 'read the session key from', (e, s) => e.getPassword(s));
  }

  async delete(host: string, user: string, fileId: string): Promise<void> {
    await this.#call(host, user, fileId, 'delete the session key from', (e, s) => e.deletePassword(s));
  }

  async #call<T>(
    host: string,
    user: string,
    fileId: string,
    action: string,
    op: (entry: KeyringEntry, signal: AbortSignal) => Promise<T>,
  ): Promise<T> {
    const account = KeyringStore.account(host, user, fileId);
    try {
      const entry = new this.#keyring.AsyncEntry(KEYRING_SERVICE, account, KEYRING_ENTRY_OPTIONS);
      return await withTimeout((signal) => op(entry, signal), this.#timeoutMs, `keyring (${account})`);
    } catch (err) {
      const detail = err instanceof Error ? err.message : String(err);
      throw new SessionStoreError(
        `Could not ${action} the OS keyring (${account}): ${detail}. Set OMERO_KEYRING=0 to keep sessions in files.`,
        { cause: err },
      );
    }
  }
}
