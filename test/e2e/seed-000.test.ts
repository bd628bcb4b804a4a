import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { OMERO_BIN, openCliEnvironment, type CliEnvironment, type CliResult } from '../helpers/cli-runner.js';
import { onPty, plainText } from '../helpers/pty.js';
import { ROOT_PASSWORD, ENGINES } from '../helpers/test-database.js';

// Seed 000 ("User/group management") typed as a new user would, in the seed's order, after
// `omero login -s localhost -u root` (password through OMERO_PASSWORD): every `omero user` and
// `omero group` line exactly as written (shell quotes removed, as a shell does), checking what
// it prints and what it changed. The password of the new user is typed at OMERO's hidden prompts
// on a pseudo-terminal. The ldap lines are placeholders until the ldap plugin exists.

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
      cli = await openCliEnvironment(engine);
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

    it.todo('$ omero ldap create jsmith (ldap plugin, not built yet)');
    it.todo('$ omero ldap setdn -h (ldap plugin, not built yet)');

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
}
