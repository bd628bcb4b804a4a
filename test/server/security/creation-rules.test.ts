/**
 * creationRefusal / isPrivilegedCreator / effectiveGroup against reference permissions §2.6
 * (INT newTransientDetails, ACL allowCreation), written as one table of cases.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Caller } from '../../../src/server/security/caller.js';
import { creationRefusal, effectiveGroup, isPrivilegedCreator, type NewObject } from '../../../src/server/security/creation-rules.js';
import type { ObjectKind } from '../../../src/server/security/rights.js';
import type { AdminPrivilege } from '../../../src/server/security/roles.js';
import { ALL_PRIVILEGES, caller, GUEST, GUEST_GROUP, PERM, SYSTEM_GROUP, USER_GROUP } from './fixtures.js';

const G = 10; // rwr---, the call's group
const G_OTHER = 11; // rwr---, another group of the member
const G_WORLD_WRITE = 12; // rwrwrw
const G_WORLD_ANNOTATE = 13; // rwrara
const G_PRIVATE = 14; // rw----
const groupPerms = new Map<number, number>([
  [USER_GROUP, PERM['rwr-r-']],
  [G, PERM['rwr---']],
  [G_OTHER, PERM['rwr---']],
  [G_WORLD_WRITE, PERM['rwrwrw']],
  [G_WORLD_ANNOTATE, PERM['rwrara']],
  [G_PRIVATE, PERM['rw----']],
]);
const perms = (g: number) => groupPerms.get(g);

const MEMBER = 100;
const OTHER = 101;
const member = (contextGroupId: number): Caller => caller({ userId: MEMBER, memberOf: [G, G_OTHER, USER_GROUP], contextGroupId });
const outsider = (contextGroupId: number): Caller => caller({ userId: OTHER, memberOf: [G_PRIVATE, USER_GROUP], contextGroupId });
const admin = (contextGroupId: number, privileges: ReadonlySet<AdminPrivilege> = ALL_PRIVILEGES): Caller =>
  caller({ userId: 102, memberOf: [SYSTEM_GROUP, USER_GROUP], isAdmin: true, privileges, contextGroupId });
const guest = (contextGroupId: number): Caller => caller({ userId: GUEST, memberOf: [GUEST_GROUP], contextGroupId });

function obj(o: Partial<NewObject> & { contextGroupId: number }): NewObject {
  return {
    className: 'ome.model.containers.Project',
    kind: 'data',
    explicitOwnerId: null,
    explicitGroupId: null,
    explicitPermissions: null,
    annotationLink: false,
    ...o,
  };
}

type Expect = null | `${'SecurityViolation' | 'PermissionMismatchGroupSecurityViolation'}: ${string}`;

const CASES: ReadonlyArray<[string, Caller, NewObject, Expect]> = [
  ['member creates in its group', member(G), obj({ contextGroupId: G }), null],
  ['member names its own id as owner', member(G), obj({ contextGroupId: G, explicitOwnerId: MEMBER }), null],
  ['member names G explicitly', member(G), obj({ contextGroupId: G, explicitGroupId: G }), null],
  ['member sets the group level explicitly, unchanged', member(G), obj({ contextGroupId: G, explicitPermissions: PERM['rwr---'] }), null],
  ['member sets another owner', member(G), obj({ contextGroupId: G, explicitOwnerId: OTHER }), 'SecurityViolation: You are not authorized to set the Experimenter'],
  ['member names another of its groups', member(G), obj({ contextGroupId: G, explicitGroupId: G_OTHER }), 'SecurityViolation: You are not authorized to set the ExperimenterGroup'],
  ['member names the user group', member(G), obj({ contextGroupId: G, explicitGroupId: USER_GROUP }), 'SecurityViolation: You are not authorized to set the ExperimenterGroup'],
  ['member sets other permissions', member(G), obj({ contextGroupId: G, explicitPermissions: PERM['rwrw--'] }), 'PermissionMismatchGroupSecurityViolation: Manually setting permissions'],
  ['non-member creates in a rwr--- group', outsider(G), obj({ contextGroupId: G }), 'SecurityViolation: You are not authorized to create'],
  ['non-member creates in a rwrwrw group', outsider(G_WORLD_WRITE), obj({ contextGroupId: G_WORLD_WRITE }), null],
  ['non-member creates a project in a rwrara group', outsider(G_WORLD_ANNOTATE), obj({ contextGroupId: G_WORLD_ANNOTATE }), 'SecurityViolation: You are not authorized to create'],
  ['non-member creates an annotation link in a rwrara group', outsider(G_WORLD_ANNOTATE), obj({ contextGroupId: G_WORLD_ANNOTATE, annotationLink: true }), null],
  ['guest creates data', guest(G_WORLD_WRITE), obj({ contextGroupId: G_WORLD_WRITE }), 'SecurityViolation: The guest user may not create'],
  ['member creates an Experimenter', member(G), obj({ contextGroupId: G, kind: 'Experimenter', className: 'ome.model.meta.Experimenter' }), 'SecurityViolation: ome.model.meta.Experimenter is a System-type'],
  ['member creates a membership', member(G), obj({ contextGroupId: G, kind: 'GroupExperimenterMap', className: 'ome.model.meta.GroupExperimenterMap' }), 'SecurityViolation: ome.model.meta.GroupExperimenterMap is a System-type'],
  ['full admin creates in a group it is not in', admin(G), obj({ contextGroupId: G }), null],
  ['full admin creates for another owner', admin(G), obj({ contextGroupId: G, explicitOwnerId: MEMBER }), null],
  ['full admin targets the user group', admin(G), obj({ contextGroupId: G, explicitGroupId: USER_GROUP }), null],
  ['full admin names another group', admin(G), obj({ contextGroupId: G, explicitGroupId: G_OTHER }), 'SecurityViolation: You are not authorized to set the ExperimenterGroup'],
  ['full admin sets other permissions', admin(G), obj({ contextGroupId: G, explicitPermissions: PERM['rwrw--'] }), 'PermissionMismatchGroupSecurityViolation: Manually setting permissions'],
  ['restricted admin without WriteOwned, not member', admin(G, new Set(['Chgrp'])), obj({ contextGroupId: G }), 'SecurityViolation: You are not authorized to create'],
  ['restricted admin without WriteOwned sets another owner', admin(G, new Set(['Chgrp'])), obj({ contextGroupId: G, explicitOwnerId: MEMBER }), 'SecurityViolation: You are not authorized to set the Experimenter'],
  ['restricted admin with WriteOwned, not member', admin(G, new Set(['WriteOwned'])), obj({ contextGroupId: G }), null],
  ['admin with ModifyUser creates an Experimenter', admin(G, new Set(['ModifyUser'])), obj({ contextGroupId: G, kind: 'Experimenter', className: 'ome.model.meta.Experimenter' }), null],
  ['admin without ModifyGroup creates a group', admin(G, new Set(['ModifyUser'])), obj({ contextGroupId: G, kind: 'ExperimenterGroup', className: 'ome.model.meta.ExperimenterGroup' }), 'SecurityViolation: ome.model.meta.ExperimenterGroup is a System-type'],
];

describe('creationRefusal (reference permissions §2.6)', () => {
  for (const [name, c, o, want] of CASES) {
    it(name, () => {
      const got = creationRefusal(c, o, perms);
      if (want === null) {
        assert.equal(got, null);
      } else {
        assert.ok(got, `expected a refusal (${want})`);
        assert.equal(`${got.kind}: ${got.message}`.startsWith(want), true, `${got.kind}: ${got.message}`);
      }
    });
  }

  it('explicit permissions of objects in the user group are not compared', () => {
    const o = obj({ contextGroupId: G, explicitGroupId: USER_GROUP, explicitPermissions: PERM['rwrw--'] });
    assert.equal(creationRefusal(admin(G), o, perms), null);
  });
});

describe('isPrivilegedCreator / effectiveGroup', () => {
  const cases: ReadonlyArray<[ObjectKind, AdminPrivilege, boolean]> = [
    ['data', 'WriteOwned', true],
    ['data', 'DeleteOwned', false],
    ['Experimenter', 'ModifyUser', true],
    ['Experimenter', 'WriteOwned', false],
    ['ExperimenterGroup', 'ModifyGroup', true],
    ['GroupExperimenterMap', 'ModifyGroupMembership', true],
    ['GroupExperimenterMap', 'ModifyGroup', false],
    ['system', 'WriteOwned', false],
  ];
  for (const [kind, privilege, want] of cases) {
    it(`${kind} with only ${privilege}: ${want}`, () => {
      assert.equal(isPrivilegedCreator(admin(G, new Set([privilege])), kind), want);
    });
  }
  it('a full admin creates any kind; a non-admin none, whatever its privileges', () => {
    for (const kind of ['data', 'Experimenter', 'ExperimenterGroup', 'GroupExperimenterMap', 'system'] as const) {
      assert.equal(isPrivilegedCreator(admin(G), kind), true);
      assert.equal(isPrivilegedCreator(caller({ userId: 5, contextGroupId: G, privileges: ALL_PRIVILEGES }), kind), false);
    }
  });
  it('the object goes into G, or the user group for a privileged creator naming it', () => {
    assert.equal(effectiveGroup(member(G), obj({ contextGroupId: G })), G);
    assert.equal(effectiveGroup(admin(G), obj({ contextGroupId: G, explicitGroupId: USER_GROUP })), USER_GROUP);
    assert.equal(effectiveGroup(member(G), obj({ contextGroupId: G, explicitGroupId: USER_GROUP })), null);
  });
});
