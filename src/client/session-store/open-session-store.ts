import { omeroDirs } from '../../env/omero-dirs.js';
import { openSecretStore, type OpenSecretStoreOptions } from './open-secret-store.js';
import { SessionStore } from './session-store.js';

/**
 * The session store of this process: `$OMERO_SESSIONDIR` (or its defaults, reference cli §8)
 * with keys in the OS keyring when `openSecretStore()` finds a working one, else in files.
 * Call it once per process; the keyring probe costs a few keyring round trips.
 */
export async function openSessionStore(options: OpenSecretStoreOptions = {}): Promise<SessionStore> {
  const env = options.env ?? process.env;
  return new SessionStore(omeroDirs(env).sessionDir, await openSecretStore({ ...options, env }));
}
