import type { SecretStore } from './secret-store.js';

/**
 * omero-py's own scheme: the session key is the session file's name, so there is nothing else
 * to store. The file is protected by its 0600 mode inside 0700 directories.
 */
export class FileStore implements SecretStore {
  readonly kind = 'file' as const;
  /** Why `openSecretStore()` chose files over the keyring (for `--debug` output); '' if asked for. */
  readonly reason: string;

  constructor(reason = '') {
    this.reason = reason;
  }

  /** The file id is the key itself. */
  async save(_host: string, _user: string, uuid: string): Promise<string> {
    return uuid;
  }

  /** The key is the file id. */
  async load(_host: string, _user: string, fileId: string): Promise<string | null> {
    return fileId;
  }

  /** Nothing to forget: deleting the session file deletes the key. */
  async delete(): Promise<void> {}
}
