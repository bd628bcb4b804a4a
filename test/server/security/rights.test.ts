/**
 * allowedOperations / restrictionsFor / isAllowed against reference permissions §1.4–§1.6.
 * Expectations are written as the spec's columns "A L E D G O" (annotate, link, edit, delete,
 * chgrp, chown), one character each, '.' for denied. READ is tested in visibility.test.ts.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Caller } from '../../../src/server/security/caller.js';
import {
  allowedOperations,
  isAllowed,
  Operation,
  restrictionsFor,
  type GroupPermsLookup,
  type ObjectKind,
  type RightsTarget,
} from '../../../src/server/security/rights.js';
import type { AdminPrivilege } from '../../../src/server/security/roles.js';
import { readScopeFor } from '../../../src/server/security/read-scope-for.js';
import { canReadRow } from '../../../src/server/security/visibility.js';
import {
  ALL_PRIVILEGES,
  caller,
  GUEST,
  GUEST_GROUP,
  PERM,
  ROOT,
  SYSTEM_GROUP,
  USER_GROUP,
  type Level,
} from './fixtures.js';

// ---- groups -------------------------------------------------------------------------------
const G: Record<'rw----' | 'rwr---' | 'rwra--' | 'rwrw--', number> = {
  'rw----': 10,
  'rwr---': 11,
  'rwra--': 12,
  'rwrw--': 13,
};
const G_WORLD_R = 14; // rwr-r-
const G_WORLD_RW_R = 15; // rwrwr-
const G_PUBLIC = 16; // rwrwrw
const G_WORLD_RA = 17; // rwrar-
const G_WORLD_RARA = 18; // rwrara
const G_PRIVATE_2 = 19; // rw---- (a second private group, for context ≠ object group)
const G_ELSEWHERE = 50; // rw---- (the outsider's own group)

const groupPerms = new Map<number, number>([
  [SYSTEM_GROUP, PERM['rw----']],
  [USER_GROUP, PERM['rwr-r-']],
  [GUEST_GROUP, PERM['rw----']],
  [G['rw----'], PERM['rw----']],
  [G['rwr---'], PERM['rwr---']],
  [G['rwra--'], PERM['rwra--']],
  [G['rwrw--'], PERM['rwrw--']],
  [G_WORLD_R, PERM['rwr-r-']],
  [G_WORLD_RW_R, PERM['rwrwr-']],
  [G_PUBLIC, PERM['rwrwrw']],
  [G_WORLD_RA, PERM['rwrar-']],
  [G_WORLD_RARA, PERM['rwrara']],
  [G_PRIVATE_2, PERM['rw----']],
  [G_ELSEWHERE, PERM['rw----']],
]);
const perms: GroupPermsLookup = (g) => groupPerms.get(g);

// ---- users --------------------------------------------------------------------------------
const OWNER = 100;
const MEMBER = 101;
const PI = 102;
const ADMIN = 103;
const ADMIN_NM = 104;
const RA4 = 105;
const RA0 = 106;
const RA0_MEMBER = 107;
const OUTSIDER = 108;
const RA_PARTIAL = 109;

const FOUR: ReadonlySet<AdminPrivilege> = new Set<AdminPrivilege>(['WriteOwned', 'DeleteOwned', 'Chgrp', 'Chown']);

type RoleName =
  | 'object owner (plain member)'
  | 'other member'
  | 'group owner / PI'
  | 'full admin, member'
  | 'full admin, not member'
  | 'restricted admin WriteOwned+DeleteOwned+Chgrp+Chown, not member'
  | 'restricted admin, no privileges, not member'
  | 'restricted admin, no privileges, plain member'
  | 'non-member non-admin'
  | 'guest';

/** The caller for a role, relative to the object's group `g`. */
function callerFor(role: RoleName, g: number, contextGroupId: number): Caller {
  switch (role) {
    case 'object owner (plain member)':
      return caller({ userId: OWNER, memberOf: [g, USER_GROUP], contextGroupId });
    case 'other member':
      return caller({ userId: MEMBER, memberOf: [g, USER_GROUP], contextGroupId });
    case 'group owner / PI':
      return caller({ userId: PI, memberOf: [g, USER_GROUP], leaderOf: [g], contextGroupId });
    case 'full admin, member':
      return caller({
        userId: ADMIN,
        memberOf: [SYSTEM_GROUP, g, USER_GROUP],
        isAdmin: true,
        privileges: ALL_PRIVILEGES,
        contextGroupId,
      });
    case 'full admin, not member':
      return caller({
        userId: ADMIN_NM,
        memberOf: [SYSTEM_GROUP, USER_GROUP],
        isAdmin: true,
        privileges: ALL_PRIVILEGES,
        contextGroupId,
      });
    case 'restricted admin WriteOwned+DeleteOwned+Chgrp+Chown, not member':
      return caller({ userId: RA4, memberOf: [SYSTEM_GROUP, USER_GROUP], isAdmin: true, privileges: FOUR, contextGroupId });
    case 'restricted admin, no privileges, not member':
      return caller({ userId: RA0, memberOf: [SYSTEM_GROUP, USER_GROUP], isAdmin: true, contextGroupId });
    case 'restricted admin, no privileges, plain member':
      return caller({ userId: RA0_MEMBER, memberOf: [SYSTEM_GROUP, g, USER_GROUP], isAdmin: true, contextGroupId });
    case 'non-member non-admin':
      return caller({ userId: OUTSIDER, memberOf: [G_ELSEWHERE, USER_GROUP], contextGroupId });
    case 'guest':
      return caller({ userId: GUEST, memberOf: [GUEST_GROUP], contextGroupId });
  }
}

