/**
 * privilegeConfigRefusal / restrictedPrivileges against reference permissions §3.1: restrictions
 * live in `experimenter_config` as `AdminPrivilege:<X>` (not `true` ⇒ removed); root is never
 * restricted; nobody changes a privilege it does not hold.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  privilegeConfigRefusal,
  restrictedPrivileges,
  type ConfigEntry,
} from '../../../src/server/security/privilege-config-rules.js';
import type { AdminPrivilege } from '../../../src/server/security/roles.js';
import { ALL_PRIVILEGES, caller, SYSTEM_GROUP, USER_GROUP } from './fixtures.js';

const admin = (privileges: ReadonlySet<AdminPrivilege> = ALL_PRIVILEGES) =>
  caller({ userId: 5, memberOf: [SYSTEM_GROUP, USER_GROUP], isAdmin: true, privileges, contextGroupId: -1 });
const entry = (name: string, value: string): ConfigEntry => ({ name, value });
const TARGET = 9;

describe('restrictedPrivileges', () => {
  it('reads AdminPrivilege entries whose value is not true, ignoring other names', () => {
    const got = restrictedPrivileges([
      entry('AdminPrivilege:Sudo', 'false'),
      entry('AdminPrivilege:Chown', 'TRUE'),
      entry('AdminPrivilege:Chgrp', ''),
      entry('AdminPrivilege:Bogus', 'false'),
      entry('color', 'false'),
    ]);
    assert.deepEqual([...got].sort(), ['Chgrp', 'Sudo']);
  });
});

describe('privilegeConfigRefusal', () => {
  it('entries that are not privileges are free, even for non-admins', () => {
    const user = caller({ userId: 7, memberOf: [USER_GROUP], contextGroupId: -1 });
    assert.equal(privilegeConfigRefusal(user, TARGET, [], [entry('color', 'blue')]), null);
  });
  it('a full admin restricts and unrestricts', () => {
    assert.equal(privilegeConfigRefusal(admin(), TARGET, [], [entry('AdminPrivilege:Sudo', 'false')]), null);
    assert.equal(privilegeConfigRefusal(admin(), TARGET, [entry('AdminPrivilege:Sudo', 'false')], []), null);
  });
  it('nobody changes a privilege it lacks, in either direction', () => {
    const restricted = admin(new Set<AdminPrivilege>(['ModifyUser', 'Chgrp']));
    const add = privilegeConfigRefusal(restricted, TARGET, [], [entry('AdminPrivilege:Sudo', 'false')]);
    assert.equal(add?.kind, 'SecurityViolation');
    assert.match(add!.message, /^cannot give administrator privileges that current user does not have: Sudo$/);
    assert.notEqual(privilegeConfigRefusal(restricted, TARGET, [entry('AdminPrivilege:Sudo', 'false')], []), null);
    assert.equal(privilegeConfigRefusal(restricted, TARGET, [], [entry('AdminPrivilege:Chgrp', 'false')]), null);
  });
  it('a non-admin changes no privilege entry', () => {
    const user = caller({ userId: 7, memberOf: [USER_GROUP], privileges: ALL_PRIVILEGES, contextGroupId: -1 });
    assert.notEqual(privilegeConfigRefusal(user, TARGET, [], [entry('AdminPrivilege:Chgrp', 'false')]), null);
  });
  it('root is never restricted', () => {
    const r = privilegeConfigRefusal(admin(), 0, [], [entry('AdminPrivilege:Chgrp', 'false')]);
    assert.deepEqual(r, { kind: 'ApiUsageException', message: 'Cannot restrict the privileges of root' });
    assert.equal(privilegeConfigRefusal(admin(), 0, [entry('AdminPrivilege:Chgrp', 'false')], []), null);
  });
  it('an unchanged list is no change, whatever the caller', () => {
    const list = [entry('AdminPrivilege:Sudo', 'false')];
    assert.equal(privilegeConfigRefusal(admin(new Set()), TARGET, list, [...list, entry('x', 'y')]), null);
  });
});
