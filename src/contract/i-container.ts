import type { IObject, ParametersI } from '../model/index.js';

/** IContainer (reference api §1.6): hierarchies, honouring `exp()`, `grp()`, `leaves()`. */
export interface IContainer {
  loadContainerHierarchy(rootType: string, ids: number[] | null, options?: ParametersI | null): IObject[];
  getImages(rootType: string, ids: number[], options?: ParametersI | null): IObject[];
  findContainerHierarchies(rootType: string, imageIds: number[], options?: ParametersI | null): IObject[];
}
