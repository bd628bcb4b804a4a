/**
 * `omero.model.DetailsI`: ownership, group, events and permissions of a model object
 * (py `src/omero_model_DetailsI.py`). Ice prints its members with a leading underscore.
 */
import { IceData } from '../ice/ice-data.js';
import { iceClass, member } from '../ice/ice-members.js';
import { dictType, objectType } from '../ice/ice-type.js';
import type { PermissionsI } from '../permissions/permissions-i.js';
import type { EventI } from './event-i.js';
import type { ExperimenterGroupI } from './experimenter-group-i.js';
import type { ExperimenterI } from './experimenter-i.js';
import type { IObject } from './i-object.js';

/** Optional initial values of a {@link DetailsI}. */
export interface DetailsInit {
  owner?: ExperimenterI | null;
  group?: ExperimenterGroupI | null;
  creationEvent?: EventI | null;
  updateEvent?: EventI | null;
  permissions?: PermissionsI | null;
  externalInfo?: IObject | null;
}

/**
 * Details of a model object. Server results carry `owner`/`group` as unloaded proxies with ids
 * (`p.details.owner.id.val`), and always a loaded, immutable `permissions`.
 */
export class DetailsI extends IceData {
  static override readonly ice = iceClass('::omero::model::Details', null, [
    member('owner', objectType('::omero::model::Experimenter'), { iceName: '_owner' }),
    member('group', objectType('::omero::model::ExperimenterGroup'), { iceName: '_group' }),
    member('creationEvent', objectType('::omero::model::Event'), { iceName: '_creationEvent' }),
    member('updateEvent', objectType('::omero::model::Event'), { iceName: '_updateEvent' }),
    member('permissions', objectType('::omero::model::Permissions'), { iceName: '_permissions' }),
    member('externalInfo', objectType('::omero::model::ExternalInfo'), { iceName: '_externalInfo' }),
    member('_call', dictType('string', 'string')),
    member('_event', objectType('::omero::sys::EventContext')),
  ]);

  /** Owner (Experimenter). Default null. */
  declare owner: ExperimenterI | null;
  /** Group (ExperimenterGroup). Default null. */
  declare group: ExperimenterGroupI | null;
  /** Event that created the object. Default null. */
  declare creationEvent: EventI | null;
  /** Event of the last update. Default null. */
  declare updateEvent: EventI | null;
  /** Permissions of the object's group, with restrictions computed for the caller. Default null. */
  declare permissions: PermissionsI | null;
  /** ExternalInfo (not modelled further). Default null. */
  declare externalInfo: IObject | null;
  /** Ice-only call context; always null here (prints `{}`). */
  declare _call: Record<string, string> | null;
  /** Ice-only EventContext; always null here (prints `<nil>`). */
  declare _event: unknown;

  constructor(init: DetailsInit = {}) {
    super(init);
  }

  /** Owner. */
  getOwner(): ExperimenterI | null {
    return this.owner;
  }
  /** Sets the owner. */
  setOwner(owner: ExperimenterI | null): void {
    this.owner = owner;
  }
  /** Group. */
  getGroup(): ExperimenterGroupI | null {
    return this.group;
  }
  /** Sets the group. */
  setGroup(group: ExperimenterGroupI | null): void {
    this.group = group;
  }
  /** Creation event. */
  getCreationEvent(): EventI | null {
    return this.creationEvent;
  }
  /** Sets the creation event. */
  setCreationEvent(event: EventI | null): void {
    this.creationEvent = event;
  }
  /** Update event. */
  getUpdateEvent(): EventI | null {
    return this.updateEvent;
  }
  /** Sets the update event. */
  setUpdateEvent(event: EventI | null): void {
    this.updateEvent = event;
  }
  /** Permissions. */
  getPermissions(): PermissionsI | null {
    return this.permissions;
  }
  /** Sets the permissions. */
  setPermissions(permissions: PermissionsI | null): void {
    this.permissions = permissions;
  }
  /** External info. */
  getExternalInfo(): IObject | null {
    return this.externalInfo;
  }
  /** Sets the external info. */
  setExternalInfo(info: IObject | null): void {
    this.externalInfo = info;
  }
}
