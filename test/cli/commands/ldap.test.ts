/**
 * `omero ldap` through the real binary (reference cli §4) against a throwaway slapd: every
 * subcommand's output and return code, the admin-only refusals, unknown users, bad arguments,
 * `omero login` of an LDAP user, and what happens while LDAP is off.
 */
import { after, before, describe, it } from 'node:test';
import { LDAP_USERS, SLAPD_MISSING, startSlapd, type Slapd } from '../../helpers/slapd.js';
import { skipUnless } from '../../helpers/suite-skip.js';
import { ENGINES } from '../../helpers/test-database.js';
import { expectRun, expectUsageError, UserGroupEnv } from './usergroup-env.js';

const ADMINS_ONLY = { status: 111, stdout: '', stderr: 'SecurityViolation: Admins only!\n' };
const JSMITH_DN = LDAP_USERS.jsmith.dn;
const LDAP_OFF = /^ApiUsageException: LDAP is not enabled on this server \(omero\.ldap\.config=false; set OMERO_LDAP_CONFIG=true and the omero\.ldap\.\* settings\)\n$/;

/** Skipped, with the reason, where slapd is not installed. */
const SKIP = skipUnless('slapd', SLAPD_MISSING);
let slapd: Slapd;
before(async () => {
  if (!SKIP) slapd = await startSlapd();
});
after(() => slapd?.stop());

