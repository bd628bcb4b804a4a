import type { AsyncAdminService } from '../../client/async-proxies.js';
import { ExperimenterGroupI, ExperimenterI } from '../../model/index.js';
import { out, type CliIO } from '../cli-io.js';

/**
 * Membership changes one user at a time, each followed by OMERO's line on stdout
 * (omero-py `addusersbyid` … `removeownersbyid`, reference cli §1.2). A server refusal stops at
 * that user; the lines already printed say what was done.
 */
export class MembershipChanges {
  readonly #admin: AsyncAdminService;
  readonly #io: CliIO;

  constructor(admin: AsyncAdminService, io: CliIO) {
    this.#admin = admin;
    this.#io = io;
  }

  /** `Added <uid> to group <gid>` for each user. */
  async addUsers(groupId: number, userIds: readonly number[]): Promise<void> {
    for (const uid of userIds) {
      await this.#admin.addGroups(new ExperimenterI(uid, false), [new ExperimenterGroupI(groupId, false)]);
      out(this.#io, `Added ${uid} to group ${groupId}`);
    }
  }

  /** `Removed <uid> from group <gid>` for each user (owners stop being members too). */
  async removeUsers(groupId: number, userIds: readonly number[]): Promise<void> {
    for (const uid of userIds) {
      await this.#admin.removeGroups(new ExperimenterI(uid, false), [new ExperimenterGroupI(groupId, false)]);
      out(this.#io, `Removed ${uid} from group ${groupId}`);
    }
  }

  /** `Added <uid> to the owner list of group <gid>` for each user (members or not). */
  async addOwners(groupId: number, userIds: readonly number[]): Promise<void> {
    for (const uid of userIds) {
      await this.#admin.addGroupOwners(new ExperimenterGroupI(groupId, false), [new ExperimenterI(uid, false)]);
      out(this.#io, `Added ${uid} to the owner list of group ${groupId}`);
    }
  }

  /** `Removed <uid> from the owner list of group <gid>` for each user (they stay members). */
  async removeOwners(groupId: number, userIds: readonly number[]): Promise<void> {
    for (const uid of userIds) {
      await this.#admin.removeGroupOwners(new ExperimenterGroupI(groupId, false), [new ExperimenterI(uid, false)]);
      out(this.#io, `Removed ${uid} from the owner list of group ${groupId}`);
    }
  }

  /** `Set the default group of user <uid> to group <gid>`. */
  async setDefaultGroup(userId: number, groupId: number): Promise<void> {
    await this.#admin.setDefaultGroup(new ExperimenterI(userId, false), new ExperimenterGroupI(groupId, false));
    out(this.#io, `Set the default group of user ${userId} to group ${groupId}`);
  }
}
