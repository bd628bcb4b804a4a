/**
 * The LDAP provider against a real slapd (test/helpers/slapd.ts): user and group lookup through
 * the configured filters, password checks by bind, every `new_user_group` mode, and the failures
 * (not unique, filtered out, injection, empty password, server down).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ApiUsageException, InternalException, ValidationException } from '../../../../src/model/index.js';
import { LdapDirectory, ldapConfigFromEnv, newUserGroups } from '../../../../src/server/auth/ldap/index.js';
import { LDAP_USERS, startSlapd, type Slapd } from '../../../helpers/slapd.js';

describe('LdapDirectory against slapd', () => {
  let slapd: Slapd;
  /** A directory with the slapd's settings, some overridden. */
  const directory = (env: Record<string, string> = {}) => new LdapDirectory(ldapConfigFromEnv({ ...slapd.env, ...env }));

  before(async () => {
    slapd = await startSlapd();
  });
  after(() => slapd?.stop());

  it('finds a user through user_filter and maps its fields', async () => {
    const user = await directory().findUser('jsmith');
    assert.equal(user.dn, LDAP_USERS.jsmith.dn);
    assert.deepEqual(user.fields, { omeName: 'jsmith', firstName: 'John', lastName: 'Smith', email: 'jsmith@example.org', institution: 'Example Lab', middleName: null });
    assert.deepEqual(user.attributes.get('sn'), ['Smith']);
  });

  it('refuses unknown, filtered-out and wildcard names with OMERO’s message: the filter is never widened', async () => {
    for (const name of ['nobody', 'blocked', '*', '*)(uid=*', 'j*', 'jsmith)(|(uid=*', 'JSMITH ']) {
      await assert.rejects(directory().findUser(name), (e: Error) => e instanceof ApiUsageException && /^Cannot find unique user DistinguishedName: found=0$|^omeName\(jsmith\) != username/.test(e.message), name);
    }
    // A name that several entries share is refused too (here: mapped to an attribute they all have;
    // `blocked` is filtered out).
    await assert.rejects(directory({ OMERO_LDAP_USER_MAPPING: 'omeName=objectClass' }).findUser('inetOrgPerson'), /found=4/);
  });

  it('refuses a login whose entry answers to another name (case, other value)', async () => {
    // slapd matches uid case-insensitively; OMERO then compares the mapped name exactly.
    await assert.rejects(directory().findUser('JSmith'), (e: Error) => e instanceof ApiUsageException && e.message === 'omeName(jsmith) != username(JSmith). ignoreCase=false');
  });

  it('checks a password by binding as the DN; wrong, empty and blank passwords fail without binding anonymously', async () => {
    const d = directory();
    assert.equal(await d.checkPassword(LDAP_USERS.jsmith.dn, LDAP_USERS.jsmith.password), true);
    assert.equal(await d.checkPassword(LDAP_USERS.jsmith.dn, LDAP_USERS.jdoe.password), false);
    assert.equal(await d.checkPassword(LDAP_USERS.jsmith.dn, ''), false);
    assert.equal(await d.checkPassword(LDAP_USERS.jsmith.dn, '   '), false);
    assert.equal(await d.checkPassword('', 'anything'), false);
  });

  it('finds groups through group_filter', async () => {
    assert.equal((await directory().findGroup('lab-a')).dn, 'cn=lab-a,ou=groups,dc=example,dc=org');
    await assert.rejects(directory().findGroup('*'), /Cannot find unique group DistinguishedName: found=0/);
    assert.deepEqual((await directory().groupNames()).sort(), ['lab-a', 'lab-b', 'system']);
  });

  it('resolves new_user_group: a name, :ou:, :query: (owners too), attributes; reserved names dropped', async () => {
    const groupsOf = async (name: keyof typeof LDAP_USERS, spec: string, env: Record<string, string> = {}) => {
      const d = directory({ OMERO_LDAP_NEW_USER_GROUP: spec, ...env });
      return newUserGroups(d, await d.findUser(name));
    };
    assert.deepEqual(await groupsOf('jsmith', 'default'), { member: ['default'], owner: [] });
    assert.deepEqual(await groupsOf('bwayne', ':ou:'), { member: ['TheLab'], owner: [] });
    assert.deepEqual([...(await groupsOf('jsmith', ':query:(member=@{dn})')).member].sort(), ['lab-a', 'lab-b']);
    // jdoe is a member of lab-a and of an LDAP group called "system": never OMERO's system group.
    assert.deepEqual(await groupsOf('jdoe', ':query:(member=@{dn})'), { member: ['lab-a'], owner: [] });
    assert.deepEqual(await groupsOf('jdoe', 'system'), { member: [], owner: [] });
    const owned = await groupsOf('jsmith', ':query:(member=@{dn})', { OMERO_LDAP_NEW_USER_GROUP_OWNER: '(cn=lab-b)' });
    assert.deepEqual(owned.owner, ['lab-b']);
    assert.deepEqual(await groupsOf('jsmith', ':attribute:o'), { member: ['Example Lab'], owner: [] });
    assert.deepEqual(await groupsOf('jsmith', ':filtered_attribute:o'), { member: [], owner: [] });
    assert.deepEqual(await groupsOf('jsmith', ':dn_attribute:uid', { OMERO_LDAP_GROUP_MAPPING: 'name=uid' }), { member: [], owner: [] });
    await assert.rejects(groupsOf('jsmith', ':attribute:departmentNumber'), ValidationException);
    await assert.rejects(groupsOf('jsmith', ':bean:myBean'), /^ValidationException: :bean:myBean spec currently not supported\.$/);
    await assert.rejects(groupsOf('jsmith', ':frob:x'), /:frob:x spec currently not supported\./);
  });

  it('tries the next URL when one does not answer, and says so when none does', async () => {
    const d = directory({ OMERO_LDAP_URLS: `ldap://127.0.0.1:1 ${slapd.url}` });
    assert.equal((await d.findUser('jdoe')).dn, LDAP_USERS.jdoe.dn);
    await assert.rejects(directory({ OMERO_LDAP_URLS: 'ldap://127.0.0.1:1' }).findUser('jdoe'), (e: Error) => e instanceof InternalException && /did not answer/.test(e.message));
  });

  it('a wrong search password is an error, not "user not found"', async () => {
    await assert.rejects(directory({ OMERO_LDAP_PASSWORD: 'wrong' }).findUser('jsmith'), (e: Error) => e instanceof InternalException && /LDAP error/.test(e.message));
  });
});
