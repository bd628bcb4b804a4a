/**
 * `--sudo ADMINUSER` end to end through the real `omero` binary and the real shell (reference
 * permissions §5.4, cli §9.2; advisories 2018-SV3 and 2019-SV6): who may sudo as whom, what the
 * session file and the EventContext record, and how far a group owner's sudo session reaches.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { openCliEnvironment, type CliEnvironment } from '../helpers/cli-runner.js';
import { ENGINES, ROOT_PASSWORD } from '../helpers/test-database.js';

for (const engine of ENGINES) {
  describe(`--sudo through the omero binary (${engine})`, () => {
    let cli: CliEnvironment;
    const asRoot = { OMERO_PASSWORD: ROOT_PASSWORD };
    before(async () => {
      cli = await openCliEnvironment(engine);
      const prepared = await cli.run(['demo', '--no-shell'], { env: { OMERO_ROOT_PASSWORD: ROOT_PASSWORD } });
      assert.equal(prepared.status, 0, prepared.stderr);
      const steps = [
        ['group', 'add', 'lab-1', '--type', 'read-only'],
        ['user', 'add', 'pi', 'Pat', 'Investigator', 'lab-1', '--userpassword-stdin'],
        ['user', 'add', 'student', 'Sam', 'Student', 'lab-1', 'read-only-1', '--userpassword-stdin'],
        ['user', 'joingroup', '--name', 'pi', '--group-name', 'lab-1', '--as-owner'],
        ['user', 'add', 'helper', 'Hal', 'Helper', '--admin', '--privileges', 'ModifyGroupMembership', '--userpassword-stdin'],
        ['user', 'add', 'importer', 'Ima', 'Importer', '--admin', '--privileges', 'importer', '--userpassword-stdin'],
        // A world-readable group pi does not own (student is not in it), and user-3's project there.
        ['group', 'add', 'open-lab', '--perms', 'rwrwr-'],
        ['user', 'joingroup', '--name', 'user-3', '--group-name', 'open-lab'],
      ];
      for (const step of steps) {
        const r = await cli.run(['-u', 'root', '-s', 'localhost', ...step], { env: asRoot, input: `${step[2]}-password\n` });
        assert.equal(r.status, 0, `${step.join(' ')}: ${r.stderr}`);
      }
      for (const [user, group, name] of [['user-3', 'open-lab', 'open-project'], ['student', 'read-only-1', 'student-elsewhere'], ['student', 'lab-1', 'student-lab']]) {
        const r = await cli.run(['-u', user!, '-s', 'localhost', '-g', group!, '-C', '-q', '-w', `${user}-password`, 'obj', 'new', 'Project', `name=${name}`]);
        assert.equal(r.status, 0, `${name}: ${r.stderr}`);
      }
    });
    after(async () => {
      await cli.close();
    });

    /** The session files of user `user` on localhost, as key=value maps. */
    function sessionFiles(user: string): Array<Record<string, string>> {
      const dir = join(cli.userDir, 'sessions', 'localhost', user);
      return readdirSync(dir)
        .filter((f) => !f.startsWith('.'))
        .map((f) => Object.fromEntries(readFileSync(join(dir, f), 'utf8').trim().split('\n').map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)])));
    }

    it('`omero --sudo root -u user-2 -w … user list` works as OMERO does, recording omero.sudo', async () => {
      const r = await cli.run(['--sudo', 'root', '-u', 'user-2', '-s', 'localhost', '-w', ROOT_PASSWORD, '-C', 'user', 'list']);
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stderr, /^Created session for user-2@localhost:4064\./m);
      assert.match(r.stdout, /^ 2  \| user-2 +\| User/m);
      assert.doesNotMatch(r.stdout + r.stderr, new RegExp(ROOT_PASSWORD));
      assert.ok(sessionFiles('user-2').some((p) => p['omero.sudo'] === 'root' && p['omero.user'] === 'user-2'));
      // The session is user-2's, and says who opened it.
      const who = await cli.run(['sessions', 'who']);
      assert.match(who.stdout, /user-2 .*OMERO\.sudo/);
    });

    it('the shell: --sudo opens the target user’s session, the EventContext names the sudoer', async () => {
      const script = "ec = admin_service.getEventContext()\nprint(ec.userName, ec.sudoerName.val, ec.isAdmin, ec.sudoerId.val)";
      const r = await cli.run(['shell', '--login', '--sudo', 'root', '-u', 'user-2', '-s', 'localhost', '-C'], { input: script, env: asRoot });
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stdout, /^user-2 root False 0$/m);
    });

    it('the sudoer’s password is asked for, not the user’s', async () => {
      const wrong = await cli.run(['--sudo', 'root', '-u', 'user-2', '-s', 'localhost', '-C', '-w', 'user-2-password', 'user', 'list']);
      assert.equal(wrong.status, 524 % 256, wrong.stderr);
      assert.match(wrong.stderr, /Password check failed for 'root'/);
    });

    it('a group owner sudoes as a member into the group it owns, and reaches nothing else (2019-SV6)', async () => {
      const ok = await cli.run(['--sudo', 'pi', '-u', 'student', '-g', 'lab-1', '-s', 'localhost', '-C', '-w', 'pi-password', 'sessions', 'group']);
      assert.equal(ok.status, 0, ok.stderr);
      // student is also in read-only-1, which pi does not own: the sudo session cannot go there.
      const away = await cli.run(['sessions', 'group', 'read-only-1']);
      assert.notEqual(away.status, 0);
      assert.match(away.stderr, /SecurityViolation/);
      const other = await cli.run(['--sudo', 'pi', '-u', 'student', '-g', 'read-only-1', '-s', 'localhost', '-C', '-w', 'pi-password', 'user', 'list']);
      assert.equal(other.status, 557 % 256, other.stderr);
      assert.match(other.stderr, /Group sudo is not permitted for group/);
    });

    it('a group owner’s sudo session names no world-readable group it does not own, and with --all sees only its groups', async () => {
      const query = ['hql', '--all', '--style', 'csv', 'select p.name from Project p order by p.name'];
      // Control: student's own session sees the world-readable group's project and its own elsewhere.
      const own = await cli.run(['-u', 'student', '-s', 'localhost', '-C', '-q', '-w', 'student-password', ...query]);
      assert.equal(own.status, 0, own.stderr);
      for (const name of ['open-project', 'student-elsewhere', 'student-lab']) assert.match(own.stdout, new RegExp(name));
      const sudo = await cli.run(['--sudo', 'pi', '-u', 'student', '-g', 'lab-1', '-s', 'localhost', '-C', '-q', '-w', 'pi-password', ...query]);
      assert.equal(sudo.status, 0, sudo.stderr);
      assert.match(sudo.stdout, /student-lab/);
      assert.doesNotMatch(sudo.stdout, /open-project|student-elsewhere/);
      // The same sudo session (now the current one) may not move to the world-readable group.
      const away = await cli.run(['sessions', 'group', 'open-lab']);
      assert.notEqual(away.status, 0);
      assert.match(away.stderr, /SecurityViolation/);
      const login = await cli.run(['--sudo', 'pi', '-u', 'student', '-g', 'open-lab', '-s', 'localhost', '-C', '-q', '-w', 'pi-password', 'user', 'list']);
      assert.equal(login.status, 557 % 256, login.stderr);
      assert.match(login.stderr, /Group sudo is not permitted for group/);
      // Writes in the owned group still work.
      const write = await cli.run(['obj', 'new', 'Project', 'name=sudo-written']);
      assert.equal(write.status, 0, write.stderr);
    });

    it('refused: a member, an admin without Sudo, sudo as root, sudo as a more privileged admin', async () => {
      const cases: Array<[string, string, string, RegExp]> = [
        ['user-3', 'user-2', 'user-3-password', /Group sudo is not permitted/],
        ['helper', 'user-2', 'helper-password', /Group sudo is not permitted/],
        ['importer', 'root', 'importer-password', /Nobody may sudo as root/],
        ['importer', 'helper', 'importer-password', /more privileged user/],
      ];
      for (const [sudoer, target, password, message] of cases) {
        const r = await cli.run(['--sudo', sudoer, '-u', target, '-s', 'localhost', '-C', '-w', password, 'user', 'list']);
        assert.equal(r.status, 557 % 256, `${sudoer} as ${target}: ${r.stderr}`);
        assert.match(r.stderr, message);
      }
      // Control: the importer (Sudo only) may sudo as a plain user.
      const ok = await cli.run(['--sudo', 'importer', '-u', 'user-3', '-s', 'localhost', '-C', '-w', 'importer-password', 'user', 'list']);
      assert.equal(ok.status, 0, ok.stderr);
    });

    it('sudo logins and refused sudo attempts are in the audit log', async () => {
      const r = await cli.run(['-u', 'root', '-s', 'localhost', '-C', 'audit', '--style', 'csv'], { env: asRoot });
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stdout, /root,.*sudo,Experimenter:\d+ user-2,.*done/);
      assert.match(r.stdout, /importer,.*sudo,.*root,.*refused,Nobody may sudo as root/);
    });
  });
}
