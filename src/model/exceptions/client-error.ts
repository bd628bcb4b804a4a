/**
 * Client-side exceptions of omero-py (`omero.ClientError` and subclasses). They are not Ice
 * exceptions: Python prints them as `omero.ClientError: <message>`.
 */
import { iceStringify } from '../ice/ice-print.js';
import { INSPECT_CUSTOM } from '../ice/inspect-custom.js';
import { nameException } from './ice-user-exception.js';

/** `omero.ClientError`: misuse detected on the client (e.g. "Proxies require an id", "Cannot write to val"). */
export class ClientError extends Error {
  static {
    nameException(this, 'ClientError');
  }

  constructor(message = '') {
    super(message);
  }

  /** Node REPL display: `ClientError: <message>`. */
  [INSPECT_CUSTOM](): string {
    return `${this.name}: ${this.message}`;
  }
}

/**
 * `omero.CmdError(err)`: a command finished with an `omero.cmd.ERR` response. The message is a newline
 * followed by the ERR's Ice dump, as Python's `str(CmdError)`.
 */
export class CmdError extends ClientError {
  static {
    nameException(this, 'CmdError');
  }

  /** The `omero.cmd.ERR` (or subclass) response. */
  err: unknown;

  constructor(err: unknown, message?: string) {
    super(message ?? `\n${iceStringify(err)}`);
    this.err = err;
  }
}

/** `omero.UnloadedEntityException`: an accessor was called on an unloaded object ("Object unloaded:<dump>"). */
export class UnloadedEntityException extends ClientError {
  static {
    nameException(this, 'UnloadedEntityException');
  }
}

/**
 * `omero.UnloadedCollectionException`: a collection method needed a collection that is not loaded.
 * omero-py raises UnloadedEntityException there; this class extends it so both `catch` styles work.
 */
export class UnloadedCollectionException extends UnloadedEntityException {
  static {
    nameException(this, 'UnloadedCollectionException');
  }
}
