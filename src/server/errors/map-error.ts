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
import { STALE_FACTS_SQLSTATE } from '../db/migrations/0003-security-epoch.js';
import { logServerError, newErrorId } from './server-log.js';

/**
 * Turns whatever a service threw into an OMERO exception. Our own exceptions pass through;
 * database errors become OMERO's classes by SQLSTATE; a bad value (class 22) or a query the
 * database refuses (class 42) is an ApiUsageException, anything else an InternalException; their
 * messages name no SQL, no value and no secret (advisory 2018-SV1, issue 11), only a short id
 * that the server log explains (`server-log.ts`).
 */
export function mapError(e: unknown): ServerError | IceUserException {
  if (e instanceof IceUserException) return e;
  const err = e as { code?: string; detail?: string; message?: string; constraint?: string; name?: string; table?: string; column?: string };
  const code = typeof err?.code === 'string' ? err.code : '';
  switch (code) {
    case '23505':
      return new ValidationException(`Unique constraint violated: ${err.constraint ?? 'unique'}${err.detail ? ` (${err.detail})` : ''}`);
    case '23502':
      return new ValidationException(`not-null property references a null value: ${[err.table, err.column].filter(Boolean).join('.') || 'a required field'}`);
    case '23503':
      return new ValidationException(`Foreign key constraint violated: ${err.constraint ?? ''}${err.detail ? ` (${err.detail})` : ''}`);
    case '23514':
      return new ValidationException(`Check constraint violated: ${err.constraint ?? ''}`);
    case '40001':
    case '40P01':
      return new ConcurrencyException('The database aborted the call because of a concurrent change; try again');
    case '57014':
      return new OverUsageException('query failed, probable timeout');
    case STALE_FACTS_SQLSTATE:
      // Only when the caller's memberships or session kept changing while the call was rerun.
      return new ConcurrencyException("The caller's groups or session changed during the call; try again");
  }
  // The client gave up on the call (interrupted or gone); it never reads this answer.
  if (err?.name === 'AbortError') return new InternalException('The call was cancelled by its client');
  if (err?.name === 'KnexTimeoutError') return new DatabaseBusyException('The database did not answer in time; try again');
  if (connectionLost(err)) return new DatabaseBusyException('The connection to the database was lost; try again');
  if (err instanceof OptimisticLockException) return err;
  // Everything else names neither SQL nor values: a short id, which the server log explains.
  const id = newErrorId();
  if (code.startsWith('22')) {
    logServerError(id, 'invalid value', e);
    return new ApiUsageException(`Invalid value: ${DATA_EXCEPTIONS[code] ?? 'the database cannot store or compare it'} (error id ${id})`);
  }
  if (code.startsWith('42')) {
    logServerError(id, 'query refused', e);
    return new ApiUsageException(`The query cannot be run on these values or columns (error id ${id})`);
  }
  logServerError(id, 'internal error', e);
  return new InternalException(`Internal server error (error id ${id}; the server log explains it)`);
}

/** What a data exception (SQLSTATE class 22) means, in words that quote nothing. */
const DATA_EXCEPTIONS: Readonly<Record<string, string>> = {
  '22P02': 'not a valid number or literal of its type',
  '22003': 'a number is out of range',
  '22021': 'text may not contain NUL bytes or invalid characters',
  '22P05': 'text may not contain NUL bytes or invalid characters',
  '22001': 'a text is too long',
  '22008': 'a date or time is out of range',
  '22007': 'not a valid date or time',
  '22012': 'division by zero',
  '2201B': 'not a valid regular expression',
  '22025': 'not a valid LIKE escape',
};

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
