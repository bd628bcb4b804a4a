/**
 * Finishes a model class after its declaration: field accessors and collection methods for the
 * members it declares itself (inherited ones are on the parent prototype), installed when the
 * class is first needed (lazy-members.ts).
 */
import { installCollectionMethods } from './collection-methods.js';
import { installFieldAccessors } from './field-accessors.js';
import { metaOf } from './i-object.js';
import type { IObject } from './i-object.js';
import { deferMembers } from './lazy-members.js';
import type { FieldMeta } from './model-meta.js';

/** Call once per model class, right after the class declaration. Returns the class. */
export function defineModelClass<C extends abstract new (...args: never[]) => IObject>(cls: C): C {
  deferMembers(cls, () => {
    const meta = metaOf(cls);
    const proto = cls.prototype as IObject;
    installFieldAccessors(
      proto,
      meta.ownMembers.filter((m): m is FieldMeta => m.member === 'field'),
    );
    for (const m of meta.ownMembers) {
      if (m.member === 'collection') installCollectionMethods(proto, m);
    }
  });
  return cls;
}
