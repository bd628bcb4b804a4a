import type { ObjectKind } from './rights.js';

/**
 * The kind of an object for the rights rules, from its class name and whether the class is a
 * system ("global") type (ome/omero-server `SystemTypes.java`; reference permissions §1.5–§1.6):
 * Experimenter, ExperimenterGroup and GroupExperimenterMap each need their own Modify* privilege,
 * other system types (Session, Event, enumerations…) are `'system'`, everything else is `'data'`.
 *
 * ### Examples
 *
 * ```ts
 * objectKindOf('Project', false)       // 'data'
 * objectKindOf('Experimenter', true)   // 'Experimenter'
 * objectKindOf('Event', true)          // 'system'
 * ```
 */
export function objectKindOf(className: string, isSystemType: boolean): ObjectKind {
  switch (className) {
    case 'Experimenter':
    case 'ExperimenterGroup':
    case 'GroupExperimenterMap':
      return className;
    default:
      return isSystemType ? 'system' : 'data';
  }
}
