import {
  ApiUsageException,
  ConnectionRefusedException,
  DNSException,
  IceLocalException,
  PermissionDeniedException,
  RemovedSessionException,
  SecurityViolation,
  SessionTimeoutException,
} from '../../model/index.js';
import { CliError } from '../cli-error.js';
import { InputError } from '../input/input-error.js';

/**
 * A server that cannot be reached, in OMERO's terms (reference cli §9.2 step 8): rc 554 refused
 * (`Ice.ConnectionRefusedException: host:port isn't running`), 555 unknown host, 556 anything
 * else (not an omero-shell server, connection lost); null for other failures.
 */
export function connectionFailure(e: unknown): CliError | null {
  if (e instanceof ConnectionRefusedException) return new CliError(554, `Ice.ConnectionRefusedException: ${e.message}`);
  if (e instanceof DNSException) return new CliError(555, `Ice.DNSException: ${e.message}`);
  if (e instanceof IceLocalException) return new CliError(556, `Ice.${e.name}: ${e.message}`);
  return null;
}

/** OMERO's login failures as CLI errors (reference cli §9.2 step 8, §10). */
export function loginFailure(e: unknown): CliError {
  if (e instanceof CliError) return e;
  const unreachable = connectionFailure(e);
  if (unreachable) return unreachable;
  // No terminal to ask on (rc 564), an empty --password-stdin, Ctrl-C at a prompt (rc 1, `Cancelled`).
  if (e instanceof InputError) return new CliError(e.rc, e.message);
  if (e instanceof SecurityViolation) return new CliError(557, `SecurityViolation: ${e.message}`);
  if (e instanceof RemovedSessionException || e instanceof SessionTimeoutException) {
    return new CliError(525, `User account error: ${e.message}.`);
  }
  if (e instanceof PermissionDeniedException) return new CliError(524, e.message);
  if (e instanceof ApiUsageException) return new CliError(556, `InternalException: Failed to connect: ${e.message}`);
  return new CliError(556, `InternalException: Failed to connect: ${(e as { message?: string })?.message ?? String(e)}`);
}
