/** privilegesOf against reference permissions §3.1. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ADMIN_PRIVILEGES, privilegesOf, SystemIds } from '../../../src/server/security/roles.js';

const ALL_15 = [
  'Chgrp',
  'Chown',
  'DeleteFile',
  'DeleteManagedRepo',
  'DeleteOwned',
  'DeleteScriptRepo',
  'ModifyGroup',
  'ModifyGroupMembership',
  'ModifyUser',
  'ReadSession',
  'Sudo',
  'WriteFile',
  'WriteManagedRepo',
  'WriteOwned',
  'WriteScriptRepo',
];
const sorted = (xs: readonly string[]): string[] => [...xs].sort();
const without = (...names: string[]): string[] => ALL_15.filter((p) => !names.includes(p));
const cfg = (name: string, value: string) => ({ name, value });

describe('fixed ids and the privilege list (§3, §3.1)', () => {
  it('root 0, guest 1; groups system 0, user 1, guest 2', () => {
    assert.deepEqual(SystemIds, { ROOT_USER: 0, GUEST_USER: 1, SYSTEM_GROUP: 0, USER_GROUP: 1, GUEST_GROUP: 2 });
  });
  it('exactly the 15 AdminPrivilege values', () => {
    assert.equal(new Set(ADMIN_PRIVILEGES).size, 15);
    assert.deepEqual(sorted(ADMIN_PRIVILEGES), sorted(ALL_15));
  });
});

describe('privilegesOf', () => {
  const cases: ReadonlyArray<[string, number, boolean, Array<{ name: string; value: string }>, string[]]> = [
    ['non-admin: empty', 5, false, [], []],
    ['non-admin with restriction entries: still empty (inert)', 5, false, [cfg('AdminPrivilege:Sudo', 'false')], []],
    ['non-admin with "true" entries: still empty', 5, false, [cfg('AdminPrivilege:Sudo', 'true')], []],
    ['admin without config: all 15', 5, true, [], ALL_15],
    ['root: all 15', SystemIds.ROOT_USER, true, [], ALL_15],
    [
      'root is never restricted, even with restriction entries',
      SystemIds.ROOT_USER,
      true,
      [cfg('AdminPrivilege:Sudo', 'false'), cfg('AdminPrivilege:Chown', 'false')],
      ALL_15,
    ],
    ['AdminPrivilege:Sudo=false removes Sudo', 5, true, [cfg('AdminPrivilege:Sudo', 'false')], without('Sudo')],
    [
      'several restrictions',
      5,
      true,
      [cfg('AdminPrivilege:Chgrp', 'false'), cfg('AdminPrivilege:WriteOwned', 'false'), cfg('AdminPrivilege:ModifyUser', 'false')],
      without('Chgrp', 'WriteOwned', 'ModifyUser'),
    ],
    ['value "true" keeps', 5, true, [cfg('AdminPrivilege:Sudo', 'true')], ALL_15],
    ['value "TRUE" keeps', 5, true, [cfg('AdminPrivilege:Sudo', 'TRUE')], ALL_15],
    ['value "True" keeps', 5, true, [cfg('AdminPrivilege:Chown', 'True')], ALL_15],
    ['value "" removes (not true)', 5, true, [cfg('AdminPrivilege:Chown', '')], without('Chown')],
    ['value "yes" removes (not true)', 5, true, [cfg('AdminPrivilege:Chown', 'yes')], without('Chown')],
    ['value "1" removes (not true)', 5, true, [cfg('AdminPrivilege:Chown', '1')], without('Chown')],
    [
      'unrelated config is ignored',
      5,
      true,
      [cfg('omero.web.ui', 'false'), cfg('Sudo', 'false'), cfg('AdminPrivilegeSudo', 'false'), cfg('adminprivilege:Sudo', 'false')],
      ALL_15,
    ],
    ['an unknown privilege name removes nothing', 5, true, [cfg('AdminPrivilege:Bogus', 'false')], ALL_15],
    [
      'all 15 restricted: empty set (admin with no privileges)',
      5,
      true,
      ALL_15.map((p) => cfg(`AdminPrivilege:${p}`, 'false')),
      [],
    ],
  ];
  for (const [name, uid, isAdmin, config, want] of cases) {
    it(name, () => {
      const got = privilegesOf(uid, isAdmin, config);
      assert.deepEqual(sorted(got), sorted(want));
      assert.equal(new Set(got).size, got.length, 'no duplicates');
    });
  }
});
