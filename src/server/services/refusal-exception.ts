import {
  ApiUsageException,
  GroupSecurityViolation,
  PermissionMismatchGroupSecurityViolation,
  ReadOnlyGroupSecurityViolation,
  SecurityViolation,
  ValidationException,
  type ServerError,
} from '../../model/index.js';
import type { Refusal } from '../security/index.js';

/** The OMERO exception for a refusal reported by a security rule. */
export function refusalException(refusal: Refusal): ServerError {
  switch (refusal.kind) {
    case 'SecurityViolation':
      return new SecurityViolation(refusal.message);
    case 'GroupSecurityViolation':
      return new GroupSecurityViolation(refusal.message);
    case 'ReadOnlyGroupSecurityViolation':
      return new ReadOnlyGroupSecurityViolation(refusal.message);
    case 'PermissionMismatchGroupSecurityViolation':
      return new PermissionMismatchGroupSecurityViolation(refusal.message);
    case 'ApiUsageException':
      return new ApiUsageException(refusal.message);
    case 'ValidationException':
      return new ValidationException(refusal.message);
  }
}

/** Throws the refusal's exception, if there is a refusal. */
export function throwIfRefused(refusal: Refusal | null): void {
  if (refusal !== null) throw refusalException(refusal);
}
