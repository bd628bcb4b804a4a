/** groupContextRefusal against reference permissions §2.1 (BSS loadEventContext). */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { groupContextRefusal } from '../../../src/server/security/group-context.js';
import { PERM } from './fixtures.js';

const member = { userId: 42, isAdmin: false, memberOf: [5, 1] };
const admin = { userId: 43, isAdmin: true, memberOf: [0, 1] };
const refusal = (uid: number, gid: number) => `User ${uid} is not a member of group ${gid} and cannot login`;

describe('groupContextRefusal', () => {
  const cases: ReadonlyArray<[string, typeof member, number, number | undefined, string | null]> = [
    ['member of a private group: ok', member, 5, PERM['rw----'], null],
    ['member of the "user" group: ok', member, 1, PERM['rwr-r-'], null],
    ['admin, non-member private group: ok', admin, 9, PERM['rw----'], null],
    ['admin, unknown group perms: ok', admin, 9, undefined, null],
    ['non-member, world-readable rwr-r-: ok', member, 9, PERM['rwr-r-'], null],
    ['non-member, world-readable rwrwr-: ok', member, 9, PERM['rwrwr-'], null],
    ['non-member, rwrwrw: ok', member, 9, PERM['rwrwrw'], null],
    ['non-member, private: refused', member, 9, PERM['rw----'], refusal(42, 9)],
    ['non-member, rwr--- (group-readable only): refused', member, 9, PERM['rwr---'], refusal(42, 9)],
    ['non-member, rwrw--: refused', member, 9, PERM['rwrw--'], refusal(42, 9)],
    ['non-member, unknown group perms: refused', member, 9, undefined, refusal(42, 9)],
    ['non-member of the system group: refused', member, 0, PERM['rw----'], refusal(42, 0)],
    ['-1 (all groups): ok for non-admin', member, -1, undefined, null],
    ['any negative id means all groups: ok', member, -7, undefined, null],
  ];
  for (const [name, who, gid, perm1, want] of cases) {
    it(name, () => assert.equal(groupContextRefusal(who, gid, perm1), want));
  }
});

describe('chmodRefusal', () => {
  const base = { userId: 5, memberOf: [3, 1], leaderOf: [] as number[], isAdmin: false, privileges: new Set<never>(), contextGroupId: 3 };
  it('lets the group owner and admins with ModifyGroup change a group, and nobody else', async () => {
    const { chmodRefusal } = await import('../../../src/server/security/chmod-rules.js');
    assert.equal(chmodRefusal({ ...base, leaderOf: [3] }, 3), null);
    assert.equal(chmodRefusal({ ...base, isAdmin: true, privileges: new Set(['ModifyGroup']) as never }, 3), null);
    assert.match(chmodRefusal(base, 3) ?? '', /Only an owner of group 3 or an administrator/);
    assert.match(chmodRefusal({ ...base, leaderOf: [4] }, 3) ?? '', /Only an owner/);
    assert.match(chmodRefusal({ ...base, isAdmin: true, privileges: new Set(['ModifyUser']) as never }, 3) ?? '', /Only an owner/);
  });
});
