import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ValidationException } from '../../../../src/model/index.js';
import { allOf, narrowedFilter, substitutePlaceholders } from '../../../../src/server/auth/ldap/index.js';

describe('LDAP filters from untrusted values', () => {
  it('narrows the configured filter to one escaped name (RFC 4515): `*)(uid=*` stays a literal value', () => {
    assert.equal(narrowedFilter('(objectClass=person)', 'uid', 'jsmith'), '(&(objectClass=person)(uid=jsmith))');
    assert.equal(narrowedFilter('(objectClass=person)', 'uid', '*)(uid=*'), '(&(objectClass=person)(uid=\\2a\\29\\28uid=\\2a))');
    assert.equal(narrowedFilter('objectClass=person', 'cn', 'a\\b\u0000'), '(&(objectClass=person)(cn=a\\5cb\\00))');
  });

  it('AND-s configured filters, skipping empty ones', () => {
    assert.equal(allOf('(a=1)', '', 'b=2'), '(&(a=1)(b=2))');
    assert.equal(allOf('(a=1)'), '(a=1)');
  });

  it('fills @{attr} placeholders escaped; missing or multi-valued ones are ValidationExceptions', () => {
    const values = (n: string) => ({ dn: ['uid=x,ou=p'], o: ['*'], mail: ['a@x', 'b@x'] })[n] ?? [];
    assert.equal(substitutePlaceholders('(member=@{dn})', values), '(member=uid=x,ou=p)');
    assert.equal(substitutePlaceholders('(cn=@{o})', values), '(cn=\\2a)');
    assert.throws(() => substitutePlaceholders('(cn=@{mail})', values), ValidationException);
    assert.throws(() => substitutePlaceholders('(cn=@{nope})', values), ValidationException);
  });
});
