/**
 * Login failures: `Glacier2.PermissionDeniedException`, `Glacier2.CannotCreateSessionException` and
 * OMERO's subclasses of the latter (blitz `ServerErrors.ice`). Each carries a `reason`, also the message.
 */
import { iceClass, member } from '../ice/ice-members.js';
import { IceUserException, nameException } from './ice-user-exception.js';

/** Bad credentials: `reason` e.g. "Password check failed for 'user-2': [id=10]". */
export class PermissionDeniedException extends IceUserException {
  static override readonly ice = iceClass('::Glacier2::PermissionDeniedException', null, [member('reason', 'string')]);
  static {
    nameException(this, 'PermissionDeniedException');
  }
  /** Why login was refused. */
  reason: string;

  constructor(reason = '') {
    super(reason);
    this.reason = reason;
  }
}

/** Session creation failed for a reason other than the password check. */
export class CannotCreateSessionException extends IceUserException {
  static override readonly ice = iceClass('::Glacier2::CannotCreateSessionException', null, [
    member('reason', 'string'),
  ]);
  static {
    nameException(this, 'CannotCreateSessionException');
  }
  /** Why the session could not be created. */
  reason: string;

  constructor(reason = '') {
    super(reason);
    this.reason = reason;
  }
}

/** `omero.AuthenticationException`: bad login. */
export class AuthenticationException extends CannotCreateSessionException {
  static override readonly ice = iceClass('::omero::AuthenticationException', CannotCreateSessionException.ice);
  static {
    nameException(this, 'AuthenticationException');
  }
}

/** `omero.ExpiredCredentialException`: the password has expired. */
export class ExpiredCredentialException extends CannotCreateSessionException {
  static override readonly ice = iceClass('::omero::ExpiredCredentialException', CannotCreateSessionException.ice);
  static {
    nameException(this, 'ExpiredCredentialException');
  }
}

/**
 * `omero.WrappedCreateSessionException(reason, concurrency, backOff, type)`: any other server error during
 * createSession; `concurrency` true means retry after `backOff` ms; `type` is the wrapped Ice type.
 */
export class WrappedCreateSessionException extends CannotCreateSessionException {
  static override readonly ice = iceClass('::omero::WrappedCreateSessionException', CannotCreateSessionException.ice, [
    member('concurrency', 'bool'),
    member('backOff', 'long'),
    member('type', 'string'),
  ]);
  static {
    nameException(this, 'WrappedCreateSessionException');
  }
  /** True when the failure was a concurrency problem worth retrying. */
  concurrency: boolean;
  /** Milliseconds to wait before retrying. */
  backOff: number;
  /** Ice type of the wrapped exception. */
  type: string;

  constructor(reason = '', concurrency = false, backOff = 0, type = '') {
    super(reason);
    this.concurrency = concurrency;
    this.backOff = backOff;
    this.type = type;
  }
}
