/** `omero.model.SessionI` (model `meta.ome.xml`). */
import type { RLongI } from '../rtypes/r-long-i.js';
import type { RStringI } from '../rtypes/r-string-i.js';
import type { RTimeI } from '../rtypes/r-time-i.js';
import type { AnnotationI } from './annotations/annotation-i.js';
import { SessionAnnotationLinkI } from './annotation-links.js';
import type { CollectionMethods, CountMap, LinkCollection } from './collection-types.js';
import { defineModelClass } from './define-model-class.js';
import type { EventI } from './event-i.js';
import type { ExperimenterI } from './experimenter-i.js';
import type { FieldAccessors } from './field-accessors.js';
import { IObject } from './i-object.js';
import { annotationLinks, collection, field, modelMeta, ref } from './model-meta.js';

/**
 * A login session (`ome.model.meta.Session`, global): `uuid` is the session key; `owner` the user,
 * `sudoer` the admin who opened it for them; `timeToIdle`/`timeToLive` in milliseconds.
 */
export class SessionI extends IObject {
  static override readonly meta = modelMeta({
    shortName: 'Session',
    serverClass: 'ome.model.meta.Session',
    global: true,
    members: [
      ref('node', 'Node'),
      field('uuid', 'string', { required: true, unique: true }),
      ref('owner', 'Experimenter', { required: true }),
      ref('sudoer', 'Experimenter'),
      field('timeToIdle', 'long', { required: true }),
      field('timeToLive', 'long', { required: true }),
      field('started', 'time', { required: true }),
      field('closed', 'time'),
      field('message', 'string'),
      field('defaultEventType', 'string', { required: true }),
      field('userAgent', 'string'),
      field('userIP', 'string'),
      collection('events', 'Event'),
      annotationLinks('SessionAnnotationLink', () => SessionAnnotationLinkI),
    ],
  });

  /** Server node (not modelled). */
  declare node: IObject | null;
  /** Session key (RString, required, unique). */
  declare uuid: RStringI | null;
  /** Session owner. */
  declare owner: ExperimenterI | null;
  /** Admin who created the session on the owner's behalf (sudo), or null. */
  declare sudoer: ExperimenterI | null;
  /** Idle timeout in ms (RLong, required). */
  declare timeToIdle: RLongI | null;
  /** Maximum lifetime in ms (RLong, required). */
  declare timeToLive: RLongI | null;
  /** Start time (RTime, required). */
  declare started: RTimeI | null;
  /** Close time (RTime) or null while open. */
  declare closed: RTimeI | null;
  /** Message (RString). */
  declare message: RStringI | null;
  /** Default event type, e.g. `User` (RString, required). */
  declare defaultEventType: RStringI | null;
  /** Client agent, e.g. `OMERO.py` (RString). */
  declare userAgent: RStringI | null;
  /** Client IP (RString, deprecated). */
  declare userIP: RStringI | null;
  /** Events of the session; null when unloaded. */
  declare _eventsSeq: EventI[] | null;
  /** Whether `events` is loaded. */
  declare _eventsLoaded: boolean;
  /** Annotation links; null when unloaded. */
  declare _annotationLinksSeq: SessionAnnotationLinkI[] | null;
  /** Whether `annotationLinks` is loaded. */
  declare _annotationLinksLoaded: boolean;
  /** Annotation link counts per owner id. */
  declare _annotationLinksCountPerOwner: CountMap | null;
}
export interface SessionI
  extends FieldAccessors<{
      node: IObject | null;
      uuid: RStringI | null;
      owner: ExperimenterI | null;
      sudoer: ExperimenterI | null;
      timeToIdle: RLongI | null;
      timeToLive: RLongI | null;
      started: RTimeI | null;
      closed: RTimeI | null;
      message: RStringI | null;
      defaultEventType: RStringI | null;
      userAgent: RStringI | null;
      userIP: RStringI | null;
    }>,
    CollectionMethods<'Events', 'Event', EventI>,
    LinkCollection<'AnnotationLinks', 'SessionAnnotationLink', 'Annotation', SessionAnnotationLinkI, AnnotationI> {}
defineModelClass(SessionI);
