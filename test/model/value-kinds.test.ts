import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import vm from 'node:vm';
import { fromWire, graphs, isAnyError, isDate, isMap, isPlainObject, isSet, rtype, toWire, unwrap, wrap } from '../../src/model/index.js';
import { topLevelNames } from '../../src/omero-namespace.js';

/** A context like the shell's REPL: its own Object, Array, Map, Date; the API's classes injected. */
function otherRealm(): vm.Context {
  return vm.createContext({ ...topLevelNames(), ChildOption: graphs.ChildOption });
}
const run = (ctx: vm.Context, code: string): unknown => vm.runInContext(code, ctx);

describe('kind checks across realms (values typed at the shell prompt)', () => {
  it('recognise literals, Maps, Sets, Dates and Errors of another context, and refuse class instances', () => {
    const ctx = otherRealm();
    assert.equal(run(ctx, '({a: 1})') instanceof Object, false, 'the premise: another realm');
    assert.equal(isPlainObject(run(ctx, '({a: 1})')), true);
    assert.equal(isPlainObject(run(ctx, 'Object.create(null)')), true);
    assert.equal(isPlainObject(run(ctx, 'new (class A {})()')), false);
    assert.equal(isPlainObject(run(ctx, '[1]')), false);
    assert.equal(isPlainObject(run(ctx, 'new ProjectI()')), false);
    assert.equal(isMap(run(ctx, 'new Map()')), true);
    assert.equal(isMap(run(ctx, '({})')), false);
    assert.equal(isSet(run(ctx, 'new Set([1])')), true);
    assert.equal(isDate(run(ctx, 'new Date(0)')), true);
    assert.equal(isDate(run(ctx, '({getTime() { return 0 }})')), false);
    assert.equal(isAnyError(run(ctx, 'new TypeError("x")')), true);
    assert.equal(isAnyError(run(ctx, '({message: "x"})')), false);
  });

  it('toWire encodes every graph command built from literals of another context', () => {
    const ctx = otherRealm();
    const cases = [
      "new Delete2({targetObjects: {'Project': [1, 2]}})",
      "new Delete2({'Project': [1]})",
      "new Delete2({targetObjects: new Map([['Project', [1]]])})",
      'new Chgrp2({targetObjects: {Project: [1]}, groupId: 5})',
      'new Chown2({targetObjects: {Project: [1]}, userId: 3})',
      "new Chmod2({targetObjects: {ExperimenterGroup: [4]}, permissions: 'rwr---'})",
      "new SkipHead({targetObjects: {Project: [1]}, startFrom: ['Dataset'], request: new Delete2({})})",
      'new DoAll({requests: [new Delete2({targetObjects: {Project: [1]}})]})',
      "new Delete({type: '/Project', id: 1, options: {'/Dataset': 'KEEP'}})",
      "new ChildOption({includeType: ['Dataset']})",
    ];
    for (const code of cases) {
      const value = run(ctx, code);
      const back = fromWire(JSON.parse(JSON.stringify(toWire(value)))) as { constructor: { name: string } };
      assert.equal(back.constructor.name, (value as { constructor: { name: string } }).constructor.name, code);
      const target = (back as { targetObjects?: unknown }).targetObjects;
      if (target) assert.deepEqual([...(isMap(target) ? target.keys() : Object.keys(target))], [/ExperimenterGroup/.test(code) ? 'ExperimenterGroup' : 'Project'], code);
    }
  });

  it('every public constructor builds in another context and its value crosses the wire', () => {
    const ctx = otherRealm();
    const classes = Object.entries(topLevelNames()).filter(([name, v]) => typeof v === 'function' && /^[A-Z]/.test(name) && !/^(IObject|Request|GraphQuery|GraphModify2?|Response|AnnotationI|BasicAnnotationI|NumericAnnotationI|TextAnnotationI|IceData|RType|RCollection)$/.test(name));
    assert.ok(classes.length > 40, `public classes found: ${classes.length}`);
    let built = 0;
    for (const [name] of classes) {
      let value: unknown;
      try {
        value = run(ctx, `new ${name}()`);
      } catch (e) {
        // Classes that need an argument (CmdCallbackI needs a client and a handle) say so plainly.
        assert.match(String(e), /Null|required|argument|invalid/i, `${name}: ${String(e)}`);
        continue;
      }
      if ((value as { constructor?: { name?: string } }).constructor?.name === 'CmdCallbackI') continue;
      assert.doesNotThrow(() => toWire(value), name);
      built++;
    }
    assert.ok(built > 40);
  });

  it('rtypes accept literals, arrays, Maps and Dates of another context', () => {
    const ctx = otherRealm();
    assert.deepEqual(unwrap(wrap(run(ctx, "({a: [1, 2], m: new Map([['k', 'v']])})"))), { a: [1, 2], m: { k: 'v' } });
    assert.equal((rtype(run(ctx, 'new Date(5)')) as { val: number }).val, 5);
    assert.equal((rtype(run(ctx, "new Map([['a', null]])")) as { constructor: { name: string } }).constructor.name, 'RMapI');
  });
});
