/**
 * OME's LDAP advisory classes as regression tests against the real engine and a throwaway slapd
 * (reference field notes §2; the other classes are in advisories.test.ts):
 *
 * - 2012-SV1: an empty or blank password never logs an LDAP user in (a simple bind without a
 *   password is an anonymous bind, which succeeds);
 * - filter injection: a login name with filter syntax (`*`, `*)(uid=*`) matches only itself, and
 *   `@{attr}` values substituted into a `new_user_group` `:query:` are escaped (OMERO's are not);
 * - group-name collision: an LDAP group or `new_user_group` named `system`, `user` or `guest`
 *   never places a user in OMERO's system groups (an LDAP group "system" must not make an admin);
 * - CVE-2025-54791 class: one refusal for unknown users, users LDAP filters out, and wrong LDAP
 *   or OMERO passwords — no enumeration through the login;
 * - 2018-SV1: no LDAP password (the search bind's or a user's) in any message.
 *
 * Each refusal has a positive control, so that a refusal for another reason would show.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ApiUsageException, PermissionDeniedException, SecurityViolation, ValidationException } from '../../src/model/index.js';
import { openEngine, PASSWORDS, type EngineFixture } from '../helpers/engine-client.js';
import { LDAP_ADMIN_PASSWORD, LDAP_USERS, SLAPD_MISSING, startSlapd, type Slapd } from '../helpers/slapd.js';
import { skipUnless } from '../helpers/suite-skip.js';
import { ENGINES } from '../helpers/test-database.js';

/** Every message this file saw; none may contain an LDAP password (checked at the end). */
const MESSAGES: string[] = [];

function thrown(call: () => unknown): Error {
  try {
    call();
  } catch (e) {
    const err = e as Error;
    MESSAGES.push(`${err.name}: ${err.message}`);
    return err;
  }
  assert.fail('the call was not refused');
}

/** OMERO's one refusal for a login, or the throttle's (which reads the same for every name). */
function assertLoginRefused(fx: EngineFixture, user: string, password: string): void {
  const e = thrown(() => fx.login(user, password));
  const denied = e instanceof PermissionDeniedException && e.message === `Password check failed for '${user}'`;
  const throttled = e instanceof SecurityViolation && new RegExp(`^Too many failed logins for '${user.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}'; try again in \\d+ s$`).test(e.message);
  assert.ok(denied || throttled, `${user}: ${e.name}: ${e.message}`);
}

/** Skipped, with the reason, where slapd is not installed. */
const SKIP = skipUnless('slapd', SLAPD_MISSING);
let slapd: Slapd;
before(async () => {
  if (!SKIP) slapd = await startSlapd();
});
after(() => slapd?.stop());

for (const engine of ENGINES) {
  describe(`LDAP advisory classes (${engine})`, { skip: SKIP }, () => {
    let fx: EngineFixture;
    /** Whether OMERO has an account with this login (as root sees it). */
    const hasAccount = (name: string) => {
      try {
        fx.login().getSession().getAdminService().lookupExperimenter(name);
        return true;
      } catch (e) {
        if (e instanceof ApiUsageException) return false;
        throw e;
      }
    };

    before(async () => {
      fx = await openEngine(engine, { example: true, env: slapd.env });
    });
    after(() => fx?.close());

    it('2012-SV1: empty and blank passwords never log an LDAP user in, known to OMERO or not', () => {
      fx.login().getSession().getLdapService().createUser('jsmith');
      // Two each: a third failure would start the login throttle and hold up the controls.
      for (const [user, password] of [['jsmith', ''], ['jsmith', ' '], ['jdoe', ''], ['jdoe', '\t']] as const) {
        assertLoginRefused(fx, user, password);
      }
      assert.equal(hasAccount('jdoe'), false);
      // Control: the real passwords work.
      fx.login('jsmith', LDAP_USERS.jsmith.password);
      fx.login('jdoe', LDAP_USERS.jdoe.password);
    });

    it('filter injection: login names with filter syntax match only themselves; no account appears', () => {
      for (const name of ['*', '*)(uid=*', 'jsmith)(|(uid=*', 'j*', '*)(&(objectClass=*']) {
        assertLoginRefused(fx, name, LDAP_USERS.jsmith.password);
        assert.equal(hasAccount(name), false, name);
        const e = thrown(() => fx.login().getSession().getLdapService().findDN(name));
        assert.equal(e.message, 'Cannot find unique user DistinguishedName: found=0', name);
      }
    });

    it('no enumeration: unknown, filtered-out and wrongly-authenticated users get the same refusal', () => {
      assertLoginRefused(fx, 'nobody-at-all', 'some-password');
      assertLoginRefused(fx, 'blocked', LDAP_USERS.blocked.password);
      assertLoginRefused(fx, 'bwayne', 'wrong-password');
      assertLoginRefused(fx, 'user-3', 'wrong-password');
      fx.login('user-3', PASSWORDS['user-3']);
    });

    it('group-name collision: LDAP group "system" does not make jdoe an admin; reserved names are dropped', () => {
      const ec = fx.login('jdoe', LDAP_USERS.jdoe.password).getSession().getAdminService().getEventContext();
      assert.equal(ec.isAdmin, false);
      assert.ok(!ec.memberOfGroups.includes(0), String(ec.memberOfGroups));
    });

    describe('new_user_group naming a reserved group', () => {
      let reserved: EngineFixture;
      before(async () => {
        reserved = await openEngine(engine, { env: { ...slapd.env, OMERO_LDAP_NEW_USER_GROUP: 'system' } });
      });
      after(() => reserved?.close());

      it('creates nobody: "No group found", rather than an administrator', () => {
        const e = thrown(() => reserved.login().getSession().getLdapService().createUser('jsmith'));
        assert.ok(e instanceof ValidationException);
        assert.equal(e.message, `No group found for: ${LDAP_USERS.jsmith.dn}`);
        assert.equal(thrown(() => reserved.login('jsmith', LDAP_USERS.jsmith.password)).message, `No group found for: ${LDAP_USERS.jsmith.dn}`);
      });
    });

    describe('a :query: new_user_group with an attribute holding a wildcard', () => {
      let query: EngineFixture;
      before(async () => {
        query = await openEngine(engine, { env: { ...slapd.env, OMERO_LDAP_NEW_USER_GROUP: ':query:(cn=@{departmentNumber})' } });
      });
      after(() => query?.close());

      it('escapes the value: `*` matches no group (raw, it would match every group, "system" included)', () => {
        const e = thrown(() => query.login().getSession().getLdapService().createUser('wild'));
        assert.ok(e instanceof ValidationException);
        assert.equal(e.message, `No group found for: ${LDAP_USERS.wild.dn}`);
        // Control: jdoe's departmentNumber, lab-a, names its group.
        const jdoe = query.login().getSession().getLdapService().createUser('jdoe');
        assert.deepEqual(query.login().getSession().getAdminService().containedGroups(jdoe.id!.val).map((g) => g.name!.val), ['lab-a', 'user']);
      });
    });

    it('2018-SV1: no LDAP password in any message', () => {
      const secrets = [LDAP_ADMIN_PASSWORD, ...Object.values(LDAP_USERS).map((u) => u.password)];
      for (const m of MESSAGES) for (const s of secrets) assert.ok(!m.includes(s), m);
    });
  });
}