// ---- expectation strings ------------------------------------------------------------------
const COLUMNS = ['A', 'L', 'E', 'D', 'G', 'O'] as const;
type Named = Record<(typeof COLUMNS)[number], boolean>;

/** "ALEDGO" with '.' for denied → named booleans. Rejects malformed strings (typos in tables). */
function expect(s: string): Named {
  assert.equal(s.length, 6, `expectation ${s} must have 6 columns`);
  const out = {} as Named;
  COLUMNS.forEach((c, i) => {
    assert.ok(s[i] === c || s[i] === '.', `expectation ${s}: column ${i} must be ${c} or '.'`);
    out[c] = s[i] === c;
  });
  return out;
}

/** Result of allowedOperations (index order LINK, EDIT, DELETE, ANNOTATE, CHGRP, CHOWN) → named. */
function named(allowed: readonly boolean[]): Named {
  assert.equal(allowed.length, 6);
  return {
    A: allowed[Operation.ANNOTATE]!,
    L: allowed[Operation.LINK]!,
    E: allowed[Operation.EDIT]!,
    D: allowed[Operation.DELETE]!,
    G: allowed[Operation.CHGRP]!,
    O: allowed[Operation.CHOWN]!,
  };
}

/** Checks allowedOperations, isAllowed for each op, and restrictionsFor all agree with `want`. */
function check(c: Caller, target: RightsTarget, want: string, lookup: GroupPermsLookup = perms): void {
  const w = expect(want);
  assert.deepEqual(named(allowedOperations(c, target, lookup)), w);
  const byOp: Array<[keyof Named, Operation]> = [
    ['A', Operation.ANNOTATE],
    ['L', Operation.LINK],
    ['E', Operation.EDIT],
    ['D', Operation.DELETE],
    ['G', Operation.CHGRP],
    ['O', Operation.CHOWN],
  ];
  for (const [col, op] of byOp) assert.equal(isAllowed(c, target, op, lookup), w[col], `isAllowed ${col}`);
  const restrictions = restrictionsFor(c, target, lookup);
  if (Object.values(w).every(Boolean)) {
    assert.equal(restrictions, null);
  } else {
    assert.ok(Array.isArray(restrictions));
    assert.equal(restrictions.length, 6);
    const expected: boolean[] = [];
    expected[Operation.LINK] = !w.L;
    expected[Operation.EDIT] = !w.E;
    expected[Operation.DELETE] = !w.D;
    expected[Operation.ANNOTATE] = !w.A;
    expected[Operation.CHGRP] = !w.G;
    expected[Operation.CHOWN] = !w.O;
    assert.deepEqual(restrictions, expected);
  }
}

