import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ldapConfigFromEnv, ldapEnvName } from '../../../../src/server/auth/ldap/index.js';

describe('omero.ldap.* settings from the environment', () => {
  it('names each key after OMERO’s: omero.ldap.user_filter → OMERO_LDAP_USER_FILTER', () => {
    assert.equal(ldapEnvName('omero.ldap.user_filter'), 'OMERO_LDAP_USER_FILTER');
    assert.equal(ldapEnvName('omero.ldap.config'), 'OMERO_LDAP_CONFIG');
  });

  it('has OMERO’s defaults: off, ldap://localhost:389, (objectClass=person), omeName=cn, group "default"', () => {
    const c = ldapConfigFromEnv({});
    assert.equal(c.enabled, false);
    assert.deepEqual(c.urls, ['ldap://localhost:389']);
    assert.equal(c.base, 'ou=example,o=com');
    assert.equal(c.username, '');
    assert.equal(c.userFilter, '(objectClass=person)');
    assert.deepEqual(c.userMapping, { omeName: 'cn', firstName: 'givenName', lastName: 'sn', email: 'mail', institution: 'department', middleName: 'middleName' });
    assert.equal(c.groupFilter, '(objectClass=groupOfNames)');
    assert.equal(c.groupNameAttribute, 'cn');
    assert.equal(c.newUserGroup, 'default');
    assert.equal(c.syncOnLogin, false);
    assert.equal(c.connectTimeoutMs, 5000);
    assert.equal(c.readTimeoutMs, 5000);
  });

  it('reads every key; a partial mapping keeps the defaults of the fields it omits; OMERO’s separators', () => {
    const c = ldapConfigFromEnv({
      OMERO_LDAP_CONFIG: 'true',
      OMERO_LDAP_URLS: 'ldap://a:389 ldaps://b:636',
      OMERO_LDAP_BASE: 'dc=x',
      OMERO_LDAP_USERNAME: 'cn=admin,dc=x',
      OMERO_LDAP_PASSWORD: 'pw',
      OMERO_LDAP_USER_MAPPING: 'omeName=uid; email=mail\nlastName=surname',
      OMERO_LDAP_GROUP_MAPPING: 'name=ou',
      OMERO_LDAP_NEW_USER_GROUP: ':ou:',
      OMERO_LDAP_SYNC_ON_LOGIN: 'yes',
      OMERO_LDAP_CONNECT_TIMEOUT: '250',
    });
    assert.equal(c.enabled, true);
    assert.deepEqual(c.urls, ['ldap://a:389', 'ldaps://b:636']);
    assert.equal(c.userMapping.omeName, 'uid');
    assert.equal(c.userMapping.lastName, 'surname');
    assert.equal(c.userMapping.firstName, 'givenName');
    assert.equal(c.groupNameAttribute, 'ou');
    assert.equal(c.newUserGroup, ':ou:');
    assert.equal(c.syncOnLogin, true);
    assert.equal(c.connectTimeoutMs, 250);
  });
});
