/**
 * Base of link classes (`ProjectDatasetLinkI`, `GroupExperimenterMapI`, annotation links): a `parent`
 * and a `child` set together by `link(parent, child)`.
 */
import { IObject } from './i-object.js';

/** A link between a parent `P` and a child `C`. */
export abstract class IObjectLink<P extends IObject = IObject, C extends IObject = IObject> extends IObject {
  /** Parent end (Ice `_parent`). Default null. */
  declare parent: P | null;
  /** Child end (Ice `_child`). Default null. */
  declare child: C | null;

  /** The parent; throws when unloaded. */
  getParent(): P | null {
    this.errorIfUnloaded();
    return this.parent;
  }

  /** Sets the parent; throws when unloaded. */
  setParent(parent: P | null): void {
    this.errorIfUnloaded();
    this.parent = parent;
  }

  /** The child; throws when unloaded. */
  getChild(): C | null {
    this.errorIfUnloaded();
    return this.child;
  }

  /** Sets the child; throws when unloaded. */
  setChild(child: C | null): void {
    this.errorIfUnloaded();
    this.child = child;
  }

  /** Sets both ends (does not touch the collections at either end). */
  link(theParent: P | null, theChild: C | null): void {
    this.parent = theParent;
    this.child = theChild;
  }
}
