/** `omero.model.ExperimenterI` (model `meta.ome.xml`). */
import type { RBoolI } from '../rtypes/r-bool-i.js';
import type { RStringI } from '../rtypes/r-string-i.js';
import type { AnnotationI } from './annotations/annotation-i.js';
import { ExperimenterAnnotationLinkI } from './annotation-links.js';
import type { CollectionMethods, CountMap, LinkCollection, LinkMethods, OrderedCollection } from './collection-types.js';
import { defineModelClass } from './define-model-class.js';
import type { ExperimenterGroupI } from './experimenter-group-i.js';
import type { FieldAccessors, NamedValuesAccessor } from './field-accessors.js';
import { GroupExperimenterMapI } from './group-experimenter-map-i.js';
import { IObject } from './i-object.js';
import { annotationLinks, collection, field, modelMeta } from './model-meta.js';
import type { NamedValue } from './named-value.js';

/**
 * A user (`ome.model.meta.Experimenter`, global). `groupExperimenterMap` is ordered: index 0 is the
 * default group (`getPrimaryGroupExperimenterMap()`).
 */
export class ExperimenterI extends IObject {
  static override readonly meta = modelMeta({
    shortName: 'Experimenter',
    serverClass: 'ome.model.meta.Experimenter',
    global: true,
    members: [
      collection('groupExperimenterMap', 'GroupExperimenterMap', {
        ordered: true,
        link: {
          side: 'child',
          targetClass: 'ExperimenterGroup',
          linkClass: () => GroupExperimenterMapI,
          inverse: 'groupExperimenterMap',
        },
      }),
      field('omeName', 'string', { required: true, unique: true }),
      field('firstName', 'string', { required: true }),
      field('middleName', 'string'),
      field('lastName', 'string', { required: true }),
      field('institution', 'string'),
      field('ldap', 'bool', { required: true }),
      field('email', 'string'),
      field('config', 'namedValues'),
      annotationLinks('ExperimenterAnnotationLink', () => ExperimenterAnnotationLinkI),
    ],
  });

  /** Group memberships, default group first; null when unloaded. */
  declare _groupExperimenterMapSeq: GroupExperimenterMapI[] | null;
  /** Whether `groupExperimenterMap` is loaded. */
  declare _groupExperimenterMapLoaded: boolean;
  /** Login name (RString, required, unique). */
  declare omeName: RStringI | null;
  /** First name (RString, required). */
  declare firstName: RStringI | null;
  /** Middle name (RString). */
  declare middleName: RStringI | null;
  /** Last name (RString, required). */
  declare lastName: RStringI | null;
  /** Institution (RString). */
  declare institution: RStringI | null;
  /** Authenticates against LDAP (RBool, required). */
  declare ldap: RBoolI | null;
  /** E-mail (RString). */
  declare email: RStringI | null;
  /** User configuration pairs (NamedValue list) or null. */
  declare config: NamedValue[] | null;
  /** Annotation links; null when unloaded. */
  declare _annotationLinksSeq: ExperimenterAnnotationLinkI[] | null;
  /** Whether `annotationLinks` is loaded. */
  declare _annotationLinksLoaded: boolean;
  /** Annotation link counts per owner id. */
  declare _annotationLinksCountPerOwner: CountMap | null;
}
export interface ExperimenterI
  extends FieldAccessors<{
      omeName: RStringI | null;
      firstName: RStringI | null;
      middleName: RStringI | null;
      lastName: RStringI | null;
      institution: RStringI | null;
      ldap: RBoolI | null;
      email: RStringI | null;
      config: NamedValue[] | null;
    }>,
    NamedValuesAccessor<'config'>,
    CollectionMethods<'GroupExperimenterMap', 'GroupExperimenterMap', GroupExperimenterMapI>,
    OrderedCollection<'GroupExperimenterMap', GroupExperimenterMapI>,
    LinkMethods<'GroupExperimenterMap', 'ExperimenterGroup', GroupExperimenterMapI, ExperimenterGroupI>,
    LinkCollection<'AnnotationLinks', 'ExperimenterAnnotationLink', 'Annotation', ExperimenterAnnotationLinkI, AnnotationI> {}
defineModelClass(ExperimenterI);
