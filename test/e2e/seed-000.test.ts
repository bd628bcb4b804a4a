import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { OMERO_BIN, openCliEnvironment, type CliEnvironment, type CliResult } from '../helpers/cli-runner.js';
import { onPty, plainText } from '../helpers/pty.js';
import { LDAP_USERS, startSlapd, type Slapd } from '../helpers/slapd.js';
import { ROOT_PASSWORD, ENGINES, type Engine } from '../helpers/test-database.js';

// Seed 000 ("User/group management") typed as a new user would, in the seed's order, after
// `omero login -s localhost -u root` (password through OMERO_PASSWORD): every `omero user` and
// `omero group` line exactly as written (shell quotes removed, as a shell does), checking what
// it prints and what it changed. The password of the new user is typed at OMERO's hidden prompts
// on a pseudo-terminal. The ldap lines run against a throwaway slapd holding jsmith (the
// server's OMERO_LDAP_* settings point at it), both in the seed's order — where jsmith already
// exists — and in the situation the seed describes: jsmith created from LDAP before any login.

const BANNER = /^Using session for root@localhost:4064\. Idle timeout: 10 min\. Current group: system\n$/;

const USERS_AFTER_EMAIL_UPDATE = [
  ' id | login  | first name | last name | email                  | active | ldap  | admin | member of | owner of ',
  '----+--------+------------+-----------+------------------------+--------+-------+-------+-----------+----------',
  ' 0  | root   | root       | root      |                        | Yes    | False | Yes   |           |          ',
  ' 1  | guest  | Guest      | Account   |                        |        | False |       | 2         |          ',
  ' 2  | jsmith | John       | Smith     | jsmith@new_address.com | Yes    | False |       | 3         |          ',
  '(3 rows)',
  '',
].join('\n');

const GROUPS_AFTER_CREATION = [
  ' id | name            | perms  | ldap  | # of owners | # of members ',
  '----+-----------------+--------+-------+-------------+--------------',
  ' 0  | system          | rw---- | False | 1           | 0            ',
  ' 1  | user            | rwr-r- | False | 0           | 2            ',
  ' 2  | guest           | rw---- | False | 0           | 1            ',
  ' 3  | test-group      | rw---- | False | 0           | 1            ',
  ' 4  | newgroup        | rw---- | False | 0           | 0            ',
  ' 5  | read-only-1     | rwr--- | False | 0           | 0            ',
  ' 6  | read-annotate-1 | rwra-- | False | 0           | 0            ',
  '(7 rows)',
  '',
].join('\n');

/** Seed 000's `omero ldap setdn -h` text from the description to the end of the options. */
const SETDN_HELP_BODY = [
  'Enable or disable LDAP login for user (admins only)',
  '',
  'Once LDAP login is enabled for a user, the password set via OMERO is',
  'ignored, and any attempt to change it will result in an error. When',
  'you disable LDAP login, the previous password will be in effect, but if the',
  'user never had a password, one will need to be set!',
  '',
  'Positional Arguments:',
  '  choice                            Enable/disable LDAP login (true/false)',
  '',
  'Optional Arguments:',
  '  In addition to any higher level options',
  '',
  '  -h, --help                        show this help message and exit',
  '  --user-id USER_ID                 ID of the user.',
  '  --user-name USER_NAME             Name of the user.',
  '  --group-id GROUP_ID               ID of the group.',
  '  --group-name GROUP_NAME           Name of the group.',
  '',
  'Login arguments:',
  '  Environment variables:',
].join('\n');

let slapd: Slapd;
before(async () => {
  slapd = await startSlapd();
});
after(() => slapd?.stop());

/** `omero login -s localhost -u root` in a fresh environment whose server uses the test slapd. */
async function rootEnvironment(engine: Engine): Promise<CliEnvironment> {
  const cli = await openCliEnvironment(engine, slapd.env);
  const r = await cli.run(['login', '-s', 'localhost', '-u', 'root'], { env: { OMERO_PASSWORD: ROOT_PASSWORD } });
  assert.equal(r.status, 0, r.stderr);
  return cli;
}