const data = (ownerId: number, groupId: number, kind: ObjectKind = 'data'): RightsTarget => ({ ownerId, groupId, kind });

// ---- §1.4 indices -------------------------------------------------------------------------
describe('Operation indices (§1.4: 0 LINK, 1 EDIT, 2 DELETE, 3 ANNOTATE, 4 CHGRP, 5 CHOWN)', () => {
  it('matches Constants.ice order', () => {
    assert.deepEqual(Operation, { LINK: 0, EDIT: 1, DELETE: 2, ANNOTATE: 3, CHGRP: 4, CHOWN: 5 });
  });
});

// ---- §1.6 full matrix ---------------------------------------------------------------------
const LEVELS = ['rw----', 'rwr---', 'rwra--', 'rwrw--'] as const;
/** Reference §1.6, "A L E D G O" per level (R is left to the visibility tests). */
const MATRIX: ReadonlyArray<[RoleName, Record<(typeof LEVELS)[number], string>]> = [
  ['object owner (plain member)', { 'rw----': 'ALEDG.', 'rwr---': 'ALEDG.', 'rwra--': 'ALEDG.', 'rwrw--': 'ALEDG.' }],
  ['other member', { 'rw----': '......', 'rwr---': '......', 'rwra--': 'A.....', 'rwrw--': 'ALED..' }],
  ['group owner / PI', { 'rw----': '..ED.O', 'rwr---': 'ALED.O', 'rwra--': 'ALED.O', 'rwrw--': 'ALED.O' }],
  ['full admin, member', { 'rw----': '..EDGO', 'rwr---': 'ALEDGO', 'rwra--': 'ALEDGO', 'rwrw--': 'ALEDGO' }],
  ['full admin, not member', { 'rw----': '..EDGO', 'rwr---': 'ALEDGO', 'rwra--': 'ALEDGO', 'rwrw--': 'ALEDGO' }],
  [
    'restricted admin WriteOwned+DeleteOwned+Chgrp+Chown, not member',
    { 'rw----': '..EDGO', 'rwr---': 'ALEDGO', 'rwra--': 'ALEDGO', 'rwrw--': 'ALEDGO' },
  ],
  [
    'restricted admin, no privileges, not member',
    { 'rw----': '......', 'rwr---': '......', 'rwra--': '......', 'rwrw--': '......' },
  ],
  // "(*) R only in private; as member" in the other levels
  [
    'restricted admin, no privileges, plain member',
    { 'rw----': '......', 'rwr---': '......', 'rwra--': 'A.....', 'rwrw--': 'ALED..' },
  ],
  ['non-member non-admin', { 'rw----': '......', 'rwr---': '......', 'rwra--': '......', 'rwrw--': '......' }],
  ['guest', { 'rw----': '......', 'rwr---': '......', 'rwra--': '......', 'rwrw--': '......' }],
];

for (const context of ['object group', -1] as const) {
  describe(`§1.6 matrix, others' data (owner is a plain member), context = ${context}`, () => {
    for (const [role, row] of MATRIX) {
      for (const level of LEVELS) {
        const g = G[level];
        const ctx = context === -1 ? -1 : g;
        // every row looks at OWNER's object; for the first row the caller *is* OWNER
        it(`${role} × ${level} ⇒ ${row[level]}`, () => {
          check(callerFor(role, g, ctx), data(OWNER, g), row[level]);
        });
      }
    }
  });
}

