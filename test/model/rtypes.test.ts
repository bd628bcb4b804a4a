import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  ClientError,
  ProjectI,
  RBoolI,
  RDoubleI,
  RFloatI,
  RIntI,
  RListI,
  RLongI,
  RMapI,
  RObjectI,
  RSetI,
  RStringI,
  RTimeI,
  RType,
  RString,
  RLong,
  rbool,
  rdouble,
  rfloat,
  rint,
  rlist,
  rlong,
  rmap,
  robject,
  rset,
  rstring,
  rtime,
  rtype,
  unwrap,
  wrap,
} from '../../src/model/index.js';

describe('rtype classes', () => {
  it('expose a read-only prototype getter `val` and getValue()', () => {
    const s = rstring('x');
    assert.equal(s.val, 'x');
    assert.equal(s.getValue(), 'x');
    assert.deepEqual(Object.keys(s), ['_val']);
    assert.equal(Object.getOwnPropertyDescriptor(s, 'val'), undefined);
    const proto = Object.getOwnPropertyDescriptor(RType.prototype, 'val');
    assert.equal(typeof proto?.get, 'function');
  });

  it('refuse writes to val with ClientError("Cannot write to val")', () => {
    const s = rstring('x');
    assert.throws(
      () => {
        // @ts-expect-error val is read-only
        s.val = 'y';
      },
      (e: unknown) => e instanceof ClientError && e.message === 'Cannot write to val',
    );
    assert.equal(s.val, 'x');
  });

  it('equal only the same kind with an equal value', () => {
    assert.ok(rlong(1).equals(rlong(1)));
    assert.ok(!rlong(1).equals(rlong(2)));
    assert.ok(!rlong(1).equals(rint(1)));
    assert.ok(!rlong(1).equals(rtime(1)));
    assert.ok(!rstring('a').equals('a'));
    assert.ok(!rstring('a').equals(null));
    assert.ok(rlist(rlong(1), rstring('a')).equals(rlist([rlong(1), rstring('a')])));
    assert.ok(!rlist(rlong(1)).equals(rset(rlong(1))));
    assert.ok(!rlist(rlong(1)).equals(rlist(rint(1))));
    assert.ok(rmap({ a: rlong(1), b: null }).equals(rmap({ b: null, a: rlong(1) })));
    assert.ok(!rmap({ a: rlong(1) }).equals(rmap({ a: rlong(2) })));
    const p = new ProjectI();
    assert.ok(robject(p).equals(robject(p)));
    assert.ok(!robject(p).equals(robject(new ProjectI())));
    assert.ok(!rdouble(Number.NaN).equals(rdouble(Number.NaN)));
  });

  it('report their Ice type ids', () => {
    const cases: Array<[RType, string]> = [
      [rstring('a'), '::omero::RString'],
      [rlong(1), '::omero::RLong'],
      [rint(1), '::omero::RInt'],
      [rbool(true), '::omero::RBool'],
      [rtime(1), '::omero::RTime'],
      [rdouble(1), '::omero::RDouble'],
      [rfloat(1), '::omero::RFloat'],
      [rlist(), '::omero::RList'],
      [rset(), '::omero::RSet'],
      [rmap(), '::omero::RMap'],
      [robject(null), '::omero::RObject'],
    ];
    for (const [value, id] of cases) assert.equal(value.ice_id(), id);
  });

  it('offer omero.RString-style aliases for instanceof', () => {
    assert.equal(RString, RStringI);
    assert.ok(rlong(1) instanceof RLong);
  });
});

