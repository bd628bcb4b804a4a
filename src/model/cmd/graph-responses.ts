/**
 * Responses of the graph requests. Keys of `deletedObjects`/`includedObjects` are full server class
 * names (`ome.model.containers.Project`), values lists of ids (reference omero-api.md §4.2).
 */
import { iceClass, member } from '../ice/ice-members.js';
import { dictType, seqType } from '../ice/ice-type.js';
import { OK } from './response.js';

/** Server class name → ids. */
export type ObjectIds = Record<string, number[]>;

const IDS = dictType('string', seqType('long'));

/** Result of Delete2. */
export class Delete2Response extends OK {
  static override readonly ice = iceClass('::omero::cmd::Delete2Response', OK.ice, [member('deletedObjects', IDS)]);
  /** What was deleted. */
  declare deletedObjects: ObjectIds | null;

  constructor(options: { deletedObjects?: ObjectIds | null });
  constructor(deletedObjects?: ObjectIds | null);
  constructor(...args: unknown[]) {
    super(...args);
  }
}

/** Fields of the included/deleted responses. */
export interface IncludedDeletedFields {
  includedObjects: ObjectIds | null;
  deletedObjects: ObjectIds | null;
}

/** Result of Chgrp2: objects moved and objects deleted. */
export class Chgrp2Response extends OK {
  static override readonly ice = iceClass('::omero::cmd::Chgrp2Response', OK.ice, [
    member('includedObjects', IDS),
    member('deletedObjects', IDS),
  ]);
  /** What was moved. */
  declare includedObjects: ObjectIds | null;
  /** What was deleted. */
  declare deletedObjects: ObjectIds | null;

  constructor(options: Partial<IncludedDeletedFields>);
  constructor(includedObjects?: ObjectIds | null, deletedObjects?: ObjectIds | null);
  constructor(...args: unknown[]) {
    super(...args);
  }
}

/** Result of Chown2: objects given and objects deleted. */
export class Chown2Response extends OK {
  static override readonly ice = iceClass('::omero::cmd::Chown2Response', OK.ice, [
    member('includedObjects', IDS),
    member('deletedObjects', IDS),
  ]);
  /** What was given. */
  declare includedObjects: ObjectIds | null;
  /** What was deleted. */
  declare deletedObjects: ObjectIds | null;

  constructor(options: Partial<IncludedDeletedFields>);
  constructor(includedObjects?: ObjectIds | null, deletedObjects?: ObjectIds | null);
  constructor(...args: unknown[]) {
    super(...args);
  }
}

/** Result of Chmod2: groups changed and objects deleted. */
export class Chmod2Response extends OK {
  static override readonly ice = iceClass('::omero::cmd::Chmod2Response', OK.ice, [
    member('includedObjects', IDS),
    member('deletedObjects', IDS),
  ]);
  /** What was changed. */
  declare includedObjects: ObjectIds | null;
  /** What was deleted. */
  declare deletedObjects: ObjectIds | null;

  constructor(options: Partial<IncludedDeletedFields>);
  constructor(includedObjects?: ObjectIds | null, deletedObjects?: ObjectIds | null);
  constructor(...args: unknown[]) {
    super(...args);
  }
}
