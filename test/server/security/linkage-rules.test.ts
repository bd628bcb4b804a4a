/**
 * linkageRefusal / linkOperation against reference permissions §2.6 (INT evaluateLinkages): same
 * group, graph-critical, and the right needed on the linked object — ANNOTATE for annotation
 * links, WRITE otherwise — per role and group level (the A and L columns of §1.6).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Caller } from '../../../src/server/security/caller.js';
import { linkageRefusal, linkOperation, type LinkTarget } from '../../../src/server/security/linkage-rules.js';
import { Operation } from '../../../src/server/security/rights.js';
import type { AdminPrivilege } from '../../../src/server/security/roles.js';
import { ALL_PRIVILEGES, caller, PERM, SYSTEM_GROUP, USER_GROUP } from './fixtures.js';

const LEVELS = ['rw----', 'rwr---', 'rwra--', 'rwrw--'] as const;
type Level = (typeof LEVELS)[number];
const GROUP: Record<Level, number> = { 'rw----': 10, 'rwr---': 11, 'rwra--': 12, 'rwrw--': 13 };
const OTHER_GROUP = 20;
const groupPerms = new Map<number, number>([
  [SYSTEM_GROUP, PERM['rw----']],
  [USER_GROUP, PERM['rwr-r-']],
  ...LEVELS.map((l) => [GROUP[l], PERM[l]] as [number, number]),
  [OTHER_GROUP, PERM['rwrw--']],
]);
const perms = (g: number) => groupPerms.get(g);

const OWNER = 100;
const FOUR: ReadonlySet<AdminPrivilege> = new Set(['WriteOwned', 'DeleteOwned', 'Chgrp', 'Chown']);
const ROLES: Record<string, (g: number) => Caller> = {
  owner: (g) => caller({ userId: OWNER, memberOf: [g, USER_GROUP], contextGroupId: g }),
  member: (g) => caller({ userId: 101, memberOf: [g, USER_GROUP], contextGroupId: g }),
  pi: (g) => caller({ userId: 102, memberOf: [g, USER_GROUP], leaderOf: [g], contextGroupId: g }),
  admin: (g) => caller({ userId: 103, memberOf: [SYSTEM_GROUP, USER_GROUP], isAdmin: true, privileges: ALL_PRIVILEGES, contextGroupId: g }),
  ra4: (g) => caller({ userId: 104, memberOf: [SYSTEM_GROUP, USER_GROUP], isAdmin: true, privileges: FOUR, contextGroupId: g }),
  ra0: (g) => caller({ userId: 105, memberOf: [SYSTEM_GROUP, USER_GROUP], isAdmin: true, contextGroupId: g }),
  ra0member: (g) => caller({ userId: 106, memberOf: [SYSTEM_GROUP, g, USER_GROUP], isAdmin: true, contextGroupId: g }),
};

/** Reference §1.6, columns A and L, for the owner's object. */
const EXPECTED: Record<string, Record<Level, 'AL' | 'A.' | '.L' | '..'>> = {
  owner: { 'rw----': 'AL', 'rwr---': 'AL', 'rwra--': 'AL', 'rwrw--': 'AL' },
  member: { 'rw----': '..', 'rwr---': '..', 'rwra--': 'A.', 'rwrw--': 'AL' },
  pi: { 'rw----': '..', 'rwr---': 'AL', 'rwra--': 'AL', 'rwrw--': 'AL' },
  admin: { 'rw----': '..', 'rwr---': 'AL', 'rwra--': 'AL', 'rwrw--': 'AL' },
  ra4: { 'rw----': '..', 'rwr---': 'AL', 'rwra--': 'AL', 'rwrw--': 'AL' },
  ra0: { 'rw----': '..', 'rwr---': '..', 'rwra--': '..', 'rwrw--': '..' },
  ra0member: { 'rw----': '..', 'rwr---': '..', 'rwra--': 'A.', 'rwrw--': 'AL' },
};

const target = (ownerId: number, groupId: number): LinkTarget => ({ ownerId, groupId, kind: 'data', label: `ome.model.containers.Project:Id_1` });

describe('linkOperation', () => {
  it('annotation links need ANNOTATE, other links LINK (WRITE)', () => {
    assert.equal(linkOperation(true), Operation.ANNOTATE);
    assert.equal(linkOperation(false), Operation.LINK);
  });
});

describe('linkageRefusal: the A and L columns of the §1.6 matrix', () => {
  for (const [role, make] of Object.entries(ROLES)) {
    for (const level of LEVELS) {
      const want = EXPECTED[role]![level];
      it(`${role} in ${level}: ${want}`, () => {
        const g = GROUP[level];
        const annotate = linkageRefusal(make(g), { linkGroupId: g, annotationLink: true, target: target(OWNER, g) }, perms);
        const link = linkageRefusal(make(g), { linkGroupId: g, annotationLink: false, target: target(OWNER, g) }, perms);
        assert.equal(annotate === null ? 'A' : '.', want[0]);
        assert.equal(link === null ? 'L' : '.', want[1]);
        for (const r of [annotate, link]) {
          if (r === null) continue;
          if (level === 'rw----' && role !== 'member') {
            assert.equal(r.kind, 'ReadOnlyGroupSecurityViolation', r.message);
            assert.match(r.message, /not allowed to link to users' data/);
          } else {
            assert.equal(r.kind, 'SecurityViolation', r.message);
            assert.match(r.message, new RegExp(`^Group is ${level.replace(/-/g, '\\-')}\\. Cannot link to object: `));
          }
        }
      });
    }
  }
});

describe('linkageRefusal: group and type rules', () => {
  it('an object of another group is a MIXED GROUP GroupSecurityViolation, even for a full admin', () => {
    for (const make of [ROLES.owner!, ROLES.admin!]) {
      const r = linkageRefusal(make(GROUP['rwrw--']), { linkGroupId: GROUP['rwrw--'], annotationLink: false, target: target(OWNER, OTHER_GROUP) }, perms);
      assert.equal(r?.kind, 'GroupSecurityViolation');
      assert.match(r!.message, /^MIXED GROUP: /);
    }
  });
  it('objects of the user and system groups, and system types, are always linkable', () => {
    const member = ROLES.member!(GROUP['rw----']);
    for (const groupId of [USER_GROUP, SYSTEM_GROUP]) {
      assert.equal(linkageRefusal(member, { linkGroupId: GROUP['rw----'], annotationLink: false, target: target(OWNER, groupId) }, perms), null);
    }
    const experimenter: LinkTarget = { ownerId: OWNER, groupId: OTHER_GROUP, kind: 'Experimenter', label: 'ome.model.meta.Experimenter:Id_5' };
    assert.equal(linkageRefusal(member, { linkGroupId: GROUP['rw----'], annotationLink: true, target: experimenter }, perms), null);
  });
  it('graph-critical spares the caller\'s own objects', () => {
    const pi = ROLES.pi!(GROUP['rw----']);
    assert.equal(linkageRefusal(pi, { linkGroupId: GROUP['rw----'], annotationLink: true, target: target(102, GROUP['rw----']) }, perms), null);
  });
});
