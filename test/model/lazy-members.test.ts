/**
 * Model classes get their accessors and collection methods when first needed (constructed,
 * decoded, or listed by the shell), not when declared (model/objects/lazy-members.ts): a process
 * that uses a few classes sets up only those. Each case runs in a fresh process, since the
 * installation is per process.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const MODEL = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'src', 'model', 'index.ts');

/** Runs `body` (an async function body with `m`, the model module) in a fresh process; its JSON result. */
function inFreshProcess(body: string): unknown {
  const script = `const m = await import(${JSON.stringify(MODEL)}); const r = await (async () => { ${body} })(); process.stdout.write(JSON.stringify(r));`;
  return JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' }));
}

/** Own prototype members of every model class, by class name (as the shell lists them). */
const MEMBERS = `Object.fromEntries(m.MODEL_CLASSES.map((c) => [c.name, Object.getOwnPropertyNames(c.prototype).sort()]))`;

describe('model members installed when first needed', () => {
  it('a class nobody used has no accessors yet; constructing one installs them, with its ancestors\'', () => {
    const r = inFreshProcess(`
      const before = Object.getOwnPropertyNames(m.ProjectI.prototype).includes('getName');
      const p = new m.ProjectI(5, false);
      let unloaded = null;
      try { p.getName(); } catch (e) { unloaded = e.constructor.name; }
      return { before, after: typeof p.getName, unloaded, details: typeof new m.ProjectI().getDetails, other: Object.getOwnPropertyNames(m.DatasetI.prototype).includes('getName') };
    `);
    assert.deepEqual(r, { before: false, after: 'function', unloaded: 'UnloadedEntityException', details: 'function', other: false });
  });

  it('an object decoded from the wire (no constructor runs) has its accessors', () => {
    const r = inFreshProcess(`
      const e = m.fromWire({ $c: 'ExperimenterI', f: { _loaded: true, id: { $c: 'RLongI', f: { _val: 7 } }, omeName: { $c: 'RStringI', f: { _val: 'ann' } } } });
      return { name: e.getOmeName().getValue(), id: e.getId().getValue() };
    `);
    assert.deepEqual(r, { name: 'ann', id: 7 });
  });

  it('used in any order, every class ends with the members declaration order gave it', () => {
    const declarationOrder = inFreshProcess(`m.installAllModelMembers(); return ${MEMBERS};`);
    // Leaf classes first (a child before its parent), then the rest by construction.
    const leavesFirst = inFreshProcess(`
      for (const c of [...m.MODEL_CLASSES].reverse()) if (!c.meta.abstract) new c();
      m.installAllModelMembers();
      return ${MEMBERS};
    `);
    assert.deepEqual(leavesFirst, declarationOrder);
    assert.ok((declarationOrder as Record<string, string[]>).ExperimenterI!.includes('getOmeName'));
    assert.ok((declarationOrder as Record<string, string[]>).ProjectI!.includes('linkDataset'));
  });
});
