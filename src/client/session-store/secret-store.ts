/**
 * Where session keys (UUIDs) are kept. Chosen once per process by `openSecretStore()`
 * (node-ecosystem §2): the OS keyring when a working one is found, otherwise the file layout of
 * omero-py, where the key is the session file's name.
 *
 * Session files are addressed by a *file id*. With {@link FileStore} the file id is the key
 * itself (byte-compatible with omero-py). With `KeyringStore` it is a random, non-secret id and
 * the key lives in the keyring under the account `<quoted host>/<user>/<file id>`.
 */
export interface SecretStore {
  /** `'file'`: the key is the file name. `'keyring'`: the key is in the OS keyring. */
  readonly kind: 'file' | 'keyring';
  /**
   * Keeps `uuid` for host/user and returns the file id to name the session file. `fileId`
   * reuses an id already holding this session (a re-add overwrites it in place).
   */
  save(host: string, user: string, uuid: string, fileId?: string): Promise<string>;
  /** The key stored under a file id, or null when there is none. */
  load(host: string, user: string, fileId: string): Promise<string | null>;
  /** Forgets the key stored under a file id (no error when there is none). */
  delete(host: string, user: string, fileId: string): Promise<void>;
}
