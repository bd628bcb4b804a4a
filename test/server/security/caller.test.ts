/** isFullAdmin / hasPrivilege (reference permissions §3, §3.1). */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { hasPrivilege, isFullAdmin } from '../../../src/server/security/caller.js';
import type { AdminPrivilege } from '../../../src/server/security/roles.js';
import { ADMIN_PRIVILEGES } from '../../../src/server/security/roles.js';
import { ALL_PRIVILEGES, caller, NO_PRIVILEGES } from './fixtures.js';

const fourteen = new Set<AdminPrivilege>(ADMIN_PRIVILEGES.filter((p) => p !== 'ReadSession'));

describe('isFullAdmin ("full" admin ⇔ admin with all 15 privileges)', () => {
  const cases: ReadonlyArray<[string, boolean, ReadonlySet<AdminPrivilege>, boolean]> = [
    ['admin with all 15', true, ALL_PRIVILEGES, true],
    ['admin with 14', true, fourteen, false],
    ['admin with none', true, NO_PRIVILEGES, false],
    ['non-admin holding all 15 (inert)', false, ALL_PRIVILEGES, false],
  ];
  for (const [name, isAdmin, privileges, want] of cases) {
    it(`${name} ⇒ ${want}`, () => assert.equal(isFullAdmin(caller({ userId: 7, isAdmin, privileges, contextGroupId: 3 })), want));
  }
});

describe('hasPrivilege', () => {
  it('admin holding it ⇒ true; admin lacking it ⇒ false', () => {
    const c = caller({ userId: 7, isAdmin: true, privileges: new Set<AdminPrivilege>(['Chgrp']), contextGroupId: 3 });
    assert.equal(hasPrivilege(c, 'Chgrp'), true);
    assert.equal(hasPrivilege(c, 'Chown'), false);
  });
  it('non-admin ⇒ false even when the set contains it (§3.1: non-admins have the empty set)', () => {
    const c = caller({ userId: 7, isAdmin: false, privileges: ALL_PRIVILEGES, contextGroupId: 3 });
    for (const p of ADMIN_PRIVILEGES) assert.equal(hasPrivilege(c, p), false, p);
  });
});
