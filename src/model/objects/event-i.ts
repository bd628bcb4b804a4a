/** `omero.model.EventI`: who did something, when, in which group and session (immutable, global). */
import type { RStringI } from '../rtypes/r-string-i.js';
import type { RTimeI } from '../rtypes/r-time-i.js';
import type { CollectionMethods } from './collection-types.js';
import { defineModelClass } from './define-model-class.js';
import type { EventTypeI } from './event-type-i.js';
import type { ExperimenterGroupI } from './experimenter-group-i.js';
import type { ExperimenterI } from './experimenter-i.js';
import type { FieldAccessors } from './field-accessors.js';
import { IObject } from './i-object.js';
import { collection, field, modelMeta, ref } from './model-meta.js';
import type { SessionI } from './session-i.js';

/** An Event (`ome.model.meta.Event`); has no `_version`. */
export class EventI extends IObject {
  static override readonly meta = modelMeta({
    shortName: 'Event',
    serverClass: 'ome.model.meta.Event',
    global: true,
    versioned: false,
    members: [
      field('status', 'string'),
      field('time', 'time', { required: true }),
      ref('experimenter', 'Experimenter', { required: true }),
      ref('experimenterGroup', 'ExperimenterGroup', { required: true }),
      ref('type', 'EventType', { required: true }),
      ref('containingEvent', 'Event'),
      collection('logs', 'EventLog'),
      ref('session', 'Session'),
    ],
  });

  /** Status (RString). */
  declare status: RStringI | null;
  /** When (RTime, ms since epoch; required). */
  declare time: RTimeI | null;
  /** Acting user. */
  declare experimenter: ExperimenterI | null;
  /** Active group. */
  declare experimenterGroup: ExperimenterGroupI | null;
  /** Event type (e.g. `User`). */
  declare type: EventTypeI | null;
  /** Enclosing event. */
  declare containingEvent: EventI | null;
  /** Event logs (not modelled); null when unloaded. */
  declare _logsSeq: IObject[] | null;
  /** Whether `logs` is loaded. */
  declare _logsLoaded: boolean;
  /** Session in which the event happened. */
  declare session: SessionI | null;
}
export interface EventI
  extends FieldAccessors<{
      status: RStringI | null;
      time: RTimeI | null;
      experimenter: ExperimenterI | null;
      experimenterGroup: ExperimenterGroupI | null;
      type: EventTypeI | null;
      containingEvent: EventI | null;
      session: SessionI | null;
    }>,
    CollectionMethods<'Logs', 'EventLog', IObject> {}
defineModelClass(EventI);
