/** `omero.sys.Roles`: ids and names of the built-in users and groups (`admin.getSecurityRoles()`). */
import { IceData } from '../ice/ice-data.js';
import { iceClass, member } from '../ice/ice-members.js';

/** Fields of {@link Roles}. */
export interface RolesFields {
  rootId: number;
  rootName: string;
  systemGroupId: number;
  systemGroupName: string;
  userGroupId: number;
  userGroupName: string;
  guestId: number;
  guestName: string;
  guestGroupId: number;
  guestGroupName: string;
}

/** Defaults are OMERO's: root 0, system 0, user 1, guest 1, guest group 2. */
export class Roles extends IceData {
  static override readonly ice = iceClass('::omero::sys::Roles', null, [
    member('rootId', 'long', { defaultValue: () => 0 }),
    member('rootName', 'string', { defaultValue: () => 'root' }),
    member('systemGroupId', 'long', { defaultValue: () => 0 }),
    member('systemGroupName', 'string', { defaultValue: () => 'system' }),
    member('userGroupId', 'long', { defaultValue: () => 1 }),
    member('userGroupName', 'string', { defaultValue: () => 'user' }),
    member('guestId', 'long', { defaultValue: () => 1 }),
    member('guestName', 'string', { defaultValue: () => 'guest' }),
    member('guestGroupId', 'long', { defaultValue: () => 2 }),
    member('guestGroupName', 'string', { defaultValue: () => 'guest' }),
  ]);

  /** Id of `root` (0). */
  declare rootId: number;
  /** `root`. */
  declare rootName: string;
  /** Id of the `system` group (0); membership makes an admin. */
  declare systemGroupId: number;
  /** `system`. */
  declare systemGroupName: string;
  /** Id of the `user` group (1); membership allows login. */
  declare userGroupId: number;
  /** `user`. */
  declare userGroupName: string;
  /** Id of `guest` (1). */
  declare guestId: number;
  /** `guest`. */
  declare guestName: string;
  /** Id of the `guest` group (2). */
  declare guestGroupId: number;
  /** `guest`. */
  declare guestGroupName: string;

  constructor(options?: Partial<RolesFields>);
  constructor(...args: unknown[]) {
    super(...args);
  }
}
