import type { AdminServicePrx } from '../../client/services/admin-service-prx.js';
import { ExperimenterGroupI, ExperimenterI } from '../../model/index.js';
import { out, type CliIO } from '../cli-io.js';

/**
 * Membership changes one user at a time, each followed by OMERO's line on stdout
 * (omero-py `addusersbyid` … `removeownersbyid`, reference cli §1.2). A server refusal stops at
 * that user; the lines already printed say what was done.
 */
export class MembershipChanges {
  readonly #admin: AdminServicePrx;
  readonly #io: CliIO;

  constructor(admin: AdminServicePrx, io: CliIO) {
    this.#admin = admin;
    this.#io = io;
  }

  /** `Added <uid> to group <gid>` for each user. */
  addUsers(groupId: number, userIds: readonly number[]): void {
    for (const uid of userIds) {
      this.#admin.addGroups(new ExperimenterI(uid, false), [new ExperimenterGroupI(groupId, false)]);
      out(this.#io, `Added ${uid} to group ${groupId}`);
    }
  }

  /** `Removed <uid> from group <gid>` for each user (owners stop being members too). */
  removeUsers(groupId: number, userIds: readonly number[]): void {
    for (const uid of userIds) {
      this.#admin.removeGroups(new ExperimenterI(uid, false), [new ExperimenterGroupI(groupId, false)]);
      out(this.#io, `Removed ${uid} from group ${groupId}`);
    }
  }

  /** `Added <uid> to the owner list of group <gid>` for each user (members or not). */
  addOwners(groupId: number, userIds: readonly number[]): void {
    for (const uid of userIds) {
      this.#admin.addGroupOwners(new ExperimenterGroupI(groupId, false), [new ExperimenterI(uid, false)]);
      out(this.#io, `Added ${uid} to the owner list of group ${groupId}`);
    }
  }

  /** `Removed <uid> from the owner list of group <gid>` for each user (they stay members). */
  removeOwners(groupId: number, userIds: readonly number[]): void {
    for (const uid of userIds) {
      this.#admin.removeGroupOwners(new ExperimenterGroupI(groupId, false), [new ExperimenterI(uid, false)]);
      out(this.#io, `Removed ${uid} from the owner list of group ${groupId}`);
    }
  }

  /** `Set the default group of user <uid> to group <gid>`. */
  setDefaultGroup(userId: number, groupId: number): void {
    this.#admin.setDefaultGroup(new ExperimenterI(userId, false), new ExperimenterGroupI(groupId, false));
    out(this.#io, `Set the default group of user ${userId} to group ${groupId}`);
  }
}
