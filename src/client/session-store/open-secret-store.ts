import { randomUUID } from 'node:crypto';
import { FileStore } from './file-store.js';
import {
  KEYRING_ENTRY_OPTIONS,
  KEYRING_SERVICE,
  KeyringStore,
  withTimeout,
  type KeyringModule,
} from './keyring-store.js';
import type { SecretStore } from './secret-store.js';

/** Options of {@link openSecretStore}; all default to the real process. */
export interface OpenSecretStoreOptions {
  /** Environment read for `OMERO_KEYRING`, `CI`, `DBUS_SESSION_BUS_ADDRESS`. Default `process.env`. */
  readonly env?: NodeJS.ProcessEnv;
  /** Platform, for the D-Bus rule (Linux only). Default `process.platform`. */
  readonly platform?: NodeJS.Platform;
  /** Loads the keyring module. Default: `import('@napi-rs/keyring')` (an optional dependency). */
  readonly loadKeyring?: () => Promise<KeyringModule>;
  /** Deadline of each probe call, in ms. Default 2000. */
  readonly probeTimeoutMs?: number;
  /** Deadline of each later keyring call, in ms. Default 10000. */
  readonly timeoutMs?: number;
}

/** The real module, imported only when every cheap test has passed. */
async function importKeyring(): Promise<KeyringModule> {
  return import('@napi-rs/keyring');
}

/**
 * Picks where session keys go, once per process (node-ecosystem §2):
 * 1. `OMERO_KEYRING=0` or `CI` set → files;
 * 2. Linux without `DBUS_SESSION_BUS_ADDRESS` → files (no Secret Service to talk to);
 * 3. `@napi-rs/keyring` cannot be imported (optional dependency missing) → files;
 * 4. a write probe — set a random nonce under a unique probe account, read it back, delete it,
 *    each step with a 2 s deadline — fails or reads back something else → files
 *    (a read alone cannot tell "no keyring" from "no entry"; a locked collection or a dismissed
 *    unlock prompt fails here);
 * 5. otherwise → the keyring, pinned to the Secret Service on Linux.
 *
 * Never throws: every failure means files. A {@link FileStore} carries the reason it was chosen.
 */
export async function openSecretStore(options: OpenSecretStoreOptions = {}): Promise<SecretStore> {
  const env = options.env ?? process.env;
  const platform = options.platform ?? process.platform;
  const probeMs = options.probeTimeoutMs ?? 2000;

  if (env.OMERO_KEYRING === '0') return new FileStore('OMERO_KEYRING=0');
  if (env.CI) return new FileStore('CI is set');
  if (platform === 'linux' && !env.DBUS_SESSION_BUS_ADDRESS) {
    return new FileStore('no D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is unset)');
  }

  let keyring: KeyringModule;
  try {
    keyring = await (options.loadKeyring ?? importKeyring)();
  } catch (err) {
    return new FileStore(`@napi-rs/keyring is not available: ${message(err)}`);
  }

  try {
    // A unique account, so two processes probing at once cannot delete each other's nonce.
    const probe = new keyring.AsyncEntry(KEYRING_SERVICE, `__probe__/${randomUUID()}`, KEYRING_ENTRY_OPTIONS);
    const nonce = randomUUID();
    await withTimeout((s) => probe.setPassword(nonce, s), probeMs, 'keyring probe (write)');
    const read = await withTimeout((s) => probe.getPassword(s), probeMs, 'keyring probe (read)');
    await withTimeout((s) => probe.deletePassword(s), probeMs, 'keyring probe (delete)');
    if (read !== nonce) return new FileStore('the keyring probe read back a different value');
  } catch (err) {
    return new FileStore(`the keyring probe failed: ${message(err)}`);
  }
  return new KeyringStore(keyring, options.timeoutMs);
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
