import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  ClientError,
  formatPermissions,
  iceStringify,
  isGranted,
  parsePermissions,
  PERM_ALL,
  PERM_EMPTY,
  permBit,
  PermissionsI,
  RESTRICT_BINARY_ACCESS,
  Restriction,
  Right,
  Role,
  withGrant,
} from '../../src/model/index.js';

describe('permission bits (reference omero-permissions.md §1.1)', () => {
  it('lays out rights per role: USER 8, GROUP 4, WORLD 0; READ 4, WRITE 2, ANNOTATE 1', () => {
    assert.equal(permBit(Role.USER, Right.READ), 1024);
    assert.equal(permBit(Role.USER, Right.WRITE), 512);
    assert.equal(permBit(Role.USER, Right.ANNOTATE), 256);
    assert.equal(permBit(Role.GROUP, Right.READ), 64);
    assert.equal(permBit(Role.GROUP, Right.WRITE), 32);
    assert.equal(permBit(Role.GROUP, Right.ANNOTATE), 16);
    assert.equal(permBit(Role.WORLD, Right.READ), 4);
    assert.equal(permBit(Role.WORLD, Right.WRITE), 2);
    assert.equal(permBit(Role.WORLD, Right.ANNOTATE), 1);
    assert.equal(PERM_EMPTY, ~0x777);
    assert.equal(PERM_ALL, -1);
  });

  const table: Array<[string, number]> = [
    ['------', -1912],
    ['rw----', -120],
    ['rwr---', -56],
    ['rwra--', -40],
    ['rwrw--', -8],
    ['rwr-r-', -52],
    ['rwrwr-', -4],
    ['rwrar-', -36],
    ['rwrara', -35],
    ['rwrwrw', -1],
  ];

  for (const [text, perm1] of table) {
    it(`encodes ${text} as ${perm1} and back`, () => {
      assert.equal(parsePermissions(text), perm1);
      assert.equal(formatPermissions(perm1), text);
    });
  }

  it('round-trips every canonical 6-character string', () => {
    const reads = ['r', '-'];
    const writes = ['w', 'a', '-'];
    let count = 0;
    for (const ur of reads)
      for (const uw of writes)
        for (const gr of reads)
          for (const gw of writes)
            for (const wr of reads)
              for (const ww of writes) {
                const text = ur + uw + gr + gw + wr + ww;
                assert.equal(formatPermissions(parsePermissions(text)), text);
                count += 1;
              }
    assert.equal(count, 216);
  });

  it('treats w as implying annotate, accepts _ and upper case and a legacy L prefix', () => {
    assert.ok(isGranted(parsePermissions('rwrw--'), Role.GROUP, Right.ANNOTATE));
    assert.equal(parsePermissions('RWRA__'), parsePermissions('rwra--'));
    assert.equal(parsePermissions('Lrwr---'), -56);
  });

  it('rejects malformed strings with "Invalid permission string"', () => {
    for (const bad of ['', 'rwr--', 'rwr----', 'xwr---', 'rwrx--', 'lrwr---', ' rwr---']) {
      assert.throws(() => parsePermissions(bad), { message: `Invalid permission string: ${bad}` });
    }
  });

  it('prints w when only WRITE is set (raw setters), as OMERO does', () => {
    const perm1 = withGrant(PERM_EMPTY, Role.USER, Right.WRITE, true);
    assert.equal(formatPermissions(perm1), '-w----');
    assert.equal(withGrant(-1, Role.WORLD, Right.READ, false) & 4, 0);
    assert.throws(() => formatPermissions(2 ** 40), /out of supported range/);
  });
});