// ---- PFS rows quoted in §1.6 --------------------------------------------------------------
describe('PFS rows (omero-py testlib), PF(perms, writer, reader, read, annotate, delete, edit, link, chgrp, chown)', () => {
  type Reader = 'admin' | 'group-owner' | 'member';
  const PFS: ReadonlyArray<[(typeof LEVELS)[number], Reader, [number, number, number, number, number, number, number]]> = [
    ['rw----', 'admin', [1, 0, 1, 1, 0, 1, 1]],
    ['rw----', 'group-owner', [1, 0, 1, 1, 0, 0, 1]],
    ['rw----', 'member', [0, 0, 0, 0, 0, 0, 0]],
    ['rwr---', 'admin', [1, 1, 1, 1, 1, 1, 1]],
    ['rwr---', 'group-owner', [1, 1, 1, 1, 1, 0, 1]],
    ['rwr---', 'member', [1, 0, 0, 0, 0, 0, 0]],
    ['rwra--', 'member', [1, 1, 0, 0, 0, 0, 0]],
    ['rwrw--', 'member', [1, 1, 1, 1, 1, 0, 0]],
  ];
  const roleOf: Record<Reader, RoleName> = {
    admin: 'full admin, not member',
    'group-owner': 'group owner / PI',
    member: 'other member',
  };
  for (const [level, reader, [read, annotate, del, edit, link, chgrp, chown]] of PFS) {
    it(`${level} ${reader}: read ${read} annotate ${annotate} delete ${del} edit ${edit} link ${link} chgrp ${chgrp} chown ${chown}`, () => {
      const g = G[level];
      const c = callerFor(roleOf[reader], g, g);
      const got = named(allowedOperations(c, data(OWNER, g), perms));
      assert.deepEqual(
        [got.A, got.D, got.E, got.L, got.G, got.O],
        [annotate, del, edit, link, chgrp, chown].map((x) => x === 1),
      );
      const scope = readScopeFor(c, { perms, worldReadableGroupIds: [USER_GROUP], colleagueIds: [] });
      assert.equal(canReadRow(scope, { ownerId: OWNER, groupId: g }), read === 1, 'read');
    });
  }
});

// ---- partial privilege sets ---------------------------------------------------------------
describe('partial privilege sets (§1.6 "combine per column")', () => {
  const cases: ReadonlyArray<[string, AdminPrivilege[], 'member' | 'not member', Record<(typeof LEVELS)[number], string>]> = [
    ['only WriteOwned', ['WriteOwned'], 'not member', { 'rw----': '..E...', 'rwr---': 'ALE...', 'rwra--': 'ALE...', 'rwrw--': 'ALE...' }],
    ['only DeleteOwned', ['DeleteOwned'], 'not member', { 'rw----': '...D..', 'rwr---': '...D..', 'rwra--': '...D..', 'rwrw--': '...D..' }],
    ['only Chgrp', ['Chgrp'], 'not member', { 'rw----': '....G.', 'rwr---': '....G.', 'rwra--': '....G.', 'rwrw--': '....G.' }],
    ['only Chown', ['Chown'], 'not member', { 'rw----': '.....O', 'rwr---': '.....O', 'rwra--': '.....O', 'rwrw--': '.....O' }],
    // privileges add to what membership already gives
    ['only WriteOwned, plain member', ['WriteOwned'], 'member', { 'rw----': '..E...', 'rwr---': 'ALE...', 'rwra--': 'ALE...', 'rwrw--': 'ALED..' }],
    ['only DeleteOwned, plain member', ['DeleteOwned'], 'member', { 'rw----': '...D..', 'rwr---': '...D..', 'rwra--': 'A..D..', 'rwrw--': 'ALED..' }],
    ['only Chown, plain member', ['Chown'], 'member', { 'rw----': '.....O', 'rwr---': '.....O', 'rwra--': 'A....O', 'rwrw--': 'ALED.O' }],
    // 14 of 15 privileges is not a full admin: graph-critical still blocks A/L, and the missing one is missing
    [
      'all but DeleteOwned',
      ['Chgrp', 'Chown', 'DeleteFile', 'DeleteManagedRepo', 'DeleteScriptRepo', 'ModifyGroup', 'ModifyGroupMembership', 'ModifyUser', 'ReadSession', 'Sudo', 'WriteFile', 'WriteManagedRepo', 'WriteOwned', 'WriteScriptRepo'],
      'not member',
      { 'rw----': '..E.GO', 'rwr---': 'ALE.GO', 'rwra--': 'ALE.GO', 'rwrw--': 'ALE.GO' },
    ],
  ];
  for (const [name, privs, membership, row] of cases) {
    for (const level of LEVELS) {
      it(`${name} × ${level} ⇒ ${row[level]}`, () => {
        const g = G[level];
        const c = caller({
          userId: RA_PARTIAL,
          memberOf: membership === 'member' ? [SYSTEM_GROUP, g, USER_GROUP] : [SYSTEM_GROUP, USER_GROUP],
          isAdmin: true,
          privileges: new Set(privs),
          contextGroupId: g,
        });
        check(c, data(OWNER, g), row[level]);
      });
    }
  }
  it('privileges held by a non-admin are inert (hasPrivilege needs isAdmin)', () => {
    const g = G['rwr---'];
    const c = caller({ userId: MEMBER, memberOf: [g], privileges: ALL_PRIVILEGES, contextGroupId: g });
    check(c, data(OWNER, g), '......');
  });
});

