import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { productVersion } from '../../src/env/product-version.js';
import { serverSettings, settingsFingerprint } from '../../src/env/settings-fingerprint.js';

describe('settingsFingerprint', () => {
  it("is SHA-256 as node:crypto computes it (records written by earlier releases still match)", () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string(), (url, ldap) => {
        const env = { OMERO_DB_URL: url, OMERO_LDAP_URLS: ldap, HOME: '/home/x' };
        const expected = createHash('sha256').update(JSON.stringify([productVersion(), serverSettings(env)])).digest('hex').slice(0, 32);
        assert.equal(settingsFingerprint(env), expected);
      }),
    );
  });

  it('changes with the database and the LDAP settings, not with other variables, and holds no password', () => {
    const base = settingsFingerprint({ OMERO_DB_URL: 'postgres://omero:s3cret@db/omero' });
    assert.notEqual(settingsFingerprint({ OMERO_DB_URL: 'postgres://omero:s3cret@db/other' }), base);
    assert.notEqual(settingsFingerprint({ OMERO_DB_URL: 'postgres://omero:s3cret@db/omero', OMERO_LDAP_URLS: 'ldap://x' }), base);
    assert.equal(settingsFingerprint({ OMERO_DB_URL: 'postgres://omero:s3cret@db/omero', PATH: '/bin' }), base);
    assert.match(base, /^[0-9a-f]{32}$/);
    assert.doesNotMatch(base, /s3cret/);
  });
});
