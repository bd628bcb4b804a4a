import { ApiUsageException, ValidationException } from '../../../model/index.js';
import { SystemIds } from '../../security/index.js';

/**
 * The naming rules IAdmin and IUpdate share: logins are printable, without surrounding spaces or
 * separators that would break the session store's layout; root and guest keep their logins, and
 * the system groups (system, user, guest) their names.
 */
export function validateLogin(name: string): void {
  if (name.trim() === '' || name !== name.trim() || name.length > 255 || /[\x00-\x1f\x7f/]/.test(name)) {
    throw new ApiUsageException(`Invalid user name: ${JSON.stringify(name)}`);
  }
}

/** Refuses renaming root or guest. */
export function assertUserRenamable(id: number, currentName: string): void {
  if (id === SystemIds.ROOT_USER || id === SystemIds.GUEST_USER) {
    throw new ValidationException(`cannot change name of special experimenter '${currentName}'`);
  }
}

/** Refuses renaming the system groups. */
export function assertGroupRenamable(id: number, currentName: string): void {
  if (id <= SystemIds.GUEST_GROUP) throw new ValidationException(`cannot change name of special group '${currentName}'`);
}