// ---- world-readable groups ----------------------------------------------------------------
describe('world bits (§1.6: non-members get what WORLD grants)', () => {
  const cases: ReadonlyArray<[string, number, string, string]> = [
    // [level, group, non-member expectation, plain member expectation]
    ['rwr-r-', G_WORLD_R, '......', '......'],
    ['rwrwr-', G_WORLD_RW_R, '......', 'ALED..'],
    ['rwrar-', G_WORLD_RA, '......', 'A.....'],
    ['rwrara', G_WORLD_RARA, 'A.....', 'A.....'],
    ['rwrwrw', G_PUBLIC, 'ALED..', 'ALED..'],
  ];
  for (const [level, g, nonMember, member] of cases) {
    for (const ctx of [g, -1]) {
      it(`${level}, context ${ctx}: non-member ⇒ ${nonMember}`, () => {
        check(callerFor('non-member non-admin', g, ctx), data(OWNER, g), nonMember);
      });
      it(`${level}, context ${ctx}: plain member ⇒ ${member}`, () => {
        check(callerFor('other member', g, ctx), data(OWNER, g), member);
      });
    }
    it(`${level}: owner ⇒ ALEDG.`, () => {
      check(callerFor('object owner (plain member)', g, g), data(OWNER, g), 'ALEDG.');
    });
  }
  it('rwrwrw: a full admin non-member in a world-readable group is never graph-critical ⇒ ALEDGO', () => {
    check(callerFor('full admin, not member', G_PUBLIC, G_PUBLIC), data(OWNER, G_PUBLIC), 'ALEDGO');
  });
  it('guest gets nothing even where WORLD grants write (rwrwrw)', () => {
    check(callerFor('guest', G_PUBLIC, G_PUBLIC), data(OWNER, G_PUBLIC), '......');
    check(callerFor('guest', G_PUBLIC, -1), data(OWNER, G_PUBLIC), '......');
  });
});

