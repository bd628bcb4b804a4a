/**
 * `omero.sys.EventContext` (blitz `System.ice`; reference omero-api.md §2.6, omero-permissions.md §5.1):
 * who the caller is and in which group the call runs. Members in Slice order; the legacy print
 * (`iceStringify(ec, { legacy: true })`) drops `sudoerId`, `sudoerName` and `adminPrivileges`.
 */
import { IceData } from '../ice/ice-data.js';
import { describeMembers, iceClass, member } from '../ice/ice-members.js';
import { objectType, seqType } from '../ice/ice-type.js';
import { ICE_DESCRIBE, type IceDescribeOptions, type IceDescription } from '../ice/ice-value.js';
import type { PermissionsI } from '../permissions/permissions-i.js';
import type { RLongI } from '../rtypes/r-long-i.js';
import type { RStringI } from '../rtypes/r-string-i.js';

/** Fields of an {@link EventContext}. */
export interface EventContextFields {
  shareId: number;
  sessionId: number;
  sessionUuid: string;
  userId: number;
  userName: string;
  sudoerId: RLongI | null;
  sudoerName: RStringI | null;
  groupId: number;
  groupName: string;
  isAdmin: boolean;
  adminPrivileges: string[];
  eventId: number;
  eventType: string;
  memberOfGroups: number[];
  leaderOfGroups: number[];
  groupPermissions: PermissionsI | null;
}

const LEGACY_OMITTED = new Set(['sudoerId', 'sudoerName', 'adminPrivileges']);

/** The caller's context. Numbers default to 0, strings to '', lists to [], objects to null. */
export class EventContext extends IceData {
  static override readonly ice = iceClass('::omero::sys::EventContext', null, [
    member('shareId', 'long'),
    member('sessionId', 'long'),
    member('sessionUuid', 'string'),
    member('userId', 'long'),
    member('userName', 'string'),
    member('sudoerId', objectType('::omero::RLong')),
    member('sudoerName', objectType('::omero::RString')),
    member('groupId', 'long'),
    member('groupName', 'string'),
    member('isAdmin', 'bool'),
    member('adminPrivileges', seqType('string'), { defaultValue: () => [] }),
    member('eventId', 'long'),
    member('eventType', 'string'),
    member('memberOfGroups', seqType('long'), { defaultValue: () => [] }),
    member('leaderOfGroups', seqType('long'), { defaultValue: () => [] }),
    member('groupPermissions', objectType('::omero::model::Permissions')),
  ]);

  /** Share id, -1 when not in a share. */
  declare shareId: number;
  /** Database id of the session. */
  declare sessionId: number;
  /** Session key. */
  declare sessionUuid: string;
  /** Caller's experimenter id. */
  declare userId: number;
  /** Caller's login name. */
  declare userName: string;
  /** Id of the admin who sudo'ed into this session, or null. */
  declare sudoerId: RLongI | null;
  /** Name of that admin, or null. */
  declare sudoerName: RStringI | null;
  /** Active group id. */
  declare groupId: number;
  /** Active group name. */
  declare groupName: string;
  /** Member of the system group. */
  declare isAdmin: boolean;
  /** Light-admin privileges (`Chgrp`, `ModifyUser`…); empty for non-admins. */
  declare adminPrivileges: string[];
  /** Current event id, -1 for remote reads. */
  declare eventId: number;
  /** Event type, normally `User`. */
  declare eventType: string;
  /** Group ids the caller belongs to, default group first. */
  declare memberOfGroups: number[];
  /** Group ids the caller owns (leads). */
  declare leaderOfGroups: number[];
  /** Permissions of the active group (empty restrictions). */
  declare groupPermissions: PermissionsI | null;

  constructor(options?: Partial<EventContextFields>);
  constructor(...args: unknown[]) {
    super(...args);
  }

  /** Ice members; the legacy (OMERO 4.4/5.0) layout omits the ≥5.4 fields. */
  override [ICE_DESCRIBE](options: IceDescribeOptions): IceDescription {
    const spec = EventContext.ice;
    const members = describeMembers(this, spec);
    return {
      typeId: spec.typeId,
      members: options.legacy ? members.filter(([name]) => !LEGACY_OMITTED.has(name)) : members,
    };
  }
}
