import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ApiUsageException, EventContext, PermissionsI, ProjectI, rlong, rstring } from '../../src/model/index.js';
import { formatError, formatValue, pythonPrintText, pythonRepr } from '../../src/shell/shell-writer.js';

const opts = { format: 'seed' as const, stacks: false, colors: false };

function seedEventContext(): EventContext {
  const ec = new EventContext();
  Object.assign(ec, {
    shareId: -1, sessionId: 1783, sessionUuid: '213adc46-2c5f-449b-81fc-fe24dec38b58', userId: 10, userName: 'user-2',
    groupId: 9, groupName: 'private-1', isAdmin: false, eventId: -1, eventType: 'User', memberOfGroups: [9, 8, 1], leaderOfGroups: [],
  });
  const p = new PermissionsI(-120);
  p._restrictions = [];
  p._extendedRestrictions = [];
  ec.groupPermissions = p;
  return ec;
}

const SEED_TEXT = `object #0 (::omero::sys::EventContext)
{
    shareId = -1
    sessionId = 1783
    sessionUuid = 213adc46-2c5f-449b-81fc-fe24dec38b58
    userId = 10
    userName = user-2
    groupId = 9
    groupName = private-1
    isAdmin = False
    eventId = -1
    eventType = User
    memberOfGroups = 
    {
        [0] = 9
        [1] = 8
        [2] = 1
    }
    leaderOfGroups = 
    {
    }
    groupPermissions = object #1 (::omero::model::Permissions)
    {
        _restrictions = 
        {
        }
        _perm1 = -120
    }
}`;

describe('the shell writer', () => {
  it("prints the EventContext exactly as seed 002 shows it (print(ec) and the echo alike)", () => {
    const ec = seedEventContext();
    assert.equal(pythonPrintText([ec], opts), SEED_TEXT);
    assert.equal(formatValue(ec, opts), SEED_TEXT);
  });

  it('prints the current OMERO layout on request', () => {
    const text = formatValue(seedEventContext(), { ...opts, format: 'current' });
    assert.match(text, /sudoerId = <nil>/);
    assert.match(text, /_extendedRestrictions = /);
  });

  it('prints OMERO exceptions as one line, with the stack only when asked', () => {
    const e = new ApiUsageException('No such group: nope');
    assert.equal(formatError(e, { stacks: false }), 'ApiUsageException: No such group: nope');
    assert.match(formatError(e, { stacks: true }), /^ApiUsageException: No such group: nope\n\s+at /);
  });

  it("prints like Python's print and repr", () => {
    assert.equal(pythonPrintText(['Group name:', 'private-1'], opts), 'Group name: private-1');
    assert.equal(pythonRepr([[10, 'user-2'], [9, 'user-3']], opts), "[[10, 'user-2'], [9, 'user-3']]");
    assert.equal(pythonPrintText([true, null], opts), 'True None');
    assert.match(pythonPrintText([rstring('x')], opts), /^object #0 \(::omero::RString\)\n\{\n {4}_val = x\n\}$/);
  });

  it('echoes lists of model objects one line each; print gives Python lists, each numbered from #0', () => {
    const a = new ProjectI(1, false);
    const b = new ProjectI(2, false);
    assert.equal(formatValue([a, b], opts), '[0] ProjectI id=1 (unloaded)\n[1] ProjectI id=2 (unloaded)');
    const text = pythonPrintText([[a, b]], opts);
    assert.match(text, /^\[object #0 \(::omero::model::Project\)/);
    assert.equal(text.match(/object #0 \(::omero::model::Project\)/g)?.length, 2);
    assert.equal(formatValue(rlong(5), opts), 'object #0 (::omero::RLong)\n{\n    _val = 5\n}');
  });
});
