import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  ApiUsageException,
  ClientError,
  CmdError,
  CommentAnnotationI,
  DatasetI,
  Delete,
  Delete2,
  Delete2Response,
  DetailsI,
  DoAll,
  DoAllRsp,
  ERR,
  EventContext,
  ExperimenterGroupI,
  ExperimenterI,
  fromWire,
  GraphException,
  iceStringify,
  LockTimeout,
  MapAnnotationI,
  NamedValue,
  ParametersI,
  PermissionsI,
  ProjectI,
  RLongI,
  RStringI,
  SecurityViolation,
  State,
  Status,
  ChildOption,
  rbool,
  rdouble,
  rlist,
  rlong,
  rmap,
  robject,
  rstring,
  rtime,
  toWire,
  wireClassByName,
  wireClassNames,
  wireNameOf,
  registerWireClass,
  PermissionDeniedException,
  UnloadedEntityException,
  MODEL_CLASSES,
  model,
  rtypes,
  sys,
  cmd,
  exceptions,
} from '../../src/model/index.js';

/** Encodes, passes through structuredClone (as postMessage does) and decodes. */
function viaClone<T>(value: T): T {
  return fromWire(structuredClone(toWire(value))) as T;
}

/** Encodes, passes through JSON and decodes. */
function viaJson<T>(value: T): T {
  return fromWire(JSON.parse(JSON.stringify(toWire(value)))) as T;
}

function seedGroup(): ExperimenterGroupI {
  const group = new ExperimenterGroupI(8);
  group.name = rstring('read-only-1');
  group.ldap = rbool(false);
  const perms = new PermissionsI('rwr---');
  perms._restrictions = [false, true, false, false, true, true];
  perms._extendedRestrictions = ['RESTRICT-BINARY-ACCESS'];
  group.details.permissions = perms.makeImmutable();
  for (const [id, name] of [
    [10, 'user-2'],
    [9, 'user-3'],
  ] as const) {
    const e = new ExperimenterI(id);
    e.omeName = rstring(name);
    group.linkExperimenter(e);
  }
  return group;
}

