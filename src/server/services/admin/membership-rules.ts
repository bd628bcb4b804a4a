import { ValidationException } from '../../../model/index.js';
import { SystemIds } from '../../security/index.js';

/**
 * OMERO's rules on leaving groups (reference permissions §5.2, field notes "Invariants"): root
 * stays in system and user, nobody removes themselves from them, and a user keeps a default group
 * that is not `user`. `remaining` is the user's groups after the change. Throws ValidationException.
 */
export function assertMembershipRemovable(userId: number, callerId: number, removed: readonly number[], remaining: readonly number[]): void {
  const special: number[] = [SystemIds.SYSTEM_GROUP, SystemIds.USER_GROUP];
  if (userId === SystemIds.ROOT_USER && removed.some((g) => special.includes(g))) {
    throw new ValidationException('experimenter root may not be removed from the system or user group');
  }
  if (userId === callerId && removed.some((g) => special.includes(g))) {
    throw new ValidationException('experimenter may not remove themselves from the system or user group');
  }
  if (remaining.length === 0) throw new ValidationException('experimenter must remain a member of some group');
  if (remaining.length === 1 && remaining[0] === SystemIds.USER_GROUP) {
    throw new ValidationException("experimenter cannot be a member of only the 'user' group, a different default group is also required");
  }
}
