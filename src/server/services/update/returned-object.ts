import { IObject, metaOf } from '../../../model/index.js';
import type { CallContext } from '../../call/call-context.js';
import { modelClassOf, loadObjects } from '../object-loader.js';
import { endProperties } from './model-columns.js';
import type { SavedRef } from './graph-saver.js';

/** How deep the returned copy follows what the client sent: root → its links → their far ends. */
const DEPTH = 2;

/**
 * What `saveAndReturnObject` answers: a NEW object read back from the stored rows (id, version,
 * details per `decorateObject`), never the argument. Collections the client sent loaded come back
 * loaded with the saved elements (so `project.linkedDatasetList()` works on the result), and so
 * do link ends the client sent loaded, two levels deep; everything else is an unloaded proxy or an
 * unloaded collection.
 */
export async function returnedObject(call: CallContext, input: IObject, saved: ReadonlyMap<IObject, SavedRef>): Promise<IObject> {
  const memo = new Map<IObject, IObject>();
  const build = async (src: IObject, depth: number): Promise<IObject> => {
    const known = memo.get(src);
    if (known) return known;
    const ref = saved.get(src);
    if (!ref) throw new Error('returnedObject: an object of the graph was not saved');
    if (!src._loaded || depth < 0) return new (modelClassOf(ref.def))(ref.id, false);
    const [out] = await loadObjects(call, ref.def.name, [ref.id]);
    if (!out) throw new Error(`returnedObject: ${ref.def.name}:${ref.id} vanished`);
    memo.set(src, out);
    if (depth === 0) return out;
    const from = src as unknown as Record<string, unknown>;
    const to = out as unknown as Record<string, unknown>;
    for (const [name] of endProperties(ref.def)) {
      const end = from[name];
      if (end instanceof IObject && end._loaded && saved.has(end)) to[name] = await build(end, depth - 1);
    }
    for (const member of metaOf(src.constructor).members) {
      if (member.member !== 'collection' || from[`_${member.name}Loaded`] !== true) continue;
      const seq = from[`_${member.name}Seq`];
      if (!Array.isArray(seq)) continue;
      const elements: IObject[] = [];
      for (const element of seq) {
        if (element instanceof IObject && saved.has(element)) elements.push(await build(element, depth - 1));
      }
      to[`_${member.name}Seq`] = elements;
      to[`_${member.name}Loaded`] = true;
    }
    return out;
  };
  return build(input, DEPTH);
}
