/**
 * `omero.SecurityViolation` and its group-specific subclasses.
 *
 * Hierarchy as in blitz `ServerErrors.ice` (what Python clients see): GroupSecurityViolation,
 * PermissionMismatchGroupSecurityViolation and ReadOnlyGroupSecurityViolation all extend
 * SecurityViolation directly. (The Java `ome.conditions` classes nest the latter two under
 * GroupSecurityViolation; the Ice mapping does not.)
 */
import { iceClass } from '../ice/ice-members.js';
import { nameException } from './ice-user-exception.js';
import { ServerError } from './server-error.js';

/** Not permitted: not a member, not an admin, "Cannot read …", "Old password is invalid". */
export class SecurityViolation extends ServerError {
  static override readonly ice = iceClass('::omero::SecurityViolation', ServerError.ice);
  static override readonly defaultServerExceptionClass: string = 'ome.conditions.SecurityViolation';
  static {
    nameException(this, 'SecurityViolation');
  }
}

/** Violation of a group's permission level. */
export class GroupSecurityViolation extends SecurityViolation {
  static override readonly ice = iceClass('::omero::GroupSecurityViolation', SecurityViolation.ice);
  static override readonly defaultServerExceptionClass: string = 'ome.conditions.GroupSecurityViolation';
  static {
    nameException(this, 'GroupSecurityViolation');
  }
}

/** Client-supplied permissions differ from the group's ("Manually setting permissions currently disallowed"). */
export class PermissionMismatchGroupSecurityViolation extends SecurityViolation {
  static override readonly ice = iceClass('::omero::PermissionMismatchGroupSecurityViolation', SecurityViolation.ice);
  static override readonly defaultServerExceptionClass: string =
    'ome.conditions.PermissionMismatchGroupSecurityViolation';
  static {
    nameException(this, 'PermissionMismatchGroupSecurityViolation');
  }
}

/** Write attempted in a read-only context. */
export class ReadOnlyGroupSecurityViolation extends SecurityViolation {
  static override readonly ice = iceClass('::omero::ReadOnlyGroupSecurityViolation', SecurityViolation.ice);
  static override readonly defaultServerExceptionClass: string = 'ome.conditions.ReadOnlyGroupSecurityViolation';
  static {
    nameException(this, 'ReadOnlyGroupSecurityViolation');
  }
}
