import {
  ApiUsageException,
  PermissionDeniedException,
  RemovedSessionException,
  SecurityViolation,
  SessionTimeoutException,
} from '../../model/index.js';
import { CliError } from '../cli-error.js';
import { InputError } from '../input/input-error.js';

/** OMERO's login failures as CLI errors (reference cli §9.2 step 8, §10). */
export function loginFailure(e: unknown): CliError {
  if (e instanceof CliError) return e;
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