describe('wire round trips keep classes, values and printing', () => {
  for (const [label, roundTrip] of [
    ['structuredClone', viaClone],
    ['JSON', viaJson],
  ] as const) {
    it(`rtypes (${label})`, () => {
      const values = [rstring('x'), rlong(5), rbool(true), rtime(1), rdouble(1.5), rlist(rlong(1), rstring('a')), rmap({ k: rlong(2), n: null })];
      for (const value of values) {
        const back = roundTrip(value);
        assert.equal(back.constructor, value.constructor);
        assert.ok(back.equals(value));
        assert.equal(iceStringify(back), iceStringify(value));
      }
      const r = roundTrip(robject(new ProjectI(3)));
      assert.ok(r.val instanceof ProjectI);
      assert.equal(r.val?.id?.val, 3);
    });

    it(`a group with members, immutable permissions and restrictions (${label})`, () => {
      const group = seedGroup();
      const back = roundTrip(group);
      assert.ok(back instanceof ExperimenterGroupI);
      assert.equal(iceStringify(back), iceStringify(group));
      assert.deepEqual(
        back.linkedExperimenterList().map((v) => [v.id?.val, v.omeName?.val]),
        [
          [10, 'user-2'],
          [9, 'user-3'],
        ],
      );
      const perms = back.details.permissions as PermissionsI;
      assert.ok(perms instanceof PermissionsI);
      assert.equal(perms.toString(), 'rwr---');
      assert.equal(perms.canEdit(), false);
      assert.equal(perms.isRestricted('RESTRICT-BINARY-ACCESS'), true);
      assert.throws(() => perms.setPerm1(-1), /ImmutablePermissions: rwr---/);
    });

    it(`cycles: a link's parent is the project holding it (${label})`, () => {
      const p = new ProjectI(1);
      p.name = rstring('p');
      const link = p.linkDataset(new DatasetI(2));
      const back = roundTrip(p);
      const backLink = back.copyDatasetLinks()[0];
      assert.ok(backLink !== undefined && backLink !== link);
      assert.equal(backLink.parent, back);
      assert.equal(backLink.child?.copyProjectLinks()[0], backLink);
      assert.equal(iceStringify(back), iceStringify(p));
    });

    it(`shared references stay shared (${label})`, () => {
      const owner = new ExperimenterI(10, false);
      const a = new ProjectI(1);
      const b = new ProjectI(2);
      a.details.owner = owner;
      b.details.owner = owner;
      const shared = [1, 2];
      const [backA, backB, arr1, arr2] = roundTrip([a, b, shared, shared] as const);
      assert.equal(backA.details.owner, backB.details.owner);
      assert.equal(backA.details.owner?.id?.val, 10);
      assert.equal(arr1, arr2);
      assert.deepEqual(arr1, [1, 2]);
    });

    it(`EventContext, ParametersI and commands (${label})`, () => {
      const ec = new EventContext({ userId: 10, memberOfGroups: [9, 8, 1], groupPermissions: new PermissionsI('rw----'), sudoerId: rlong(0) });
      const backEc = roundTrip(ec);
      assert.ok(backEc instanceof EventContext);
      assert.equal(iceStringify(backEc), iceStringify(ec));
      const params = new ParametersI().addIds([1, 2]).page(0, 10).leaves();
      const backParams = roundTrip(params);
      assert.ok(backParams instanceof ParametersI);
      assert.equal(backParams.getLimit()?.val, 10);
      assert.ok(backParams.map['ids']?.equals(params.map['ids']));
      backParams.unique().grp(3);
      assert.equal(backParams.getGroup()?.val, 3);
      const doAll = new DoAll([new Delete('/Project', 1, null), new Delete2({ targetObjects: { Project: [2] }, childOptions: [new ChildOption({ excludeType: ['Annotation'] })] })], [{ 'omero.group': '-1' }]);
      const backDoAll = roundTrip(doAll);
      assert.ok(backDoAll.requests?.[0] instanceof Delete);
      assert.ok((backDoAll.requests?.[1] as Delete2).childOptions?.[0] instanceof ChildOption);
      assert.equal(iceStringify(backDoAll), iceStringify(doAll));
      const rsp = new DoAllRsp([new Delete2Response({ 'ome.model.containers.Project': [1] }), new GraphException({ message: 'm', parameters: { a: 'b' } })], [new Status({ flags: [State.FAILURE] })]);
      const backRsp = roundTrip(rsp);
      assert.ok(backRsp.responses?.[1] instanceof GraphException);
      assert.equal(iceStringify(backRsp), iceStringify(rsp));
    });

    it(`exceptions come back as the same class with message and fields (${label})`, () => {
      const e = new SecurityViolation('Cannot read ome.model.containers.Project:Id_5', 'ome.conditions.SecurityViolation', 'trace');
      const back = roundTrip(e);
      assert.ok(back instanceof SecurityViolation);
      assert.ok(back instanceof Error);
      assert.equal(back.message, e.message);
      assert.equal(back.name, 'SecurityViolation');
      assert.equal(String(back), 'SecurityViolation: Cannot read ome.model.containers.Project:Id_5');
      assert.equal(back.serverStackTrace, 'trace');
      assert.equal(back.stack, e.stack);
      assert.equal(Object.getOwnPropertyDescriptor(back, 'message')?.enumerable, false);
      assert.equal(iceStringify(back), iceStringify(e));
      const lt = roundTrip(new LockTimeout('slow', { backOff: 5000, seconds: 10 }));
      assert.ok(lt instanceof LockTimeout);
      assert.equal(lt.seconds, 10);
      const cmdError = roundTrip(new CmdError(new ERR('c', 'n', null)));
      assert.ok(cmdError instanceof CmdError && cmdError instanceof ClientError);
      assert.ok(cmdError.err instanceof ERR);
      assert.ok(roundTrip(new UnloadedEntityException('u')) instanceof UnloadedEntityException);
      const denied = roundTrip(new PermissionDeniedException('bad password'));
      assert.equal(denied.reason, 'bad password');
      assert.ok(roundTrip(new ApiUsageException('x')) instanceof ApiUsageException);
    });

    it(`plain JavaScript values (${label})`, () => {
      const value = {
        n: 1,
        s: 'x',
        b: false,
        nil: null,
        undef: undefined,
        nan: Number.NaN,
        inf: -Infinity,
        negZero: -0,
        big: 2n ** 70n,
        date: new Date(1234),
        map: new Map<unknown, unknown>([[1, 'a'], ['k', new ProjectI(1)]]),
        set: new Set(['a', 'b']),
        nested: [[1], { a: [2] }],
        $weird: { $c: 'NotAClass', $ref: 99 },
      };
      const back = roundTrip(value);
      assert.equal(back.n, 1);
      assert.equal(back.undef, undefined);
      assert.ok('undef' in back);
      assert.ok(Number.isNaN(back.nan));
      assert.equal(back.inf, -Infinity);
      assert.ok(Object.is(back.negZero, -0));
      assert.equal(back.big, 2n ** 70n);
      assert.ok(back.date instanceof Date && back.date.getTime() === 1234);
      assert.ok(back.map.get('k') instanceof ProjectI);
      assert.equal(back.map.get(1), 'a');
      assert.deepEqual(back.set, new Set(['a', 'b']));
      assert.deepEqual(back.nested, [[1], { a: [2] }]);
      assert.deepEqual(back.$weird, { $c: 'NotAClass', $ref: 99 });
    });
  }

  it('map annotations with NamedValues and details round-trip', () => {
    const ma = new MapAnnotationI(4);
    ma.mapValue = [new NamedValue('a', '1')];
    const back = viaClone(ma);
    assert.ok(back.mapValue?.[0] instanceof NamedValue);
    assert.deepEqual(back.getMapValueAsMap(), { a: '1' });
    assert.ok(back.details instanceof DetailsI);
    const c = viaClone(new CommentAnnotationI('CommentAnnotation:3'));
    assert.equal(c.isLoaded(), false);
    assert.equal(c.details, null);
  });

  it('decoding runs no constructor', () => {
    const p = new ProjectI(1, false);
    const back = viaClone(p);
    assert.equal(back.details, null);
    assert.equal(back._datasetLinksSeq, null);
    assert.deepEqual(Object.keys(back), Object.keys(p));
  });

  it('fields still at their class default stay off the wire and come back, in the same order', () => {
    const owner = new ExperimenterI(7, false);
    const wire = toWire(owner) as { f: Record<string, unknown> };
    for (const key of ['omeName', 'firstName', 'email', 'version']) assert.ok(!Object.hasOwn(wire.f, key), `${key} left out`);
    assert.equal(wire.f['_loaded'], false, 'a field off its default travels');
    const back = viaClone(owner);
    assert.deepEqual(Object.keys(back), Object.keys(owner));
    for (const key of Object.keys(owner)) {
      const [a, b] = [(owner as unknown as Record<string, unknown>)[key], (back as unknown as Record<string, unknown>)[key]];
      if (a === null || typeof a !== 'object') assert.ok(Object.is(a, b), key);
    }
    assert.equal(back.getId()?.getValue(), 7);
    assert.equal(back.isLoaded(), false);
  });

  it('a field changed from its default, to another primitive or -0, travels', () => {
    const p = new ProjectI(3, true);
    const fields = p as unknown as Record<string, unknown>;
    fields['_datasetLinksLoaded'] = !fields['_datasetLinksLoaded'];
    fields['_annotationLinksCountPerOwner'] = -0;
    const back = viaClone(p) as unknown as Record<string, unknown>;
    assert.equal(back['_datasetLinksLoaded'], fields['_datasetLinksLoaded']);
    assert.ok(Object.is(back['_annotationLinksCountPerOwner'], -0));
  });

  it('an object lacking a field its class has keeps lacking it unless the field has a primitive default', () => {
    const p = new ProjectI(3, true);
    const fields = p as unknown as Record<string, unknown>;
    delete fields['details'];
    const back = viaClone(p) as unknown as Record<string, unknown>;
    assert.ok(!Object.hasOwn(back, 'details'));
  });

  it('keeps null-prototype objects and rejects prototype pollution keys', () => {
    const bare = Object.create(null) as Record<string, unknown>;
    bare['x'] = 1;
    const back = viaClone(bare);
    assert.equal(Object.getPrototypeOf(back), null);
    assert.equal(back['x'], 1);
    const hostile = JSON.parse('{"__proto__": {"polluted": true}, "a": 1}') as Record<string, unknown>;
    const decoded = fromWire(JSON.parse(JSON.stringify(toWire(hostile)))) as Record<string, unknown>;
    assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
    assert.equal(Object.getPrototypeOf(decoded), Object.prototype);
    assert.deepEqual(Object.keys(decoded).sort(), ['__proto__', 'a']);
  });

  it('fields named like inherited members become own data properties, never calls of an accessor', () => {
    const value = { toString: 'text', constructor: 5, hasOwnProperty: null, plain: 1 } as Record<string, unknown>;
    const back = fromWire(JSON.parse(JSON.stringify(toWire(value)))) as Record<string, unknown>;
    for (const key of ['toString', 'constructor', 'hasOwnProperty', 'plain']) {
      assert.ok(Object.hasOwn(back, key), key);
      assert.equal(back[key], value[key]);
    }
    assert.equal(Object.getPrototypeOf(back), Object.prototype);
  });

  it('produces tagged, JSON-compatible data', () => {
    const wire = toWire(new ProjectI(1, false)) as Record<string, unknown>;
    assert.equal(wire['$c'], 'ProjectI');
    assert.equal(wire['$id'], undefined);
    assert.equal(JSON.stringify(toWire(Number.NaN)), '{"$n":"NaN"}');
    const p = new ProjectI(1);
    p.linkDataset(new DatasetI(2, false));
    const cyclic = toWire(p) as Record<string, unknown>;
    assert.equal(cyclic['$id'], 0);
    assert.ok(JSON.stringify(cyclic).includes('{"$ref":0}'));
  });

  it('refuses what it cannot encode or decode', () => {
    assert.throws(() => toWire(() => 1), /cannot encode a function/);
    assert.throws(() => toWire(Symbol('s')), /cannot encode a symbol/);
    class Stranger {
      x = 1;
    }
    assert.throws(() => toWire(new Stranger()), /unregistered class Stranger/);
    assert.throws(() => fromWire({ $c: 'Nope', f: {} }), /unknown class Nope/);
    assert.throws(() => fromWire({ $ref: 5 }), /dangling reference 5/);
    assert.throws(() => fromWire({ $a: 'x' }), /expected an array/);
  });

  it('rebuilds unregistered errors as built-in Error classes', () => {
    const back = viaClone(new TypeError('bad'));
    assert.ok(back instanceof TypeError);
    assert.equal(back.message, 'bad');
    class CustomError extends Error {}
    const custom = viaClone(new CustomError('c'));
    assert.equal(custom.constructor, Error);
    assert.equal(custom.message, 'c');
  });

  it('registers every class of the model namespaces under its export name', () => {
    for (const ns of [model, rtypes, sys, cmd, exceptions]) {
      for (const [name, value] of Object.entries(ns)) {
        if (typeof value !== 'function' || !/^[A-Z]/.test(name)) continue;
        assert.equal(wireClassByName(name), value, name);
        assert.equal(wireNameOf(value), name);
      }
    }
    for (const cls of MODEL_CLASSES) assert.ok(wireNameOf(cls) !== undefined, cls.meta.shortName);
    assert.equal(wireNameOf(RStringI), 'RStringI');
    assert.equal(wireClassByName('RString'), undefined);
    assert.ok(wireClassNames().includes('EventContext'));
  });

  it('lets other layers register classes; conflicting names throw', () => {
    class Handle {
      key = 'k';
    }
    registerWireClass('TestHandle', Handle);
    registerWireClass('TestHandle', Handle);
    const back = viaClone(new Handle());
    assert.ok(back instanceof Handle);
    assert.equal(back.key, 'k');
    class Other {}
    assert.throws(() => registerWireClass('TestHandle', Other), /already registered: TestHandle/);
    assert.throws(() => registerWireClass('AnotherName', RLongI), /already registered as RLongI/);
  });
});
