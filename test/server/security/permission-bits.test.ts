/** isGranted / isGroupReadable against the perm1 table of reference permissions §1.1–§1.2. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isGranted, isGroupReadable, Right, Role } from '../../../src/server/security/permission-bits.js';
import { encode, PERM } from './fixtures.js';

const ROLES = [
  ['USER', Role.USER, 0],
  ['GROUP', Role.GROUP, 2],
  ['WORLD', Role.WORLD, 4],
] as const;
const RIGHTS = [
  ['READ', Right.READ],
  ['ANNOTATE', Right.ANNOTATE],
  ['WRITE', Right.WRITE],
] as const;

/** What the 6-char string grants (§1.2: r ⇒ READ; a ⇒ ANNOTATE; w ⇒ ANNOTATE and WRITE). */
function grants(perms: string, charIndex: number, right: string): boolean {
  const r = perms[charIndex]!;
  const w = perms[charIndex + 1]!;
  if (right === 'READ') return r === 'r';
  if (right === 'ANNOTATE') return w === 'a' || w === 'w';
  return w === 'w';
}

describe('constants (§1.1)', () => {
  it('rights READ 4, WRITE 2, ANNOTATE 1; role shifts USER 8, GROUP 4, WORLD 0', () => {
    assert.deepEqual(Right, { READ: 4, WRITE: 2, ANNOTATE: 1 });
    assert.deepEqual(Role, { USER: 8, GROUP: 4, WORLD: 0 });
  });
  it('the §1.1 perm1 table is the encoding of its strings (EMPTY -1912 OR granted bits)', () => {
    for (const [s, perm1] of Object.entries(PERM)) assert.equal(encode(s), perm1, s);
  });
});

describe('isGranted on the known perm1 values (§1.1 table)', () => {
  for (const [s, perm1] of Object.entries(PERM)) {
    for (const [roleName, role, charIndex] of ROLES) {
      for (const [rightName, right] of RIGHTS) {
        const want = grants(s, charIndex, rightName);
        it(`${s} (${perm1}) ${roleName} ${rightName} ⇒ ${want}`, () => {
          assert.equal(isGranted(perm1, role, right), want);
        });
      }
    }
  }
});

describe('isGranted: bit arithmetic', () => {
  it('tests exactly bit (right << shift): GROUP READ is 64, WORLD READ is 4, USER WRITE is 512', () => {
    assert.equal(isGranted(64, Role.GROUP, Right.READ), true);
    assert.equal(isGranted(64, Role.WORLD, Right.READ), false);
    assert.equal(isGranted(4, Role.WORLD, Right.READ), true);
    assert.equal(isGranted(512, Role.USER, Right.WRITE), true);
    assert.equal(isGranted(512, Role.USER, Right.READ), false);
    assert.equal(isGranted(0, Role.USER, Right.READ), false);
  });
  it('-1 (all bits on, Java default) grants everything; EMPTY grants nothing', () => {
    for (const [, role] of ROLES) {
      for (const [, right] of RIGHTS) {
        assert.equal(isGranted(-1, role, right), true);
        assert.equal(isGranted(PERM['------'], role, right), false);
      }
    }
  });
  it('unused / flag bits do not matter (Flag.UNUSED = 1<<19 cleared)', () => {
    const flagged = PERM['rwr---'] & ~(1 << 19);
    assert.equal(isGranted(flagged, Role.GROUP, Right.READ), true);
    assert.equal(isGranted(flagged, Role.GROUP, Right.WRITE), false);
    assert.equal(isGroupReadable(PERM['rw----'] & ~(1 << 19)), false);
  });
  it('WRITE without ANNOTATE (raw setter) reports WRITE but not ANNOTATE', () => {
    const writeOnly = PERM['rwr---'] | (2 << 4); // GROUP WRITE bit without GROUP ANNOTATE
    assert.equal(isGranted(writeOnly, Role.GROUP, Right.WRITE), true);
    assert.equal(isGranted(writeOnly, Role.GROUP, Right.ANNOTATE), false);
  });
});

describe('isGroupReadable (GROUP READ or WORLD READ)', () => {
  const cases: ReadonlyArray<[string, boolean]> = [
    ['------', false],
    ['rw----', false],
    ['rwr---', true],
    ['rwra--', true],
    ['rwrw--', true],
    ['rwr-r-', true],
    ['rwrwr-', true],
    ['rwrar-', true],
    ['rwrara', true],
    ['rwrwrw', true],
    ['rw--r-', true], // world-readable without group read (legal bits)
    ['r-----', false],
    ['rw-a--', false], // annotate without read is not "readable"
  ];
  for (const [s, want] of cases) {
    it(`${s} (${encode(s)}) ⇒ ${want}`, () => assert.equal(isGroupReadable(encode(s)), want));
  }
});
