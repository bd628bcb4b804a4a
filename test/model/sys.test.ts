import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  EventContext,
  Filter,
  iceStringify,
  Options,
  Parameters,
  ParametersI,
  PermissionsI,
  Principal,
  RBoolI,
  RIntI,
  RListI,
  RLongI,
  RStringI,
  RTimeI,
  Roles,
  rlong,
  rstring,
} from '../../src/model/index.js';

describe('ParametersI (reference omero-api.md §2.2)', () => {
  it('starts with an empty map and no filter/options; keeps a given map', () => {
    const p = new ParametersI();
    assert.deepEqual(p.map, {});
    assert.equal(p.theFilter, null);
    assert.equal(p.theOptions, null);
    const map = { x: rlong(1) };
    assert.equal(new ParametersI(map).map, map);
    assert.equal(p.ice_id(), '::omero::sys::Parameters');
  });

  it('addId / addIds / addLong(s) / addString / addTime / add wrap values', () => {
    const p = new ParametersI()
      .addId(5)
      .addIds([1, 2])
      .addLong('l', 3)
      .addLongs('ls', [4])
      .addString('s', 'x')
      .addTime('t', 1000)
      .add('r', rstring('y'));
    assert.ok(p.map['id'] instanceof RLongI);
    assert.equal(p.map['id']?.val, 5);
    const ids = p.map['ids'] as RListI;
    assert.ok(ids instanceof RListI);
    assert.deepEqual(ids.val.map((v) => [v instanceof RLongI, v.val]), [
      [true, 1],
      [true, 2],
    ]);
    assert.equal(p.map['l']?.val, 3);
    assert.equal((p.map['ls'] as RListI).size(), 1);
    assert.ok(p.map['s'] instanceof RStringI);
    assert.ok(p.map['t'] instanceof RTimeI);
    assert.equal(p.map['r']?.val, 'y');
    assert.equal(new ParametersI().addId(rlong(9)).map['id']?.val, 9);
  });

  it('page / noPage / isPagination / getOffset / getLimit', () => {
    const p = new ParametersI();
    assert.equal(p.isPagination(), false);
    assert.equal(p.getOffset(), null);
    p.page(10, 20);
    assert.ok(p.getOffset() instanceof RIntI);
    assert.equal(p.getOffset()?.val, 10);
    assert.equal(p.getLimit()?.val, 20);
    assert.equal(p.isPagination(), true);
    assert.equal(p.noPage(), p);
    assert.equal(p.isPagination(), false);
    assert.equal(new ParametersI().noPage().theFilter, null);
  });

  it('unique / exp / grp / times live in the filter', () => {
    const p = new ParametersI().unique().exp(10).grp(9).startTime(1).endTime(2);
    assert.equal(p.getUnique()?.val, true);
    assert.equal(p.noUnique().getUnique()?.val, false);
    assert.equal(p.isExperimenter(), true);
    assert.equal(p.getExperimenter()?.val, 10);
    assert.equal(p.isGroup(), true);
    assert.equal(p.getGroup()?.val, 9);
    assert.equal(p.isStartTime() && p.isEndTime(), true);
    assert.equal(p.getStartTime()?.val, 1);
    assert.equal(p.getEndTime()?.val, 2);
    p.allExps().allGrps().allTimes();
    assert.equal(p.isExperimenter() || p.isGroup() || p.isStartTime() || p.isEndTime(), false);
    assert.ok(p.theFilter instanceof Filter);
    const fresh = new ParametersI();
    assert.equal(fresh.allExps().allGrps().allTimes().theFilter, null);
    assert.equal(fresh.isExperimenter(), false);
    assert.equal(fresh.getExperimenter(), null);
  });

  it('leaves / orphan / acquisitionData / cache live in the options', () => {
    const p = new ParametersI();
    assert.equal(p.getLeaves(), null);
    p.leaves().orphan().acquisitionData().cache();
    assert.ok(p.theOptions instanceof Options);
    assert.ok(p.getLeaves() instanceof RBoolI);
    assert.equal(p.getLeaves()?.val, true);
    assert.equal(p.getOrphan()?.val, true);
    assert.equal(p.getAcquisitionData()?.val, true);
    assert.equal(p.getCache()?.val, true);
    p.noLeaves().noOrphan().noAcquisitionData().noCache();
    assert.deepEqual(
      [p.getLeaves()?.val, p.getOrphan()?.val, p.getAcquisitionData()?.val, p.theOptions?.cacheable?.val],
      [false, false, false, false],
    );
  });

  it('prints as ::omero::sys::Parameters with its map', () => {
    const text = iceStringify(new ParametersI().addId(113));
    assert.equal(
      text,
      [
        'object #0 (::omero::sys::Parameters)',
        '{',
        '    map = ',
        '    {',
        '        key = id',
        '        value = object #1 (::omero::RLong)',
        '        {',
        '            _val = 113',
        '        }',
        '    }',
        '    theFilter = <nil>',
        '    theOptions = <nil>',
        '}',
      ].join('\n'),
    );
  });
});

