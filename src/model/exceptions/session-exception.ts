/**
 * `omero.SessionException` family: the session is gone or expiring.
 */
import { iceClass } from '../ice/ice-members.js';
import { nameException } from './ice-user-exception.js';
import { ServerError } from './server-error.js';

/** Base session exception. */
export class SessionException extends ServerError {
  static override readonly ice = iceClass('::omero::SessionException', ServerError.ice);
  static override readonly defaultServerExceptionClass: string = 'ome.conditions.SessionException';
  static {
    nameException(this, 'SessionException');
  }
}

/** The session was closed, or timed out and was removed. */
export class RemovedSessionException extends SessionException {
  static override readonly ice = iceClass('::omero::RemovedSessionException', SessionException.ice);
  static override readonly defaultServerExceptionClass: string = 'ome.conditions.RemovedSessionException';
  static {
    nameException(this, 'RemovedSessionException');
  }
}

/** The session timed out and will be removed. */
export class SessionTimeoutException extends SessionException {
  static override readonly ice = iceClass('::omero::SessionTimeoutException', SessionException.ice);
  static override readonly defaultServerExceptionClass: string = 'ome.conditions.SessionTimeoutException';
  static {
    nameException(this, 'SessionTimeoutException');
  }
}

/** The server is shutting down; the session will most likely be destroyed. */
export class ShutdownInProgress extends SessionException {
  static override readonly ice = iceClass('::omero::ShutdownInProgress', SessionException.ice);
  static override readonly defaultServerExceptionClass: string = 'ome.conditions.ShutdownInProgress';
  static {
    nameException(this, 'ShutdownInProgress');
  }
}
