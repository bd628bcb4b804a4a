/**
 * The statements of seed 002 (Permissions.rst) that touch only the model layer, translated
 * statement for statement. Service calls are simulated by building what the server returns.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  Delete,
  DoAll,
  EventContext,
  ExperimenterGroupI,
  ExperimenterI,
  iceStringify,
  ParametersI,
  PermissionsI,
  ProjectI,
  RListI,
  RLongI,
  rstring,
} from '../../src/model/index.js';
import { EVENT_CONTEXT_LEGACY_TEXT } from './fixtures/reference-texts.js';

function serverGroup(id: number, name: string, perms: string): ExperimenterGroupI {
  const g = new ExperimenterGroupI(id);
  g.name = rstring(name);
  g.details.permissions = new PermissionsI(perms).makeImmutable();
  return g;
}

describe('seed 002 statements at the model level', () => {
  it('print(ec) shows the documented EventContext', () => {
    const perms = new PermissionsI('rw----');
    perms._restrictions = [];
    perms._extendedRestrictions = [];
    const ec = new EventContext({
      shareId: -1,
      sessionId: 1783,
      sessionUuid: '213adc46-2c5f-449b-81fc-fe24dec38b58',
      userId: 10,
      userName: 'user-2',
      groupId: 9,
      groupName: 'private-1',
      eventId: -1,
      eventType: 'User',
      memberOfGroups: [9, 8, 1],
      groupPermissions: perms,
    });
    assert.equal(iceStringify(ec, { legacy: true }), EVENT_CONTEXT_LEGACY_TEXT);
    const groups = ec.memberOfGroups.map((v) => serverGroup(v, `g${v}`, 'rw----'));
    assert.deepEqual(groups.map((group) => `Group name: ${group.name?.val}`), ['Group name: g9', 'Group name: g8', 'Group name: g1']);
  });

  it('private_project = ProjectI(); private_project.name = rstring(...)', () => {
    const private_project = new ProjectI();
    private_project.name = rstring('private-1 project');
    assert.equal(private_project.name.val, 'private-1 project');
    const private_group = serverGroup(9, 'private-1', 'rw----');
    const ctx = { 'omero.group': String(private_group.id?.val) };
    assert.deepEqual(ctx, { 'omero.group': '9' });
  });

  it('params = ParametersI(); params.addId(...) / params.addIds([...])', () => {
    const params = new ParametersI();
    params.addId(113);
    assert.ok(params.map['id'] instanceof RLongI);
    const both = new ParametersI();
    both.addIds([117, 118]);
    const ids = both.map['ids'] as RListI;
    assert.deepEqual(ids.val.map((v) => v.val), [117, 118]);
  });

  it("Delete('/Project', id, None) and DoAll(delete_requests)", () => {
    const delete_requests = [new Delete('/Project', 117, null), new Delete('/Project', 118, null)];
    const request = new DoAll(delete_requests);
    assert.equal(request.requests?.length, 2);
    assert.equal((request.requests?.[0] as Delete).type, '/Project');
  });

  it('[(v.id.val, v.omeName.val) for v in read_only_group.linkedExperimenterList()]', () => {
    const read_only_group = serverGroup(8, 'read-only-1', 'rwr---');
    for (const [id, name] of [
      [10, 'user-2'],
      [9, 'user-3'],
    ] as const) {
      const e = new ExperimenterI(id);
      e.omeName = rstring(name);
      read_only_group.linkExperimenter(e);
    }
    assert.deepEqual(
      read_only_group.linkedExperimenterList().map((v) => [v.id?.val, v.omeName?.val]),
      [
        [10, 'user-2'],
        [9, 'user-3'],
      ],
    );
  });

  it('[(v.id.val, v.details.owner.id.val) for v in projects]', () => {
    const projects = [
      [4, 10],
      [7, 9],
    ].map(([pid, uid]) => {
      const p = new ProjectI(pid);
      p.details.owner = new ExperimenterI(uid, false);
      return p;
    });
    assert.deepEqual(
      projects.map((v) => [v.id?.val, v.details.owner?.id?.val]),
      [
        [4, 10],
        [7, 9],
      ],
    );
  });
});