// ---- the "user" group (id 1) --------------------------------------------------------------
describe('objects in the "user" group (§1.5 step 4, §1.6: A/L for all, E/D owner/PI/privileged admin)', () => {
  const memberOfUser = (userId: number, ctx: number, extra: Partial<Caller> = {}): Caller =>
    caller({ userId, memberOf: [G['rwr---'], USER_GROUP], contextGroupId: ctx, ...extra });
  for (const ctx of [G['rwr---'], USER_GROUP, -1]) {
    it(`context ${ctx}: owner ⇒ ALEDG.`, () => check(memberOfUser(OWNER, ctx), data(OWNER, USER_GROUP), 'ALEDG.'));
    it(`context ${ctx}: another user ⇒ AL....`, () => check(memberOfUser(MEMBER, ctx), data(OWNER, USER_GROUP), 'AL....'));
    it(`context ${ctx}: non-member of "user" can still link/annotate ⇒ AL....`, () =>
      check(caller({ userId: OUTSIDER, memberOf: [G_ELSEWHERE], contextGroupId: ctx }), data(OWNER, USER_GROUP), 'AL....'));
    it(`context ${ctx}: PI of "user" ⇒ ALED.O`, () =>
      check(memberOfUser(PI, ctx, { leaderOf: [USER_GROUP] }), data(OWNER, USER_GROUP), 'ALED.O'));
    it(`context ${ctx}: full admin ⇒ ALEDGO`, () =>
      check(callerFor('full admin, not member', USER_GROUP, ctx), data(OWNER, USER_GROUP), 'ALEDGO'));
    it(`context ${ctx}: restricted admin with 4 privileges ⇒ ALEDGO`, () =>
      check(callerFor('restricted admin WriteOwned+DeleteOwned+Chgrp+Chown, not member', USER_GROUP, ctx), data(OWNER, USER_GROUP), 'ALEDGO'));
    it(`context ${ctx}: restricted admin without privileges ⇒ AL....`, () =>
      check(callerFor('restricted admin, no privileges, not member', USER_GROUP, ctx), data(OWNER, USER_GROUP), 'AL....'));
    it(`context ${ctx}: guest ⇒ ......`, () => check(callerFor('guest', USER_GROUP, ctx), data(OWNER, USER_GROUP), '......'));
  }
  it('is judged as rw---- whatever the "user" group row says (here rwrwrw)', () => {
    const lookup: GroupPermsLookup = (g) => (g === USER_GROUP ? PERM['rwrwrw'] : perms(g));
    check(memberOfUser(MEMBER, G['rwr---']), data(OWNER, USER_GROUP), 'AL....', lookup);
    check(memberOfUser(OWNER, G['rwr---']), data(OWNER, USER_GROUP), 'ALEDG.', lookup);
  });
  it('is exempt from graph-critical: PI in its private context group may still link/annotate', () => {
    const c = caller({ userId: PI, memberOf: [G['rw----'], USER_GROUP], leaderOf: [G['rw----']], contextGroupId: G['rw----'] });
    check(c, data(OWNER, USER_GROUP), 'AL....');
  });
  it('is exempt from graph-critical: full admin in the private system-group context ⇒ ALEDGO', () => {
    check(callerFor('full admin, not member', USER_GROUP, SYSTEM_GROUP), data(OWNER, USER_GROUP), 'ALEDGO');
  });
});

// ---- data in the system group (id 0) ------------------------------------------------------
describe('data objects in the "system" group (§1.5 step 5 last rule)', () => {
  it('a non-admin may link/annotate but not edit root\'s object ⇒ AL....', () => {
    check(caller({ userId: MEMBER, memberOf: [G['rwr---'], USER_GROUP], contextGroupId: -1 }), data(ROOT, SYSTEM_GROUP), 'AL....');
  });
  it('an admin with no privileges in -1 is graph-critical there (system group is rw----) ⇒ ......', () => {
    check(callerFor('restricted admin, no privileges, not member', SYSTEM_GROUP, -1), data(ROOT, SYSTEM_GROUP), '......');
  });
  it('the same admin in a readable context group is not critical ⇒ AL....', () => {
    check(callerFor('restricted admin, no privileges, not member', SYSTEM_GROUP, G['rwr---']), data(ROOT, SYSTEM_GROUP), 'AL....');
  });
});