describe('rtype factories (omero-py semantics)', () => {
  it('rstring: null → "", non-strings → String(v), RString passes through', () => {
    assert.equal(rstring(null).val, '');
    assert.equal(rstring(undefined).val, '');
    assert.equal(rstring(5).val, '5');
    assert.equal(rstring(true).val, 'true');
    const s = rstring('x');
    assert.equal(rstring(s), s);
    assert.ok(rstring('') instanceof RStringI);
  });

  it('numeric factories: null → null, pass-through, Python int()/float() coercion', () => {
    assert.equal(rlong(null), null);
    assert.equal(rint(undefined), null);
    assert.equal(rtime(null), null);
    assert.equal(rdouble(null), null);
    assert.equal(rfloat(null), null);
    assert.equal(rbool(null), null);
    const l = rlong(7);
    assert.equal(rlong(l), l);
    assert.equal(rlong('12').val, 12);
    assert.equal(rlong(5.9).val, 5);
    assert.equal(rlong(-5.9).val, -5);
    assert.equal(rlong(10n).val, 10);
    assert.equal(rint('3').val, 3);
    assert.equal(rtime(new Date(1000)).val, 1000);
    assert.equal(rdouble('1.5').val, 1.5);
    assert.equal(rfloat(2).val, 2);
    assert.throws(() => rlong('abc'), /invalid long value: abc/);
    assert.throws(() => rdouble('x'), /invalid double value/);
    assert.ok(rlong(0) instanceof RLongI);
    assert.ok(rint(1) instanceof RIntI);
    assert.ok(rtime(1) instanceof RTimeI);
    assert.ok(rdouble(1) instanceof RDoubleI);
    assert.ok(rfloat(1) instanceof RFloatI);
  });

  it('rbool uses truthiness', () => {
    assert.equal(rbool(1).val, true);
    assert.equal(rbool(0).val, false);
    assert.equal(rbool('').val, false);
    assert.ok(rbool(true) instanceof RBoolI);
  });

  it('rlist / rset accept nothing, an array, or items; items must be rtypes', () => {
    assert.deepEqual(rlist().val, []);
    assert.deepEqual(rlist(null).val, []);
    assert.equal(rlist([rlong(1), rlong(2)]).size(), 2);
    assert.equal(rlist(rlong(1), rlong(2), rlong(3)).size(), 3);
    assert.equal(rlist([rlong(1)], rlong(2)).size(), 2);
    assert.equal(rset(rstring('a')).get(0)?.val, 'a');
    const nested = rlist(rlist(rlong(1)));
    assert.equal(nested.size(), 1);
    assert.ok(nested.get(0) instanceof RListI);
    assert.throws(() => rlist([1 as never]), /Item of wrong type: number/);
    assert.throws(() => rlist('ab' as never), /Item of wrong type: string/);
    assert.ok(rset() instanceof RSetI);
  });

  it('RList supports add, addAll, get, size and iteration', () => {
    const l = rlist();
    l.add(rlong(1));
    l.addAll([rlong(2), rlong(3)]);
    assert.deepEqual([...l].map((x) => x.val), [1, 2, 3]);
    assert.equal(l.get(1)?.val, 2);
  });

  it('rmap copies entries, accepts Maps and extra entries, validates values', () => {
    const source = { a: rlong(1) };
    const m = rmap(source, { b: rstring('x') });
    assert.equal(m.size(), 2);
    assert.notEqual(m.val, source);
    assert.equal(m.get('a')?.val, 1);
    assert.equal(m.get('zz'), undefined);
    m.put('c', null);
    assert.equal(m.get('c'), null);
    assert.equal(rmap(new Map([['k', rint(2)]])).get('k')?.val, 2);
    assert.throws(() => rmap({ a: 1 as never }), /Value of wrong type/);
    const tricky = rmap({ ['__proto__']: rlong(1) } as never);
    assert.equal(Object.getPrototypeOf(tricky.val), Object.prototype);
    assert.ok(m instanceof RMapI);
  });

  it('robject: null → RObject(null), RObject passes through, non-IObjects rejected', () => {
    assert.equal(robject(null).val, null);
    const p = new ProjectI();
    const r = robject(p);
    assert.equal(r.val, p);
    assert.equal(robject(r), r);
    assert.ok(r instanceof RObjectI);
    assert.throws(() => robject({} as never), /Not IObject type/);
  });
});

describe('rtype / wrap / unwrap', () => {
  it('rtype maps JS integers to rlong (not rint: JS has one number type and ids are longs)', () => {
    assert.ok(rtype(5) instanceof RLongI);
    assert.ok(rtype(5n) instanceof RLongI);
    assert.ok(rtype(1.5) instanceof RFloatI);
    assert.ok(rtype(true) instanceof RBoolI);
    assert.ok(rtype('s') instanceof RStringI);
    assert.ok(rtype(new Date(5)) instanceof RTimeI);
    assert.ok(rtype(new ProjectI()) instanceof RObjectI);
    assert.ok(rtype([rlong(1)]) instanceof RListI);
    assert.ok(rtype(new Set([rlong(1)])) instanceof RSetI);
    assert.ok(rtype({ a: rlong(1) }) instanceof RMapI);
    assert.equal(rtype(null), null);
    const s = rstring('x');
    assert.equal(rtype(s), s);
  });

  it('rtype does not recurse (as omero-py) and rejects unknown types with ClientError', () => {
    assert.throws(() => rtype([1]), /Item of wrong type/);
    assert.throws(() => rtype(() => 1), (e: unknown) => e instanceof ClientError && /Cannot handle conversion from/.test(e.message));
  });

  it('wrap recurses into arrays, sets, maps and plain objects', () => {
    const w = wrap({ ids: [1, 2], name: 'n', flags: new Set([true]), inner: new Map([['x', 1.5]]) }) as RMapI;
    assert.ok(w instanceof RMapI);
    const ids = w.get('ids') as RListI;
    assert.ok(ids.get(0) instanceof RLongI);
    assert.equal(ids.get(1)?.val, 2);
    assert.ok(w.get('flags') instanceof RSetI);
    assert.ok((w.get('inner') as RMapI).get('x') instanceof RFloatI);
    assert.equal(wrap(null), null);
  });

  it('wrap and unwrap handle cycles', () => {
    const a: unknown[] = [1];
    a.push(a);
    const w = wrap(a) as RListI;
    assert.equal(w.get(1), w);
    const u = unwrap(w) as unknown[];
    assert.equal(u[1], u);
  });

  it('unwrap replaces rtypes by values recursively; RObject yields its IObject', () => {
    const p = new ProjectI();
    const value = unwrap(rmap({ l: rlist(rlong(1), rstring('a')), o: robject(p), t: rtime(3) }));
    assert.deepEqual(value, { l: [1, 'a'], o: p, t: 3 });
    assert.deepEqual(unwrap([rint(1), { a: rbool(false) }]), [1, { a: false }]);
    assert.deepEqual(unwrap(new Set([rlong(2)])), new Set([2]));
    assert.deepEqual(unwrap(new Map([['k', rstring('v')]])), new Map([['k', 'v']]));
    assert.equal(unwrap(p), p);
    assert.equal(unwrap(undefined), null);
    assert.equal(unwrap(5), 5);
  });
});
