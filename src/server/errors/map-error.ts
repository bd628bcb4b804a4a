import {
  IceUserException,
  ApiUsageException,
  ConcurrencyException,
  DatabaseBusyException,
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
  // The client gave up on the call (interrupted or gone); it never reads this answer.
  if (err?.name === 'AbortError') return new InternalException('The call was cancelled by its client');
  if (err?.name === 'KnexTimeoutError') return new DatabaseBusyException('The database did not answer in time; try again');
  if (connectionLost(err)) return new DatabaseBusyException('The connection to the database was lost; try again');
  if (err instanceof OptimisticLockException) return err;
  return new InternalException(`Internal server error: ${err?.message ?? String(e)}`);
}

/** SQLSTATE classes and codes of a lost or refused connection (class 08, shutdown/termination 57P0x, 53300, 55000 for allow_connections). */
const CONNECTION_STATES = /^(08...|57P0[1-4]|53300|55000)$/;
/** Socket errors of the driver itself, which carry no SQLSTATE. */
const SOCKET_CODES: ReadonlySet<string> = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND']);

/**
 * Whether `err` says the database went away (killed backend, restart, refused connection) rather
 * than that the call was wrong: the faults suite cuts connections mid-call, and the caller must
 * get OMERO's "busy, try again" instead of an InternalException quoting the driver.
 */
function connectionLost(err: { code?: string; message?: string } | undefined): boolean {
  const code = err?.code ?? '';
  if (CONNECTION_STATES.test(code) || SOCKET_CODES.has(code)) return true;
  // node-postgres reports a socket closed under a query with a message and no code (Knex puts
  // the SQL in front of it, e.g. `ROLLBACK - Client has encountered a connection error …`).
  return /Connection terminated|Connection ended unexpectedly|Client has encountered a connection error/.test(err?.message ?? '');
}