for (const engine of ENGINES) {
  describe(`omero ldap, LDAP on (${engine})`, { skip: SKIP }, () => {
    let env: UserGroupEnv;
    before(async () => {
      env = await UserGroupEnv.open(engine, slapd.env);
      // A local user (alice, not in LDAP), a local jdoe (in LDAP), and a local group LDAP knows.
      expectRun(await env.root(['group', 'add', 'g1']), { status: 0 });
      expectRun(await env.root(['group', 'add', 'lab-b']), { status: 0 });
      for (const [login, first] of [['alice', 'Alice'], ['jdoe', 'Jane']] as const) {
        expectRun(await env.root(['user', 'add', login, first, 'Local', '--group-name', 'g1'], { env: { OMERO_USERPASSWORD: `${login}-omero-password` } }), { status: 0 });
        env.knows(login, `${login}-omero-password`);
      }
    });
    after(() => env?.close());

    it('active: Yes (rc 0)', async () => {
      expectRun(await env.root(['ldap', 'active']), { status: 0, stdout: 'Yes\n', stderr: '' });
    });

    it('list: an empty table before any LDAP user', async () => {
      expectRun(await env.root(['ldap', 'list']), { status: 0, stdout: ' # | Id | OmeName | DN \n---+----+---------+----\n(0 rows)\n' });
    });

    it('create: the account of an LDAP user; again → rc 132; unknown in LDAP → the server’s error', async () => {
      expectRun(await env.root(['ldap', 'create', 'jsmith']), { status: 0, stdout: `Added user jsmith (id=4) with DN=${JSMITH_DN}\n`, stderr: '' });
      expectRun(await env.root(['user', 'info', 'jsmith', '--style', 'plain']), { status: 0, stdout: '4,jsmith,John,Smith,jsmith@example.org,Yes,True,,"5,4",\n' });
      expectRun(await env.root(['ldap', 'create', 'jsmith']), { status: 132, stdout: '', stderr: 'User already exists: jsmith\n' });
      expectRun(await env.root(['ldap', 'create', 'nobody']), { status: 1, stdout: '', stderr: 'ApiUsageException: Cannot find unique user DistinguishedName: found=0\n' });
      expectRun(await env.root(['ldap', 'create', '*)(uid=*']), { status: 1, stderr: /found=0\n$/ });
      expectUsageError(await env.root(['ldap', 'create']), 'omero ldap create', 'too few arguments');
    });

    it('list: every LDAP user with its DN, in every style', async () => {
      expectRun(await env.root(['ldap', 'list']), {
        status: 0,
        stdout: ` # | Id | OmeName | DN${' '.repeat(JSMITH_DN.length - 2)} \n---+----+---------+${'-'.repeat(JSMITH_DN.length + 2)}\n 0 | 4  | jsmith  | ${JSMITH_DN} \n(1 row)\n`,
      });
      expectRun(await env.root(['ldap', 'list', '--style', 'csv']), { status: 0, stdout: `#,Id,OmeName,DN\n0,4,jsmith,"${JSMITH_DN}"\n` });
      // Open to every user, as in OMERO; alice shares no group with jsmith, so its login and DN
      // (which names the login) are hidden from her (advisory 2019-SV3).
      expectRun(await env.as('alice', ['ldap', 'list', '--style', 'plain']), { status: 0, stdout: '0,4,<hidden>,<hidden>\n' });
    });

    it('getdn: `<name>: <DN>` for LDAP users and groups, nothing for local ones; unknown → rc 513', async () => {
      expectRun(await env.root(['ldap', 'getdn', '--user-name', 'jsmith']), { status: 0, stdout: `jsmith: ${JSMITH_DN}\n`, stderr: '' });
      expectRun(await env.root(['ldap', 'getdn', '--user-id', '4']), { status: 0, stdout: `jsmith: ${JSMITH_DN}\n` });
      expectRun(await env.root(['ldap', 'getdn', '--user-name', 'alice']), { status: 0, stdout: '', stderr: '' });
      expectRun(await env.root(['ldap', 'getdn']), { status: 0, stdout: '', stderr: '' });
      expectRun(await env.root(['ldap', 'getdn', '--user-name', 'nobody']), { status: 513 % 256, stdout: '', stderr: 'Unknown user: nobody\n' });
      expectRun(await env.root(['ldap', 'getdn', '--user-id', 'x']), { status: 1, stderr: 'Not a valid user ID: x\n' });
      expectRun(await env.root(['ldap', 'getdn', '--group-name', 'nogroup']), { status: 503 % 256, stderr: 'Unknown group: nogroup\n' });
      expectRun(await env.root(['ldap', 'getdn', '--group-name', 'lab-a']), { status: 0, stdout: 'lab-a: cn=lab-a,ou=groups,dc=example,dc=org\n' });
    });

    it('discover: local users and groups LDAP knows, or the setdn commands for them', async () => {
      expectRun(await env.root(['ldap', 'discover']), { status: 0, stdout: 'Following LDAP users are disabled in OMERO:\nExperimenter=3\tomeName=jdoe\n', stderr: '' });
      expectRun(await env.root(['ldap', 'discover', '--commands']), { status: 0, stdout: 'Following LDAP users are disabled in OMERO:\nomero ldap setdn --user-name jdoe true\n' });
      expectRun(await env.root(['ldap', 'discover', '--groups']), { status: 0, stdout: 'Following LDAP groups are disabled in OMERO:\nGroup=4\tname=lab-b\n' });
      expectRun(await env.root(['ldap', 'discover', '--groups', '--commands']), { status: 0, stdout: 'Following LDAP groups are disabled in OMERO:\nomero ldap setdn --group-name lab-b true\n' });
    });

    it('setdn: flips the ldap flag silently; the user then logs in with the LDAP password only', async () => {
      expectRun(await env.root(['ldap', 'setdn', '--user-name', 'jdoe', 'true']), { status: 0, stdout: '', stderr: '' });
      expectRun(await env.root(['user', 'info', 'jdoe', '--style', 'plain']), { status: 0, stdout: '3,jdoe,Jane,Local,,Yes,True,,3,\n' });
      expectRun(await env.root(['ldap', 'discover']), { status: 0, stdout: '' });
      expectRun(await env.cli.run(['-q', 'login', '-C', '-u', 'jdoe'], { env: { OMERO_PASSWORD: 'jdoe-omero-password' } }), { status: 524 % 256, stderr: "Password check failed for 'jdoe'\n" });
      expectRun(await env.cli.run(['-q', 'login', '-C', '-u', 'jdoe'], { env: { OMERO_PASSWORD: LDAP_USERS.jdoe.password } }), { status: 0, stdout: '' });
      expectRun(await env.root(['ldap', 'setdn', '--user-name', 'jdoe', 'False']), { status: 0, stdout: '' });
      expectRun(await env.cli.run(['-q', 'login', '-C', '-u', 'jdoe'], { env: { OMERO_PASSWORD: 'jdoe-omero-password' } }), { status: 0 });
      expectRun(await env.root(['ldap', 'setdn', '--group-name', 'lab-b', 'yes']), { status: 0, stdout: '' });
      expectRun(await env.root(['group', 'info', 'lab-b', '--style', 'plain']), { status: 0, stdout: /^4,lab-b,rw----,True,/ });
      expectRun(await env.root(['ldap', 'setdn', 'true']), { status: 0, stdout: '', stderr: '' });
      expectRun(await env.root(['ldap', 'setdn', '--user-name', 'nobody', 'true']), { status: 513 % 256, stderr: 'Unknown user: nobody\n' });
      expectUsageError(await env.root(['ldap', 'setdn', '--user-name', 'jdoe']), 'omero ldap setdn', 'too few arguments');
    });

    it('omero login of an LDAP user: the LDAP password; a wrong one reads as for an unknown user', async () => {
      expectRun(await env.cli.run(['login', '-C', '-s', 'localhost', '-u', 'jsmith'], { env: { OMERO_PASSWORD: LDAP_USERS.jsmith.password } }), {
        status: 0,
        stdout: '',
        stderr: 'Created session for jsmith@localhost:4064. Idle timeout: 10 min. Current group: lab-a\n',
      });
      expectRun(await env.cli.run(['login', '-C', '-s', 'localhost', '-u', 'jsmith'], { env: { OMERO_PASSWORD: 'wrong' } }), { status: 524 % 256, stdout: '', stderr: "Password check failed for 'jsmith'\n" });
      expectRun(await env.cli.run(['login', '-C', '-s', 'localhost', '-u', 'blocked'], { env: { OMERO_PASSWORD: LDAP_USERS.blocked.password } }), { status: 524 % 256, stdout: '', stderr: "Password check failed for 'blocked'\n" });
      // A first login would create bwayne's account, but new_user_group finds no group for it:
      // refused (rc 556, the server's error), nothing created.
      expectRun(await env.cli.run(['-q', 'login', '-C', '-u', 'bwayne'], { env: { OMERO_PASSWORD: LDAP_USERS.bwayne.password } }), {
        status: 556 % 256,
        stderr: /No group found for: uid=bwayne,ou=TheLab,ou=people,dc=example,dc=org\n$/,
      });
      expectRun(await env.root(['user', 'info', 'bwayne']), { status: 514 % 256, stderr: 'Unknown user: bwayne\nNo user found\n' });
    });

    it('admin-only subcommands refuse non-admins first (rc 111); bad subcommands are usage errors', async () => {
      for (const args of [['active'], ['getdn', '--user-name', 'jsmith'], ['setdn', '--user-name', 'alice', 'true'], ['discover'], ['create', 'jdoe'], ['create', 'nobody']]) {
        expectRun(await env.as('alice', ['ldap', ...args]), ADMINS_ONLY);
      }
      expectRun(await env.root(['user', 'info', 'alice', '--style', 'plain']), { status: 0, stdout: /^2,alice,Alice,Local,,Yes,False,/ });
      expectUsageError(await env.root(['ldap', 'frob']), 'omero ldap', "argument <subcommand>: invalid choice: 'frob'\n\nchoose from:\n\tactive, create, discover, getdn, list, setdn");
    });
  });

  describe(`omero ldap, LDAP off (${engine})`, { skip: SKIP }, () => {
    let env: UserGroupEnv;
    before(async () => {
      env = await UserGroupEnv.open(engine, { ...slapd.env, OMERO_LDAP_CONFIG: 'false' });
    });
    after(() => env?.close());

    it('active: No on stderr, rc 1', async () => {
      expectRun(await env.root(['ldap', 'active']), { status: 1, stdout: '', stderr: 'No\n' });
    });

    it('create, discover and getdn of an LDAP user say that LDAP is not enabled; list is empty', async () => {
      expectRun(await env.root(['ldap', 'create', 'jsmith']), { status: 1, stdout: '', stderr: LDAP_OFF });
      expectRun(await env.root(['ldap', 'discover']), { status: 1, stdout: '', stderr: LDAP_OFF });
      expectRun(await env.root(['ldap', 'discover', '--groups']), { status: 1, stdout: '', stderr: LDAP_OFF });
      expectRun(await env.root(['ldap', 'getdn', '--user-name', 'root']), { status: 0, stdout: '', stderr: '' });
      expectRun(await env.root(['ldap', 'setdn', '--user-name', 'root', 'true']), { status: 0 });
      expectRun(await env.root(['ldap', 'getdn', '--user-name', 'root']), { status: 1, stderr: LDAP_OFF });
      expectRun(await env.root(['ldap', 'list']), { status: 1, stderr: LDAP_OFF });
      expectRun(await env.root(['ldap', 'setdn', '--user-name', 'root', 'false']), { status: 0 });
      expectRun(await env.root(['ldap', 'list']), { status: 0, stdout: ' # | Id | OmeName | DN \n---+----+---------+----\n(0 rows)\n' });
      // No login goes to LDAP.
      expectRun(await env.cli.run(['-q', 'login', '-C', '-u', 'jsmith'], { env: { OMERO_PASSWORD: LDAP_USERS.jsmith.password } }), { status: 524 % 256, stderr: "Password check failed for 'jsmith'\n" });
    });
  });
}