// ---- system types -------------------------------------------------------------------------
describe('system-type targets (§1.5 step 5, §1.6)', () => {
  const SYSTEM_KINDS: ObjectKind[] = ['Experimenter', 'ExperimenterGroup', 'GroupExperimenterMap', 'system'];
  const nonAdmins: Array<[string, Caller]> = [
    ['plain member', caller({ userId: MEMBER, memberOf: [G['rwrw--'], USER_GROUP], contextGroupId: G['rwrw--'] })],
    ['PI', caller({ userId: PI, memberOf: [G['rwrw--'], USER_GROUP], leaderOf: [G['rwrw--']], contextGroupId: G['rwrw--'] })],
    ['PI in its private context (not graph-critical for system types)', caller({ userId: PI, memberOf: [G['rw----'], USER_GROUP], leaderOf: [G['rw----']], contextGroupId: G['rw----'] })],
    ['non-member, -1', caller({ userId: OUTSIDER, memberOf: [G_ELSEWHERE, USER_GROUP], contextGroupId: -1 })],
    ['guest', caller({ userId: GUEST, memberOf: [GUEST_GROUP], contextGroupId: GUEST_GROUP })],
  ];
  for (const kind of SYSTEM_KINDS) {
    for (const [who, c] of nonAdmins) {
      it(`${kind}: ${who} may only link/annotate ⇒ AL....`, () => check(c, data(ROOT, SYSTEM_GROUP, kind), 'AL....'));
    }
    it(`${kind}: full admin ⇒ ALEDGO`, () =>
      check(callerFor('full admin, not member', SYSTEM_GROUP, -1), data(ROOT, SYSTEM_GROUP, kind), 'ALEDGO'));
  }
  const privileged: ReadonlyArray<[ObjectKind, AdminPrivilege, AdminPrivilege[]]> = [
    ['Experimenter', 'ModifyUser', ['ModifyGroup', 'ModifyGroupMembership', 'WriteOwned', 'DeleteOwned']],
    ['ExperimenterGroup', 'ModifyGroup', ['ModifyUser', 'ModifyGroupMembership', 'WriteOwned', 'DeleteOwned']],
    ['GroupExperimenterMap', 'ModifyGroupMembership', ['ModifyUser', 'ModifyGroup', 'WriteOwned', 'DeleteOwned']],
  ];
  for (const [kind, needed, others] of privileged) {
    for (const ctx of [G['rw----'], -1]) {
      it(`${kind}: restricted admin with ${needed} ⇒ ALED.. (context ${ctx})`, () => {
        const c = caller({ userId: RA_PARTIAL, memberOf: [SYSTEM_GROUP], isAdmin: true, privileges: new Set([needed]), contextGroupId: ctx });
        check(c, data(ROOT, SYSTEM_GROUP, kind), 'ALED..');
      });
      it(`${kind}: restricted admin with only ${others.join('+')} ⇒ AL.... (context ${ctx})`, () => {
        const c = caller({ userId: RA_PARTIAL, memberOf: [SYSTEM_GROUP], isAdmin: true, privileges: new Set(others), contextGroupId: ctx });
        check(c, data(ROOT, SYSTEM_GROUP, kind), 'AL....');
      });
    }
  }
  it('other system types (Session, Event, enums…): any admin, even without privileges ⇒ ALED..', () => {
    check(callerFor('restricted admin, no privileges, not member', SYSTEM_GROUP, G['rw----']), data(ROOT, SYSTEM_GROUP, 'system'), 'ALED..');
  });
  it('system-type CHGRP/CHOWN still follow step 6 (Chgrp privilege / PI of the row group)', () => {
    const c = caller({ userId: RA_PARTIAL, memberOf: [SYSTEM_GROUP], isAdmin: true, privileges: new Set<AdminPrivilege>(['Chgrp', 'Chown']), contextGroupId: -1 });
    check(c, data(ROOT, SYSTEM_GROUP, 'Experimenter'), 'AL..GO');
  });
});

