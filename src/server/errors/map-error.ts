import {
  IceUserException,
  ApiUsageException,
  ConcurrencyException,
  InternalException,
  OptimisticLockException,
  OverUsageException,
  ServerError,
  ValidationException,
} from '../../model/index.js';

/**
 * Turns whatever a service threw into an OMERO exception. Our own exceptions pass through;
 * database errors become OMERO's classes by SQLSTATE; anything else is an InternalException
 * whose message names no SQL and no secret (advisory 2018-SV1: nothing sensitive in errors).
 */
export function mapError(e: unknown): ServerError | IceUserException {
  if (e instanceof IceUserException) return e;
  const err = e as { code?: string; detail?: string; message?: string; constraint?: string; name?: string };
  switch (err?.code) {
    case '23505':
      return new ValidationException(`Unique constraint violated: ${err.constraint ?? 'unique'}${err.detail ? ` (${err.detail})` : ''}`);
    case '23502':
      return new ValidationException(`not-null property references a null value: ${err.message ?? ''}`);
    case '23503':
      return new ValidationException(`Foreign key constraint violated: ${err.constraint ?? ''}${err.detail ? ` (${err.detail})` : ''}`);
    case '23514':
      return new ValidationException(`Check constraint violated: ${err.constraint ?? ''}`);
    case '40001':
    case '40P01':
      return new ConcurrencyException('The database aborted the call because of a concurrent change; try again');
    case '57014':
      return new OverUsageException('query failed, probable timeout');
    case '22P02':
    case '22003':
      return new ApiUsageException(`Invalid value: ${err.message ?? ''}`);
  }
  if (err?.name === 'KnexTimeoutError') return new InternalException('The database did not answer in time');
  if (err instanceof OptimisticLockException) return err;
  return new InternalException(`Internal server error: ${err?.message ?? String(e)}`);
}
