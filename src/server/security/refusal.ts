/**
 * Why a write is refused, as the pure rules report it: the OMERO exception class to raise and its
 * message. The rules never throw; the services turn a refusal into the exception
 * (`services/refusal-exception.ts`).
 */

/** The OMERO exception classes a write rule may ask for (reference permissions §2.6). */
export type RefusalKind =
  | 'SecurityViolation'
  | 'GroupSecurityViolation'
  | 'ReadOnlyGroupSecurityViolation'
  | 'PermissionMismatchGroupSecurityViolation'
  | 'ApiUsageException'
  | 'ValidationException';

/** A refused write. */
export interface Refusal {
  readonly kind: RefusalKind;
  readonly message: string;
}

/** Shorthand for a refusal. */
export function refuse(kind: RefusalKind, message: string): Refusal {
  return { kind, message };
}
