import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ExperimenterGroupI, ExperimenterI, PermissionsI, ProjectI, rstring } from '../../src/model/index.js';
import { compactEcho, compactLine, type NameLookup } from '../../src/shell/compact-echo.js';

const NAMES: NameLookup = { experimenter: (id) => ({ 2: 'user-2' })[id], group: (id) => ({ 4: 'read-only-1' })[id] };

function project(id: number, name: string, owner: number, group: number, perms: string): ProjectI {
  const p = new ProjectI(id);
  p.name = rstring(name);
  p.details.owner = new ExperimenterI(owner, false);
  p.details.group = new ExperimenterGroupI(group, false);
  p.details.permissions = new PermissionsI(perms);
  return p;
}

describe('compact echo of model objects', () => {
  it('one line: class, id, name, owner, group, permissions string; ids when names are unknown', () => {
    assert.equal(compactLine(project(5, "it's", 2, 4, 'rwr---'), NAMES), "ProjectI id=5 name='it\\'s' owner=user-2 group=read-only-1 perms=rwr---");
    assert.equal(compactLine(project(6, 'x', 3, 7, 'rw----'), NAMES), "ProjectI id=6 name='x' owner=#3 group=#7 perms=rw----");
    assert.equal(compactLine(project(6, 'x', 3, 7, 'rw----'), null), "ProjectI id=6 name='x' owner=#3 group=#7 perms=rw----");
    assert.equal(compactLine(new ProjectI(), null), 'ProjectI id=None');
    assert.equal(compactLine(new ProjectI(9, false), null), 'ProjectI id=9 (unloaded)');
    const e = new ExperimenterI(2);
    e.omeName = rstring('user-2');
    assert.equal(compactLine(e, null), "ExperimenterI id=2 name='user-2'");
  });

  it('lists of model objects one line each, numbered; anything else is left to the Ice printer', () => {
    const list = [project(1, 'a', 2, 4, 'rwr---'), project(2, 'b', 2, 4, 'rwr---')];
    assert.equal(compactEcho(list, NAMES), "[0] ProjectI id=1 name='a' owner=user-2 group=read-only-1 perms=rwr---\n[1] ProjectI id=2 name='b' owner=user-2 group=read-only-1 perms=rwr---");
    assert.equal(compactEcho([], NAMES), undefined);
    assert.equal(compactEcho([list[0], 1], NAMES), undefined);
    assert.equal(compactEcho(rstring('x'), NAMES), undefined);
  });
});