describe('raw omero.sys structs', () => {
  it('Parameters raw style: p.map = { pid: rlong(pid) }', () => {
    const p = new Parameters();
    assert.equal(p.map, null);
    p.map = { pid: rlong(1) };
    assert.equal(p.map['pid']?.val, 1);
    assert.equal(new Parameters({ a: rlong(1) }).map?.['a']?.val, 1);
    assert.equal(new Parameters({ map: { b: rlong(2) } }).map?.['b']?.val, 2);
  });

  it('Filter and Options default every member to null and accept options', () => {
    const f = new Filter();
    assert.deepEqual(Object.values(f), [null, null, null, null, null, null, null]);
    assert.equal(new Filter({ ownerId: rlong(3) }).ownerId?.val, 3);
    assert.deepEqual(Object.keys(new Options()), ['leaves', 'orphan', 'acquisitionData', 'cacheable']);
  });

  it('EventContext has Slice-order members with defaults and accepts an options object', () => {
    const ec = new EventContext();
    assert.deepEqual(Object.keys(ec), [
      'shareId', 'sessionId', 'sessionUuid', 'userId', 'userName', 'sudoerId', 'sudoerName', 'groupId', 'groupName',
      'isAdmin', 'adminPrivileges', 'eventId', 'eventType', 'memberOfGroups', 'leaderOfGroups', 'groupPermissions',
    ]);
    assert.equal(ec.userName, '');
    assert.equal(ec.isAdmin, false);
    assert.deepEqual(ec.memberOfGroups, []);
    assert.notEqual(ec.memberOfGroups, new EventContext().memberOfGroups);
    assert.equal(ec.sudoerId, null);
    const full = new EventContext({ userId: 10, groupPermissions: new PermissionsI('rw----') });
    assert.equal(full.userId, 10);
    assert.equal(full.groupPermissions?.toString(), 'rw----');
    assert.throws(() => new EventContext({ userID: 1 } as never), /unknown member\(s\) 'userID' for ::omero::sys::EventContext/);
    assert.equal(ec.ice_id(), '::omero::sys::EventContext');
  });

  it('Roles defaults to OMERO ids and names', () => {
    const r = new Roles();
    assert.deepEqual(
      { ...r },
      {
        rootId: 0,
        rootName: 'root',
        systemGroupId: 0,
        systemGroupName: 'system',
        userGroupId: 1,
        userGroupName: 'user',
        guestId: 1,
        guestName: 'guest',
        guestGroupId: 2,
        guestGroupName: 'guest',
      },
    );
    assert.equal(new Roles({ rootName: 'admin' }).rootName, 'admin');
  });

  it('Principal takes name, group, eventType', () => {
    const p = new Principal('root', 'system', 'User');
    assert.deepEqual([p.name, p.group, p.eventType], ['root', 'system', 'User']);
    assert.equal(new Principal({ name: 'x' }).group, '');
    // @ts-expect-error too many arguments on purpose
    assert.throws(() => new Principal('a', 'b', 'c', 'd'), /at most 3 arguments/);
  });
});
