/** `omero.model.GroupExperimenterMapI`: membership of an Experimenter in an ExperimenterGroup. */
import type { RBoolI } from '../rtypes/r-bool-i.js';
import { defineModelClass } from './define-model-class.js';
import type { ExperimenterGroupI } from './experimenter-group-i.js';
import type { ExperimenterI } from './experimenter-i.js';
import type { FieldAccessors } from './field-accessors.js';
import { IObjectLink } from './i-object-link.js';
import { field, linkEnds, modelMeta } from './model-meta.js';

/**
 * Membership link: parent = group, child = experimenter, `owner` = group-owner (PI) flag
 * (`ome.model.meta.GroupExperimenterMap`, a global link).
 */
export class GroupExperimenterMapI extends IObjectLink<ExperimenterGroupI, ExperimenterI> {
  static override readonly meta = modelMeta({
    shortName: 'GroupExperimenterMap',
    serverClass: 'ome.model.meta.GroupExperimenterMap',
    isLink: true,
    global: true,
    members: [...linkEnds('ExperimenterGroup', 'Experimenter'), field('owner', 'bool', { required: true })],
  });

  /** Whether the member owns (leads) the group (RBool, required). */
  declare owner: RBoolI | null;
}
export interface GroupExperimenterMapI extends FieldAccessors<{ owner: RBoolI | null }> {}
defineModelClass(GroupExperimenterMapI);
