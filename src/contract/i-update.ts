import type { IObject } from '../model/index.js';

/**
 * IUpdate (reference api §1.5). New objects go into the call's group (`{'omero.group': '<id>'}`)
 * or the session's; `'-1'` is refused for new objects.
 */
export interface IUpdate {
  /** Saves and returns a NEW copy of the object (discard the argument). */
  saveAndReturnObject(object: IObject): IObject;
  saveObject(object: IObject): void;
  saveArray(objects: IObject[]): void;
  saveAndReturnArray(objects: IObject[]): IObject[];
  saveAndReturnIds(objects: IObject[]): number[];
  /** Deletes one row (deprecated in OMERO: prefer `session.submit(new Delete2(...))`). */
  deleteObject(object: IObject): void;
}