describe('PermissionsI', () => {
  it('defaults to -1 like omero-py and accepts a string or a number', () => {
    assert.equal(new PermissionsI().getPerm1(), -1);
    assert.equal(new PermissionsI('rwr---').getPerm1(), -56);
    assert.equal(new PermissionsI(-120).toString(), 'rw----');
    assert.equal(`${new PermissionsI('rwra--')}`, 'rwra--');
    assert.throws(() => new PermissionsI('bogus'), /Invalid permission string: bogus/);
  });

  it('answers the is* questions from the bits', () => {
    const p = new PermissionsI('rwra--');
    assert.deepEqual(
      [p.isUserRead(), p.isUserAnnotate(), p.isUserWrite(), p.isGroupRead(), p.isGroupAnnotate(), p.isGroupWrite()],
      [true, true, true, true, true, false],
    );
    assert.deepEqual([p.isWorldRead(), p.isWorldAnnotate(), p.isWorldWrite()], [false, false, false]);
  });

  it('setters change single bits', () => {
    const p = new PermissionsI('rw----');
    p.setGroupRead(true);
    assert.equal(p.toString(), 'rwr---');
    p.setGroupAnnotate(true);
    assert.equal(p.getPerm1(), -40);
    p.setGroupWrite(true);
    assert.equal(p.toString(), 'rwrw--');
    p.setWorldRead(true);
    p.setWorldAnnotate(true);
    p.setWorldWrite(true);
    assert.equal(p.getPerm1(), -1);
    p.setUserRead(false);
    p.setUserWrite(false);
    p.setUserAnnotate(false);
    assert.equal(p.toString(), '--rwrw');
    p.setPerm1(-56);
    p.from_string('rwrw--');
    assert.equal(p.getPerm1(), -8);
  });

  it('can* answers from _restrictions (true = disallowed); null or short arrays allow everything', () => {
    const p = new PermissionsI('rwr---');
    assert.ok(p.canLink() && p.canEdit() && p.canDelete() && p.canAnnotate() && p.canChgrp() && p.canChown());
    p._restrictions = [true, false, true, false, false, true];
    assert.deepEqual(
      [p.canLink(), p.canEdit(), p.canDelete(), p.canAnnotate(), p.canChgrp(), p.canChown()],
      [false, true, false, true, true, false],
    );
    assert.ok(p.isDisallow(Restriction.LINK));
    p._restrictions = [false, true];
    assert.ok(!p.canEdit() && p.canChown());
    assert.deepEqual(Restriction, { LINK: 0, EDIT: 1, DELETE: 2, ANNOTATE: 3, CHGRP: 4, CHOWN: 5 });
  });

  it('isRestricted checks _extendedRestrictions', () => {
    const p = new PermissionsI('rwr---');
    assert.ok(!p.isRestricted(RESTRICT_BINARY_ACCESS));
    p._extendedRestrictions = [RESTRICT_BINARY_ACCESS];
    assert.ok(p.isRestricted('RESTRICT-BINARY-ACCESS'));
    assert.deepEqual(p.getExtendedRestrictions(), ['RESTRICT-BINARY-ACCESS']);
    assert.equal(p.getRestrictions(), null);
  });

  it('immutable permissions (from the server) refuse every setter', () => {
    const p = new PermissionsI('rwr---').makeImmutable();
    const setters: Array<() => void> = [
      () => p.setPerm1(-1),
      () => p.from_string('rw----'),
      () => p.setUserRead(false),
      () => p.setGroupWrite(true),
      () => p.setWorldAnnotate(true),
    ];
    for (const set of setters) {
      assert.throws(set, (e: unknown) => e instanceof ClientError && e.message === 'ImmutablePermissions: rwr---');
    }
    assert.equal(p.getPerm1(), -56);
  });

  it('prints the Ice object form (repr) while toString() is the 6-char form (str)', () => {
    const p = new PermissionsI('rw----');
    assert.ok(iceStringify(p).startsWith('object #0 (::omero::model::Permissions)'));
    assert.ok(iceStringify(p).includes('_perm1 = -120'));
    assert.ok(!iceStringify(p, { legacy: true }).includes('_extendedRestrictions'));
    assert.equal(p.ice_id(), '::omero::model::Permissions');
  });
});
