import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDn } from '../../../../src/server/auth/ldap/index.js';

describe('parseDn', () => {
  it('splits a DN into RDNs, nearest first, types lower-cased', () => {
    assert.deepEqual(parseDn('CN=frank,ou=TheLab,OU=LifeSciences,o=TheCollege'), [
      { type: 'cn', value: 'frank' },
      { type: 'ou', value: 'TheLab' },
      { type: 'ou', value: 'LifeSciences' },
      { type: 'o', value: 'TheCollege' },
    ]);
  });

  it('resolves escapes and splits multi-valued RDNs', () => {
    assert.deepEqual(parseDn('cn=Smith\\, John+uid=js,ou=a\\2cb'), [
      { type: 'cn', value: 'Smith, John' },
      { type: 'uid', value: 'js' },
      { type: 'ou', value: 'a,b' },
    ]);
    assert.deepEqual(parseDn(''), []);
  });
});