// ---- graph-critical with a context group different from the object's group ----------------
describe('graph-critical (§1.5 step 2: judged on the context group, or the object group when -1)', () => {
  const P = G['rw----'];
  const RW = G['rwrw--'];
  const RA = G['rwra--'];
  const piOfPrivate = (ctx: number): Caller =>
    caller({ userId: PI, memberOf: [P, RW, RA, USER_GROUP], leaderOf: [P], contextGroupId: ctx });
  it('PI of a private context group looking at a member object in a read-write group: A/L blocked ⇒ ..ED..', () => {
    check(piOfPrivate(P), data(OWNER, RW), '..ED..');
  });
  it('same caller with the read-write group as context ⇒ ALED..', () => check(piOfPrivate(RW), data(OWNER, RW), 'ALED..'));
  it('same caller with -1 (object group rwrw-- decides) ⇒ ALED..', () => check(piOfPrivate(-1), data(OWNER, RW), 'ALED..'));
  it('PI looking at its private group\'s data from a read-annotate context: not critical ⇒ ALED.O', () => {
    check(piOfPrivate(RA), data(OWNER, P), 'ALED.O');
  });
  it('... from its own private context ⇒ ..ED.O', () => check(piOfPrivate(P), data(OWNER, P), '..ED.O'));
  it('... with -1 (object group private, PI of it) ⇒ ..ED.O', () => check(piOfPrivate(-1), data(OWNER, P), '..ED.O'));
  it('own objects are never blocked: PI in private context, own object in read-write group ⇒ ALEDG.', () => {
    check(piOfPrivate(P), data(PI, RW), 'ALEDG.');
  });
  it('PI of a *different* private group (not of the context) is not critical ⇒ ALED..', () => {
    const c = caller({ userId: PI, memberOf: [P, G_PRIVATE_2, RW], leaderOf: [G_PRIVATE_2], contextGroupId: P });
    check(c, data(OWNER, RW), 'ALED..');
  });
  it('plain member in a private context is not critical ⇒ ALED..', () => {
    check(caller({ userId: MEMBER, memberOf: [P, RW], contextGroupId: P }), data(OWNER, RW), 'ALED..');
  });
  it('full admin with the private system group as context, object in rwrw-- ⇒ ..EDGO', () => {
    check(callerFor('full admin, not member', RW, SYSTEM_GROUP), data(OWNER, RW), '..EDGO');
  });
  it('full admin with a readable context, object in a private group ⇒ ALEDGO', () => {
    check(callerFor('full admin, not member', P, RA), data(OWNER, P), 'ALEDGO');
  });
  it('world-readable context (rwr-r-) is never critical even for admins', () => {
    check(callerFor('full admin, not member', RW, G_WORLD_R), data(OWNER, RW), 'ALEDGO');
  });
});

// ---- restrictionsFor shape ----------------------------------------------------------------
describe('restrictionsFor (§1.4: null when allow == 63, else 6 booleans, true = disallowed)', () => {
  it('null when everything is allowed', () => {
    assert.equal(restrictionsFor(callerFor('full admin, member', G['rwr---'], G['rwr---']), data(OWNER, G['rwr---']), perms), null);
  });
  it('6-element array in index order otherwise (member in rwra--: only ANNOTATE allowed)', () => {
    const r = restrictionsFor(callerFor('other member', G['rwra--'], G['rwra--']), data(OWNER, G['rwra--']), perms);
    assert.deepEqual(r, [true, true, true, false, true, true]);
  });
  it('6-element array when only CHOWN is missing (owner\'s own object)', () => {
    const r = restrictionsFor(callerFor('object owner (plain member)', G['rwrw--'], G['rwrw--']), data(OWNER, G['rwrw--']), perms);
    assert.deepEqual(r, [false, false, false, false, false, true]);
  });
  it('all true for a caller with nothing', () => {
    const r = restrictionsFor(callerFor('guest', G['rwrw--'], G['rwrw--']), data(OWNER, G['rwrw--']), perms);
    assert.deepEqual(r, [true, true, true, true, true, true]);
  });
});

// keep the Level import meaningful: every level used above exists in PERM
describe('fixture sanity', () => {
  it('every group in the lookup has a known level', () => {
    const known = new Set(Object.values(PERM) as number[]);
    for (const [, p] of groupPerms) assert.ok(known.has(p));
    const levels: Level[] = ['rw----', 'rwr---', 'rwra--', 'rwrw--'];
    assert.deepEqual(levels.map((l) => groupPerms.get(G[l as keyof typeof G])), [-120, -56, -40, -8]);
  });
});