for (const engine of ENGINES) {
  describe(`seed 000: user/group management (${engine})`, () => {
    let cli: CliEnvironment;
    /** Runs a seed line (`omero` + args) as typed: no -q, so the login banner goes to stderr. */
    const omero = (...args: string[]) => cli.run(args);
    /** A successful seed line: the expected stdout, and only the banner on stderr. */
    const succeeds = (r: CliResult, stdout: string) => {
      const shown = `status ${r.status}\n--- stdout\n${r.stdout}--- stderr\n${r.stderr}`;
      assert.equal(r.status, 0, shown);
      assert.equal(r.stdout, stdout, shown);
      assert.match(r.stderr, BANNER, shown);
    };
    /** One row of a table as csv (checks without the banner). */
    const row = async (args: string[]) => (await cli.run(['-q', ...args, '--style', 'plain'])).stdout;

    before(async () => {
      cli = await openCliEnvironment(engine, slapd.env);
    });
    after(() => cli?.close());

    it('$ omero login -s localhost -u root', async () => {
      const r = await cli.run(['login', '-s', 'localhost', '-u', 'root'], { env: { OMERO_PASSWORD: ROOT_PASSWORD } });
      assert.equal(r.status, 0, r.stderr);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, /^Created session for root@localhost:4064\. Idle timeout: 10 min\. Current group: system\n$/);
    });

    it('$ omero user add -h', async () => {
      const r = await omero('user', 'add', '-h');
      assert.equal(r.status, 0, r.stderr);
      for (const text of ['Add user', 'username', 'firstname', 'lastname', '--group-name', '--group-id', '--email', '--middlename', '--institution', '--admin', '--no-password']) {
        assert.ok(r.stdout.includes(text), `help lacks ${text}:\n${r.stdout}`);
      }
    });

    it('(test-group exists) $ omero group add test-group', async () => {
      succeeds(await omero('group', 'add', 'test-group'), 'Added group test-group (id=3) with permissions rw----\n');
    });

    it('$ omero user add jsmith John Smith --group-name test-group (password typed at the prompts)', async () => {
      const term = onPty(process.execPath, [OMERO_BIN, 'user', 'add', 'jsmith', 'John', 'Smith', '--group-name', 'test-group'], cli.env, 60_000);
      // A mismatch and an empty answer start over, as in OMERO.
      await term.answer(/Please enter password for your new user \(jsmith\):/, 'first\r');
      await term.answer(/Please re-enter password for your new user \(jsmith\):/, 'second\r');
      await term.answer(/Passwords don't match[\s\S]*Please enter password for your new user \(jsmith\):/, '\r');
      await term.answer(/Password cannot be empty[\s\S]*Please enter password for your new user \(jsmith\):/, 'jsmith-pw\r');
      await term.answer(/Please re-enter password for your new user \(jsmith\):/, 'jsmith-pw\r');
      assert.equal(await term.exited, 0, term.output());
      const text = plainText(term.output());
      assert.match(text, /Added user jsmith \(id=2\) with password\n/);
      assert.ok(!text.includes('jsmith-pw'), 'the password is not echoed');
      assert.equal(await row(['user', 'info', 'jsmith']), '2,jsmith,John,Smith,,Yes,False,,3,\n');
      const login = await cli.run(['-q', '-C', '-u', 'jsmith', 'user', 'info', '--style', 'plain'], { env: { OMERO_PASSWORD: 'jsmith-pw' } });
      assert.equal(login.stdout, '2,jsmith,John,Smith,,Yes,False,,3,\n', login.stderr);
      // Back to root's session for the rest of the seed.
      assert.equal((await cli.run(['-q', 'login', '-s', 'localhost', '-u', 'root'], { env: { OMERO_PASSWORD: ROOT_PASSWORD } })).status, 0);
    });

    it("$ omero ldap create jsmith (in the seed's order jsmith exists already: rc 132)", async () => {
      const r = await omero('ldap', 'create', 'jsmith');
      assert.equal(r.status, 132, r.stderr);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, /^Using session for root@localhost:4064\. Idle timeout: 10 min\. Current group: system\nUser already exists: jsmith\n$/);
      assert.equal(await row(['user', 'info', 'jsmith']), '2,jsmith,John,Smith,,Yes,False,,3,\n');
      // What the next section of the seed is about: jsmith is a local user LDAP knows.
      succeeds(await omero('ldap', 'discover', '--commands'), 'Following LDAP users are disabled in OMERO:\nomero ldap setdn --user-name jsmith true\n');
    });

    it('$ omero ldap setdn -h (then the upgrade it describes, and back)', async () => {
      const r = await omero('ldap', 'setdn', '-h');
      assert.equal(r.status, 0, r.stderr);
      assert.equal(r.stderr, '');
      assert.ok(r.stdout.startsWith('usage: omero ldap setdn [-h] [--user-id USER_ID] [--user-name USER_NAME]\n'), r.stdout);
      assert.ok(r.stdout.includes(`\n\n${SETDN_HELP_BODY}\n`), r.stdout);
      // OMERO's login arguments, then ours (--password-stdin), which the seed's output predates.
      assert.ok(r.stdout.includes('\n  -q, --quiet                       Quiet mode. Causes most warning and diagnostic messages to be suppressed.\n  --password-stdin'), r.stdout);
      // "take an existing (non-LDAP) user and 'upgrade' them to using LDAP": the OMERO password is
      // then ignored; "The process is also reversible".
      const loginAs = (password: string) => cli.run(['-q', 'login', '-C', '-s', 'localhost', '-u', 'jsmith'], { env: { OMERO_PASSWORD: password } });
      succeeds(await omero('ldap', 'setdn', '--user-name', 'jsmith', 'true'), '');
      assert.equal(await row(['user', 'info', 'jsmith']), '2,jsmith,John,Smith,,Yes,True,,3,\n');
      assert.equal((await loginAs('jsmith-pw')).stderr, "Password check failed for 'jsmith'\n");
      assert.equal((await loginAs(LDAP_USERS.jsmith.password)).status, 0);
      assert.equal((await cli.run(['-q', 'login', '-s', 'localhost', '-u', 'root'], { env: { OMERO_PASSWORD: ROOT_PASSWORD } })).status, 0);
      succeeds(await omero('ldap', 'setdn', '--user-name', 'jsmith', 'false'), '');
      assert.equal((await loginAs('jsmith-pw')).status, 0);
      assert.equal((await cli.run(['-q', 'login', '-s', 'localhost', '-u', 'root'], { env: { OMERO_PASSWORD: ROOT_PASSWORD } })).status, 0);
      assert.equal(await row(['user', 'info', 'jsmith']), '2,jsmith,John,Smith,,Yes,False,,3,\n');
    });

    it('$ omero user leavegroup user --name=jsmith (deactivation)', async () => {
      succeeds(await omero('user', 'leavegroup', 'user', '--name=jsmith'), 'Removed 2 from group 1\n');
      assert.equal(await row(['user', 'info', 'jsmith']), '2,jsmith,John,Smith,,,False,,3,\n');
    });

    it('$ omero user joingroup user --name=jsmith (reactivation)', async () => {
      succeeds(await omero('user', 'joingroup', 'user', '--name=jsmith'), 'Added 2 to group 1\n');
      assert.equal(await row(['user', 'info', 'jsmith']), '2,jsmith,John,Smith,,Yes,False,,3,\n');
    });

    it('$ omero user info --user-name jsmith (determine the ID of jsmith)', async () => {
      succeeds(
        await omero('user', 'info', '--user-name', 'jsmith'),
        [
          ' id | login  | first name | last name | email | active | ldap  | admin | member of | owner of ',
          '----+--------+------------+-----------+-------+--------+-------+-------+-----------+----------',
          ' 2  | jsmith | John       | Smith     |       | Yes    | False |       | 3         |          ',
          '(1 row)',
          '',
        ].join('\n'),
      );
    });

    it('$ omero obj update Experimenter:2 email=jsmith@new_address.com (123 replaced by the id of jsmith)', async () => {
      succeeds(await omero('obj', 'update', 'Experimenter:2', 'email=jsmith@new_address.com'), 'Experimenter:2\n');
      assert.equal(await row(['user', 'info', 'jsmith']), '2,jsmith,John,Smith,jsmith@new_address.com,Yes,False,,3,\n');
    });

    it('$ omero group add -h', async () => {
      const r = await omero('group', 'add', '-h');
      assert.equal(r.status, 0, r.stderr);
      for (const text of ['Add a new group with given permissions', 'private       (rw----)   [DEFAULT]', 'read-only     (rwr---)', 'read-write    (rwrw--)', '--perms', '--type', '--ignore-existing']) {
        assert.ok(r.stdout.includes(text), `help lacks ${text}:\n${r.stdout}`);
      }
    });

    it('$ omero group add newgroup', async () => {
      succeeds(await omero('group', 'add', 'newgroup'), 'Added group newgroup (id=4) with permissions rw----\n');
    });

    it("$ omero group add read-only-1 --perms='rwr---'", async () => {
      succeeds(await omero('group', 'add', 'read-only-1', '--perms=rwr---'), 'Added group read-only-1 (id=5) with permissions rwr---\n');
    });

    it('$ omero group add read-annotate-1 --type=read-annotate', async () => {
      succeeds(await omero('group', 'add', 'read-annotate-1', '--type=read-annotate'), 'Added group read-annotate-1 (id=6) with permissions rwra--\n');
    });

    it('$ omero user list', async () => {
      succeeds(await omero('user', 'list'), USERS_AFTER_EMAIL_UPDATE);
    });

    it('$ omero group list', async () => {
      succeeds(await omero('group', 'list'), GROUPS_AFTER_CREATION);
    });

    it('$ omero group adduser jsmith --name=read-annotate-1', async () => {
      succeeds(await omero('group', 'adduser', 'jsmith', '--name=read-annotate-1'), 'Added 2 to group 6\n');
      assert.equal(await row(['group', 'info', 'read-annotate-1', '--long']), '6,read-annotate-1,rwra--,False,,2\n');
    });

    it('$ omero group removeuser jsmith --name=read-annotate-1', async () => {
      succeeds(await omero('group', 'removeuser', 'jsmith', '--name=read-annotate-1'), 'Removed 2 from group 6\n');
      assert.equal(await row(['group', 'info', 'read-annotate-1', '--long']), '6,read-annotate-1,rwra--,False,,\n');
    });

    it('$ omero user joingroup read-only-1 --name=jsmith', async () => {
      succeeds(await omero('user', 'joingroup', 'read-only-1', '--name=jsmith'), 'Added 2 to group 5\n');
      assert.equal(await row(['user', 'info', 'jsmith']), '2,jsmith,John,Smith,jsmith@new_address.com,Yes,False,,"3,5",\n');
    });

    it('$ omero user leavegroup read-only-1 --name=jsmith', async () => {
      succeeds(await omero('user', 'leavegroup', 'read-only-1', '--name=jsmith'), 'Removed 2 from group 5\n');
      assert.equal(await row(['user', 'info', 'jsmith']), '2,jsmith,John,Smith,jsmith@new_address.com,Yes,False,,3,\n');
    });

    it('$ omero group adduser jsmith --name=read-annotate-1 --as-owner', async () => {
      succeeds(await omero('group', 'adduser', 'jsmith', '--name=read-annotate-1', '--as-owner'), 'Added 2 to the owner list of group 6\n');
      assert.equal(await row(['user', 'info', 'jsmith']), '2,jsmith,John,Smith,jsmith@new_address.com,Yes,False,,3,6\n');
    });

    it('$ omero user leavegroup read-annotate-1 --name=jsmith --as-owner', async () => {
      succeeds(await omero('user', 'leavegroup', 'read-annotate-1', '--name=jsmith', '--as-owner'), 'Removed 2 from the owner list of group 6\n');
      // Still a member: only the owner flag went.
      assert.equal(await row(['user', 'info', 'jsmith']), '2,jsmith,John,Smith,jsmith@new_address.com,Yes,False,,"3,6",\n');
    });

    it("$ omero group add read-only-2 --perms='rwr---'", async () => {
      succeeds(await omero('group', 'add', 'read-only-2', '--perms=rwr---'), 'Added group read-only-2 (id=7) with permissions rwr---\n');
    });

    it('$ omero group copyusers read-only-1 read-only-2', async () => {
      // jsmith left read-only-1 above, so there is nobody to copy: only the summary line.
      succeeds(await omero('group', 'copyusers', 'read-only-1', 'read-only-2'), 'Users of read-only-1 copied to read-only-2\n');
      assert.equal(await row(['group', 'info', 'read-only-2', '--long']), '7,read-only-2,rwr---,False,,\n');
    });

    it('$ omero group copyusers read-only-1 read-only-2 --as-owner', async () => {
      succeeds(await omero('group', 'copyusers', 'read-only-1', 'read-only-2', '--as-owner'), 'Owners of read-only-1 copied to read-only-2\n');
      assert.equal(await row(['group', 'info', 'read-only-2', '--long']), '7,read-only-2,rwr---,False,,\n');
    });

    it("$ omero group perms --perms='rwrw--' --name='read-annotate-1'", async () => {
      succeeds(await omero('group', 'perms', '--perms=rwrw--', '--name=read-annotate-1'), 'Changed permissions for group read-annotate-1 (id=6) to rwrw--\n');
      assert.equal(await row(['group', 'info', 'read-annotate-1', '--long']), '6,read-annotate-1,rwrw--,False,,2\n');
    });

    it("$ omero obj update ExperimenterGroup:6 name='read-write-1' (123 replaced by the id of read-annotate-1)", async () => {
      succeeds(await omero('obj', 'update', 'ExperimenterGroup:6', 'name=read-write-1'), 'ExperimenterGroup:6\n');
      assert.equal(await row(['group', 'info', 'read-write-1', '--long']), '6,read-write-1,rwrw--,False,,2\n');
    });
  });

  describe(`seed 000: omero ldap create jsmith before jsmith ever logged in (${engine})`, () => {
    let cli: CliEnvironment;
    before(async () => {
      cli = await rootEnvironment(engine);
    });
    after(() => cli?.close());

    it('$ omero ldap create jsmith, then the administrator adds jsmith to a group; jsmith logs in with the LDAP password', async () => {
      const r = await cli.run(['ldap', 'create', 'jsmith']);
      assert.equal(r.status, 0, r.stderr);
      assert.equal(r.stdout, `Added user jsmith (id=2) with DN=${LDAP_USERS.jsmith.dn}\n`);
      // In the groups new_user_group names (lab-a 3, lab-b 4, created from LDAP) and "user".
      assert.equal((await cli.run(['-q', 'user', 'info', 'jsmith', '--style', 'plain'])).stdout, '2,jsmith,John,Smith,jsmith@example.org,Yes,True,,"3,4",\n');
      assert.equal((await cli.run(['-q', 'group', 'add', 'test-group'])).status, 0);
      assert.equal((await cli.run(['-q', 'group', 'adduser', 'jsmith', '--name=test-group'])).stdout, 'Added 2 to group 5\n');
      const login = await cli.run(['login', '-C', '-s', 'localhost', '-u', 'jsmith'], { env: { OMERO_PASSWORD: LDAP_USERS.jsmith.password } });
      assert.equal(login.status, 0, login.stderr);
      assert.equal(login.stderr, 'Created session for jsmith@localhost:4064. Idle timeout: 10 min. Current group: lab-a\n');
    });
  });
}
