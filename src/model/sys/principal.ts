/** `omero.sys.Principal`: identity used to create a session (`name`, `group`, `eventType`). */
import { IceData } from '../ice/ice-data.js';
import { iceClass, member } from '../ice/ice-members.js';

/** Fields of a {@link Principal}. */
export interface PrincipalFields {
  name: string;
  group: string;
  eventType: string;
}

/** A login principal; all members default to `''`. */
export class Principal extends IceData {
  static override readonly ice = iceClass('::omero::sys::Principal', null, [
    member('name', 'string'),
    member('group', 'string'),
    member('eventType', 'string'),
  ]);

  /** User name. */
  declare name: string;
  /** Group name. */
  declare group: string;
  /** Event type, e.g. `User`. */
  declare eventType: string;

  constructor(options: Partial<PrincipalFields>);
  constructor(name?: string, group?: string, eventType?: string);
  constructor(...args: unknown[]) {
    super(...args);
  }
}
