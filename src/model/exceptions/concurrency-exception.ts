/**
 * `omero.ConcurrencyException` family: recoverable errors caused by simultaneous access.
 * Extra members go in the second constructor argument: `new LockTimeout(msg, { backOff: 5000, seconds: 10 })`.
 */
import { iceClass, member } from '../ice/ice-members.js';
import { nameException } from './ice-user-exception.js';
import { ServerError, type ServerErrorInit } from './server-error.js';

/** Base concurrency exception; `backOff` is the suggested wait in milliseconds (default 0). */
export class ConcurrencyException extends ServerError {
  static override readonly ice = iceClass('::omero::ConcurrencyException', ServerError.ice, [
    member('backOff', 'long'),
  ]);
  static override readonly defaultServerExceptionClass: string = 'ome.conditions.ConcurrencyException';
  static {
    nameException(this, 'ConcurrencyException');
  }
  /** Suggested back-off in milliseconds. */
  declare backOff: number;
}

/** Data was changed concurrently (unused by the server). */
export class ConcurrentModification extends ConcurrencyException {
  static override readonly ice = iceClass('::omero::ConcurrentModification', ConcurrencyException.ice);
  static override readonly defaultServerExceptionClass: string = 'ome.conditions.ConcurrentModification';
  static {
    nameException(this, 'ConcurrentModification');
  }
}

/** Too many database users; nothing was saved. */
export class DatabaseBusyException extends ConcurrencyException {
  static override readonly ice = iceClass('::omero::DatabaseBusyException', ConcurrencyException.ice);
  static override readonly defaultServerExceptionClass: string = 'ome.conditions.DatabaseBusyException';
  static {
    nameException(this, 'DatabaseBusyException');
  }
}

/** Conflicting changes to the same data (stale `version`). */
export class OptimisticLockException extends ConcurrencyException {
  static override readonly ice = iceClass('::omero::OptimisticLockException', ConcurrencyException.ice);
  static override readonly defaultServerExceptionClass: string = 'ome.conditions.OptimisticLockException';
  static {
    nameException(this, 'OptimisticLockException');
  }
}

/**
 * A lock could not be acquired in time. Also raised client-side by `CmdCallbackI.loop`:
 * "Command unfinished after <n> seconds" with `backOff` 5000 and `seconds` = time waited.
 *
 * Besides the common `(message, serverExceptionClass | init, serverStackTrace)` form it accepts
 * omero-py's client-side order `(message, backOff, seconds)`: `new LockTimeout(msg, 5000, 10)`.
 */
export class LockTimeout extends ConcurrencyException {
  static override readonly ice = iceClass('::omero::LockTimeout', ConcurrencyException.ice, [
    member('seconds', 'long'),
  ]);
  static override readonly defaultServerExceptionClass: string = 'ome.conditions.LockTimeout';
  static {
    nameException(this, 'LockTimeout');
  }
  /** Informational: how long the timeout was, in seconds. */
  declare seconds: number;

  constructor(message = '', init?: string | number | ServerErrorInit, extra?: string | number) {
    super(message, ...lockTimeoutArgs(init, extra));
  }
}

function lockTimeoutArgs(
  init: string | number | ServerErrorInit | undefined,
  extra: string | number | undefined,
): [string | ServerErrorInit | undefined, string | undefined] {
  if (typeof init === 'number') return [{ backOff: init, seconds: typeof extra === 'number' ? extra : 0 }, undefined];
  return [init, typeof extra === 'string' ? extra : undefined];
}

/** Background processing is needed before the server is ready. */
export class TryAgain extends ConcurrencyException {
  static override readonly ice = iceClass('::omero::TryAgain', ConcurrencyException.ice);
  static override readonly defaultServerExceptionClass: string = 'ome.conditions.TryAgain';
  static {
    nameException(this, 'TryAgain');
  }
}

/** A pixel pyramid is still being generated. */
export class MissingPyramidException extends ConcurrencyException {
  static override readonly ice = iceClass('::omero::MissingPyramidException', ConcurrencyException.ice, [
    member('pixelsID', 'long'),
  ]);
  static override readonly defaultServerExceptionClass: string = 'ome.conditions.MissingPyramidException';
  static {
    nameException(this, 'MissingPyramidException');
  }
  /** Id of the pixels whose pyramid is missing. */
  declare pixelsID: number;
}
