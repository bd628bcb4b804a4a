/**
 * alterContextRefusal, detailsChangeRefusal, editRefusal and deleteRefusal against reference
 * permissions §2.6 (INT checkManagedDetails, ACL pre-update / pre-delete) and §1.6 (E and D).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Caller } from '../../../src/server/security/caller.js';
import type { AdminPrivilege } from '../../../src/server/security/roles.js';
import {
  alterContextRefusal,
  deleteRefusal,
  detailsChangeRefusal,
  editRefusal,
  type StoredTarget,
} from '../../../src/server/security/update-rules.js';
import { ALL_PRIVILEGES, caller, PERM, SYSTEM_GROUP, USER_GROUP } from './fixtures.js';

const LEVELS = ['rw----', 'rwr---', 'rwra--', 'rwrw--'] as const;
type Level = (typeof LEVELS)[number];
const GROUP: Record<Level, number> = { 'rw----': 10, 'rwr---': 11, 'rwra--': 12, 'rwrw--': 13 };
const groupPerms = new Map<number, number>([[USER_GROUP, PERM['rwr-r-']], ...LEVELS.map((l) => [GROUP[l], PERM[l]] as [number, number])]);
const perms = (g: number) => groupPerms.get(g);
const OWNER = 100;

const privileged = (p: AdminPrivilege[], g: number): Caller =>
  caller({ userId: 107, memberOf: [SYSTEM_GROUP, USER_GROUP], isAdmin: true, privileges: new Set(p), contextGroupId: g });
const ROLES: Record<string, (g: number) => Caller> = {
  owner: (g) => caller({ userId: OWNER, memberOf: [g, USER_GROUP], contextGroupId: g }),
  member: (g) => caller({ userId: 101, memberOf: [g, USER_GROUP], contextGroupId: g }),
  pi: (g) => caller({ userId: 102, memberOf: [g, USER_GROUP], leaderOf: [g], contextGroupId: g }),
  admin: (g) => caller({ userId: 103, memberOf: [SYSTEM_GROUP, USER_GROUP], isAdmin: true, privileges: ALL_PRIVILEGES, contextGroupId: g }),
  writeOwned: (g) => privileged(['WriteOwned'], g),
  deleteOwned: (g) => privileged(['DeleteOwned'], g),
  ra0: (g) => privileged([], g),
  outsider: (g) => caller({ userId: 108, memberOf: [99, USER_GROUP], contextGroupId: g }),
};

/** Reference §1.6, columns E and D for the owner's object. */
const EXPECTED: Record<string, Record<Level, 'ED' | 'E.' | '.D' | '..'>> = {
  owner: { 'rw----': 'ED', 'rwr---': 'ED', 'rwra--': 'ED', 'rwrw--': 'ED' },
  member: { 'rw----': '..', 'rwr---': '..', 'rwra--': '..', 'rwrw--': 'ED' },
  pi: { 'rw----': 'ED', 'rwr---': 'ED', 'rwra--': 'ED', 'rwrw--': 'ED' },
  admin: { 'rw----': 'ED', 'rwr---': 'ED', 'rwra--': 'ED', 'rwrw--': 'ED' },
  writeOwned: { 'rw----': 'E.', 'rwr---': 'E.', 'rwra--': 'E.', 'rwrw--': 'E.' },
  deleteOwned: { 'rw----': '.D', 'rwr---': '.D', 'rwra--': '.D', 'rwrw--': '.D' },
  ra0: { 'rw----': '..', 'rwr---': '..', 'rwra--': '..', 'rwrw--': '..' },
  outsider: { 'rw----': '..', 'rwr---': '..', 'rwra--': '..', 'rwrw--': '..' },
};

const row = (groupId: number, ownerId = OWNER): StoredTarget => ({
  ownerId,
  groupId,
  kind: 'data',
  className: 'ome.model.containers.Project',
  label: 'ome.model.containers.Project:Id_7',
});

