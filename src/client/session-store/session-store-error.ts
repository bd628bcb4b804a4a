/**
 * A session store failure the user can act on: the directory cannot be created or read, a file
 * is group/world accessible, a keyring call failed. `rc` is OMERO's return code for "Could not
 * access session dir" (155, reference cli §8); the message says what to do.
 */
export class SessionStoreError extends Error {
  /** OMERO's logical return code (process status = rc % 256). */
  readonly rc: number;
  /** The file or directory concerned, when there is one. */
  readonly path: string | undefined;

  constructor(message: string, options: { path?: string; rc?: number; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'SessionStoreError';
    this.rc = options.rc ?? 155;
    this.path = options.path;
  }
}
