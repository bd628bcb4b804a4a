/** `omero.model.ExperimenterGroupI` (model `meta.ome.xml`). */
import type { RBoolI } from '../rtypes/r-bool-i.js';
import type { RStringI } from '../rtypes/r-string-i.js';
import type { AnnotationI } from './annotations/annotation-i.js';
import { ExperimenterGroupAnnotationLinkI } from './annotation-links.js';
import type { CollectionMethods, CountMap, LinkCollection, LinkMethods } from './collection-types.js';
import { defineModelClass } from './define-model-class.js';
import type { ExperimenterI } from './experimenter-i.js';
import type { FieldAccessors, NamedValuesAccessor } from './field-accessors.js';
import { GroupExperimenterMapI } from './group-experimenter-map-i.js';
import { IObject } from './i-object.js';
import { annotationLinks, collection, field, modelMeta } from './model-meta.js';
import type { NamedValue } from './named-value.js';

/**
 * A group (`ome.model.meta.ExperimenterGroup`, global). Its `details.permissions` is the group's
 * permission level (`rw----`, `rwr---`, `rwra--`, `rwrw--`). `linkedExperimenterList()` lists members.
 */
export class ExperimenterGroupI extends IObject {
  static override readonly meta = modelMeta({
    shortName: 'ExperimenterGroup',
    serverClass: 'ome.model.meta.ExperimenterGroup',
    global: true,
    members: [
      field('name', 'string', { required: true, unique: true }),
      field('ldap', 'bool', { required: true }),
      collection('groupExperimenterMap', 'GroupExperimenterMap', {
        link: {
          side: 'parent',
          targetClass: 'Experimenter',
          linkClass: () => GroupExperimenterMapI,
          inverse: 'groupExperimenterMap',
        },
      }),
      field('config', 'namedValues'),
      annotationLinks('ExperimenterGroupAnnotationLink', () => ExperimenterGroupAnnotationLinkI),
      field('description', 'string'),
    ],
  });

  /** Group name (RString, required, unique). */
  declare name: RStringI | null;
  /** Synchronised with LDAP (RBool, required). */
  declare ldap: RBoolI | null;
  /** Memberships; null when unloaded. */
  declare _groupExperimenterMapSeq: GroupExperimenterMapI[] | null;
  /** Whether `groupExperimenterMap` is loaded. */
  declare _groupExperimenterMapLoaded: boolean;
  /** Group configuration pairs (NamedValue list) or null. */
  declare config: NamedValue[] | null;
  /** Annotation links; null when unloaded. */
  declare _annotationLinksSeq: ExperimenterGroupAnnotationLinkI[] | null;
  /** Whether `annotationLinks` is loaded. */
  declare _annotationLinksLoaded: boolean;
  /** Annotation link counts per owner id. */
  declare _annotationLinksCountPerOwner: CountMap | null;
  /** Description (RString). */
  declare description: RStringI | null;
}
export interface ExperimenterGroupI
  extends FieldAccessors<{
      name: RStringI | null;
      ldap: RBoolI | null;
      config: NamedValue[] | null;
      description: RStringI | null;
    }>,
    NamedValuesAccessor<'config'>,
    CollectionMethods<'GroupExperimenterMap', 'GroupExperimenterMap', GroupExperimenterMapI>,
    LinkMethods<'GroupExperimenterMap', 'Experimenter', GroupExperimenterMapI, ExperimenterI>,
    LinkCollection<
      'AnnotationLinks',
      'ExperimenterGroupAnnotationLink',
      'Annotation',
      ExperimenterGroupAnnotationLinkI,
      AnnotationI
    > {}
defineModelClass(ExperimenterGroupI);