describe('editRefusal / deleteRefusal: the E and D columns of §1.6', () => {
  for (const [role, make] of Object.entries(ROLES)) {
    for (const level of LEVELS) {
      const want = EXPECTED[role]![level];
      it(`${role} in ${level}: ${want}`, () => {
        const c = make(GROUP[level]);
        const edit = editRefusal(c, row(GROUP[level]), perms);
        const del = deleteRefusal(c, row(GROUP[level]), perms);
        assert.equal(edit === null ? 'E' : '.', want[0], edit?.message);
        assert.equal(del === null ? 'D' : '.', want[1], del?.message);
        if (edit) assert.deepEqual([edit.kind, edit.message], ['SecurityViolation', 'Cannot update ome.model.containers.Project:Id_7: the caller may not edit it']);
        if (del) assert.deepEqual([del.kind, del.message], ['SecurityViolation', 'Deleting ome.model.containers.Project:Id_7 is not allowed']);
      });
    }
  }

  it('system types: only the matching Modify* privilege edits them', () => {
    const experimenter: StoredTarget = { ownerId: -1, groupId: USER_GROUP, kind: 'Experimenter', className: 'ome.model.meta.Experimenter', label: 'ome.model.meta.Experimenter:Id_5' };
    const group: StoredTarget = { ...experimenter, kind: 'ExperimenterGroup', groupId: 11, className: 'ome.model.meta.ExperimenterGroup', label: 'ome.model.meta.ExperimenterGroup:Id_11' };
    assert.equal(editRefusal(privileged(['ModifyUser'], 11), experimenter, perms), null);
    assert.equal(editRefusal(privileged(['ModifyGroup'], 11), group, perms), null);
    const refused = editRefusal(privileged(['ModifyGroup'], 11), experimenter, perms);
    assert.match(refused!.message, /^ome\.model\.meta\.Experimenter is a System-type, .*ModifyUser/);
    assert.match(editRefusal(ROLES.pi!(11), group, perms)!.message, /is a System-type/);
    assert.match(editRefusal(ROLES.owner!(11), experimenter, perms)!.message, /is a System-type/);
  });
});

describe('alterContextRefusal (Currently logged into group G…)', () => {
  const member = (g: number) => ROLES.owner!(g);
  it('same group, the user group, and omero.group=-1 pass', () => {
    assert.equal(alterContextRefusal(member(11), row(11)), null);
    assert.equal(alterContextRefusal(member(11), row(USER_GROUP)), null);
    assert.equal(alterContextRefusal(member(-1), row(11)), null);
  });
  it('another group is refused, for admins too', () => {
    for (const c of [member(12), ROLES.admin!(12)]) {
      const r = alterContextRefusal(c, row(11));
      assert.deepEqual(r, { kind: 'SecurityViolation', message: 'Currently logged into group 12. Cannot alter object in group 11' });
    }
  });
  it('system types are never refused here', () => {
    assert.equal(alterContextRefusal(member(12), { ...row(11), kind: 'Experimenter' }), null);
  });
});

describe('detailsChangeRefusal', () => {
  const t = row(11);
  it('unchanged or unset owner and group pass', () => {
    assert.equal(detailsChangeRefusal(ROLES.owner!(11), t, null, null), null);
    assert.equal(detailsChangeRefusal(ROLES.owner!(11), t, OWNER, 11), null);
  });
  it('a new owner needs Chown, a new group Chgrp', () => {
    assert.match(detailsChangeRefusal(ROLES.pi!(11), t, 101, null)!.message, /not authorized to change the owner/);
    assert.match(detailsChangeRefusal(ROLES.owner!(11), t, null, 12)!.message, /not authorized to change the group/);
    assert.match(detailsChangeRefusal(privileged(['Chgrp'], 11), t, 101, null)!.message, /change the owner/);
    assert.equal(detailsChangeRefusal(privileged(['Chown'], 11), t, 101, null), null);
    assert.equal(detailsChangeRefusal(privileged(['Chgrp'], 11), t, null, 12), null);
    assert.equal(detailsChangeRefusal(ROLES.admin!(11), t, 101, 12), null);
  });
});
