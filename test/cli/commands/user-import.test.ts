import assert from 'node:assert/strict';
import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { exitStatus } from '../../../src/cli/cli-error.js';
import type { DatabaseConfig } from '../../../src/server/db/database-config.js';
import { hashPassword } from '../../../src/server/auth/password-hash.js';
import { changedTables, dumpDatabaseAt } from '../../helpers/db-dump.js';
import { ENGINES } from '../../helpers/test-database.js';
import { csvRows, expectRun, UserGroupEnv } from './usergroup-env.js';

const VOLATILE = ['session', 'login_failure'];

/** A course: 40 students in 3 groups, the first of each group its owner. */
function courseCsv(): string {
  const lines = ['login,first,last,email,groups,owner-of'];
  for (let i = 1; i <= 40; i++) {
    const group = `course-${'abc'[i % 3]}`;
    lines.push(`student-${i},Student,Number ${i},student-${i}@uni.example,${group},${i <= 3 ? group : ''}`);
  }
  return `${lines.join('\n')}\n`;
}

/** The report rows (csv style, header dropped) as `login:result` — ids and details aside. */
const results = (stdout: string) => csvRows(stdout).slice(1).map((r) => `${r[1]}:${r[2]}`);

// `omero user import` through the real binary (issue 14): a course provisioned and re-run, every
// kind of row, the styles, dry run and --atomic against a dump of the database, bad files.
for (const engine of ENGINES) {
  describe(`omero user import (${engine})`, () => {
    let env: UserGroupEnv;
    let config: DatabaseConfig;
    const dump = () => dumpDatabaseAt(config, VOLATILE);
    const file = (name: string, text: string, mode = 0o600) => {
      const path = join(env.cli.userDir, name);
      writeFileSync(path, text, { mode });
      chmodSync(path, mode);
      return path;
    };

    before(async () => {
      env = await UserGroupEnv.open(engine);
      config = env.cli.env.OMERO_DB_URL ? { kind: 'pg', url: env.cli.env.OMERO_DB_URL } : { kind: 'pglite', dataDir: join(env.cli.userDir, 'db') };
    });
    after(() => env?.close());

    it('documents its columns and options in --help', async () => {
      const r = await env.cli.run(['user', 'import', '-h']);
      expectRun(r, { status: 0, stderr: '' });
      for (const text of ['login', 'first', 'last', 'middle', 'email', 'institution', 'groups', 'owner-of', 'admin privileges', 'password-hash',
        'active', 'member of', 'omero user list --style csv', '--dry-run', '--add-only', '--no-update', '--atomic', '--create-groups',
        '--generate-passwords', '--style', 'standard input']) {
        assert.ok(r.stdout.includes(text), `help lacks ${text}:\n${r.stdout}`);
      }
    });

    it('provisions a course of 40 users in 3 groups in one command; running it again changes nothing', async () => {
      const csv = file('course.csv', courseCsv());
      const pwFile = join(env.cli.userDir, 'course-passwords.csv');
      const dry = await env.root(['user', 'import', csv, '--create-groups', '--generate-passwords', pwFile, '--style', 'csv', '--dry-run']);
      expectRun(dry, { status: 0, stdout: /^2,student-1,created,,"created group course-b; [^\n]*; generated password"$/m });
      assert.ok(!existsSync(pwFile), 'a dry run writes no password file');
      const r = await env.root(['user', 'import', csv, '--create-groups', '--generate-passwords', pwFile, '--style', 'csv']);
      expectRun(r, { status: 0, stderr: '40 rows: 40 created, 0 updated, 0 unchanged, 0 failed\n' });
      assert.equal(results(r.stdout).filter((x) => x.endsWith(':created')).length, 40);
      assert.match(r.stdout, /^2,student-1,created,\d+,"created group course-b; member of course-b, user; owner of course-b; generated password"$/m);
      assert.equal(statSync(pwFile).mode & 0o777, 0o600);
      const passwords = csvRows(readFileSync(pwFile, 'utf8'));
      assert.deepEqual(passwords[0], ['login', 'password']);
      assert.equal(passwords.length, 41);
      const [login, password] = passwords[7]!;
      env.knows(login!, password!);
      expectRun(await env.as(login!, ['user', 'info', '--style', 'csv']), { status: 0, stdout: new RegExp(`,${login},Student,`) });
      const groups = csvRows((await env.root(['group', 'list', '--style', 'csv'])).stdout).slice(1).map((g) => g[1]);
      assert.deepEqual(groups.filter((g) => g!.startsWith('course-')).sort(), ['course-a', 'course-b', 'course-c']);

      const before_ = await dump();
      const again = await env.root(['user', 'import', csv, '--style', 'csv']);
      expectRun(again, { status: 0, stderr: '40 rows: 0 created, 0 updated, 40 unchanged, 0 failed\n' });
      assert.deepEqual(changedTables(before_, await dump()), []);
      // A second password file is never written over.
      expectRun(await env.root(['user', 'import', csv, '--generate-passwords', pwFile]), {
        status: 1, stdout: '', stderr: `${pwFile} exists: --generate-passwords writes a new file\n`,
      });
    });

    it('imports every kind of row; the dry run before reports the same and changes nothing', async () => {
      const hash = await hashPassword('from-a-hash');
      const csv = file('every-kind.csv', [
        'login,first,last,middle,email,institution,groups,owner-of,admin,admin privileges,password,password-hash,active',
        'kind-new,New,User,Q,new@uni.example,Uni,course-a;course-b,,no,,new-password,,yes',
        `kind-hash,Hash,User,,,,course-a,,,,,"${hash}",yes`,
        'kind-admin,Light,Admin,,,,course-a,,yes,ModifyUser;ModifyGroupMembership,,,yes',
        'kind-inactive,Gone,User,,,,course-c,,,,,,no',
        'student-1,Student,Number 1,,student-1@uni.example,Uni,course-b;course-c,course-b,,,,,yes',
        'student-2,Student,Number 2,,student-2@uni.example,,course-c,course-c,,,,,yes',
        'kind-bad-group,Bad,Group,,,,no-such-group,,,,,,yes',
        'kind-bad-email,Bad,Email,,not an email,,course-a,,,,,,yes',
        'kind-new,Again,Dup,,,,course-a,,,,,,yes',
        'kind-bad-yes,Bad,Yes,,,,course-a,,maybe,,,,yes',
        'kind-short,Short,Row',
        'kind-nameless,,,,,,course-a,,,,,,yes',
      ].join('\n'));
      const before_ = await dump();
      const dry = await env.root(['user', 'import', csv, '--dry-run', '--style', 'csv']);
      expectRun(dry, { status: 1, stderr: /^12 rows: 4 created, 1 updated, 1 unchanged, 6 failed \(dry run: nothing was changed\)\n/ });
      assert.deepEqual(changedTables(before_, await dump()), []);
      const real = await env.root(['user', 'import', csv, '--style', 'csv']);
      expectRun(real, { status: exitStatus(1), stderr: '12 rows: 4 created, 1 updated, 1 unchanged, 6 failed\n6 of 12 rows failed\n' });
      const noIds = (stdout: string) => csvRows(stdout).map((r) => [r[0], r[1], r[2], r[4]].join('|'));
      assert.deepEqual(noIds(dry.stdout), noIds(real.stdout));
      const report = csvRows(real.stdout);
      assert.deepEqual(report[0], ['line', 'login', 'result', 'id', 'details']);
      assert.deepEqual(report.slice(1).map((r) => `${r[0]}:${r[1]}:${r[2]}`), [
        '2:kind-new:created', '3:kind-hash:created', '4:kind-admin:created', '5:kind-inactive:created', '6:student-1:updated',
        '7:student-2:unchanged', '8:kind-bad-group:failed', '9:kind-bad-email:failed', '10:kind-new:failed', '11:kind-bad-yes:failed',
        '12::failed', '13:kind-nameless:failed',
      ]);
      const why = new Map(report.slice(1).map((r) => [r[0], r[4]]));
      assert.equal(why.get('6'), 'institution; +course-c');
      assert.match(why.get('8')!, /unknown group: no-such-group/);
      assert.match(why.get('9')!, /invalid email address: not an email/);
      assert.equal(why.get('10'), 'duplicate login: also on line 2');
      assert.equal(why.get('11'), 'admin must be yes or no, not "maybe"');
      assert.match(why.get('12')!, /^malformed CSV on line 12, column 4: Invalid Record Length/);
      assert.match(why.get('13')!, /a new user needs a first and a last name/);
      env.knows('kind-new', 'new-password');
      env.knows('kind-hash', 'from-a-hash');
      const own = await env.as('kind-new', ['user', 'listgroups', '--style', 'csv']);
      expectRun(own, { status: 0 });
      assert.deepEqual(csvRows(own.stdout).slice(1).map((g) => g[1]).sort(), ['course-a', 'course-b', 'user']);
      expectRun(await env.as('kind-hash', ['user', 'info', '--style', 'csv']), { status: 0, stdout: /kind-hash,Hash,User/ });
      const list = csvRows((await env.root(['user', 'list', '--style', 'csv'])).stdout);
      const row = (login: string) => list.find((r) => r[1] === login)!;
      assert.equal(row('kind-inactive')[5], '');
      assert.equal(row('kind-admin')[7], 'Yes');
    });

    it('prints the same report in every style', async () => {
      const csv = file('styles.csv', 'login,groups\nstudent-3,course-a\nstudent-4,nope\n');
      const sql = await env.root(['user', 'import', csv, '--add-only']);
      expectRun(sql, { status: 1, stdout: /^ line \| login +\| result +\| id +\| details +\n-+\+/ });
      assert.match(sql.stdout, /\(2 rows\)\n$/);
      const plain = await env.root(['user', 'import', csv, '--style', 'plain', '--add-only']);
      assert.match(plain.stdout, /^2,student-3,unchanged,\d+,\n3,student-4,failed,,ApiUsageException: unknown group: nope\n$/);
      const json = JSON.parse((await env.root(['user', 'import', csv, '--style', 'json', '--add-only'])).stdout) as Record<string, string>[];
      assert.deepEqual(json.map((o) => [o.login, o.result]), [['student-3', 'unchanged'], ['student-4', 'failed']]);
    });

    it('--atomic writes nothing when a row fails; --no-update and --add-only', async () => {
      const csv = file('atomic.csv', 'login,first,last,groups\natomic-1,A,One,course-a\natomic-2,A,Two,nope\n');
      const before_ = await dump();
      const r = await env.root(['user', 'import', csv, '--atomic', '--style', 'csv']);
      expectRun(r, { status: 1 });
      assert.deepEqual(results(r.stdout), ['atomic-1:unchanged', 'atomic-2:failed']);
      assert.match(r.stdout, /not written \(--atomic, 1 row\(s\) failed\); would be created/);
      assert.deepEqual(changedTables(before_, await dump()), []);
      // The same with a row the CLI itself refuses: nothing is sent.
      const dup = file('atomic-dup.csv', 'login,first,last,groups\natomic-1,A,One,course-a\natomic-1,A,One,course-a\n');
      expectRun(await env.root(['user', 'import', dup, '--atomic']), { status: 1 });
      assert.deepEqual(changedTables(before_, await dump()), []);

      const move = file('move.csv', 'login,groups\nstudent-5,course-a\n');
      expectRun(await env.root(['user', 'import', move, '--no-update', '--style', 'csv']), { status: 0, stdout: /student-5,unchanged,\d+,exists \(--no-update\)/ });
      expectRun(await env.root(['user', 'import', move, '--add-only', '--style', 'csv']), { status: 0, stdout: /student-5,updated,\d+,\+course-a; default course-a/ });
      const groups = csvRows((await env.root(['user', 'listgroups', 'student-5', '--style', 'csv'])).stdout).slice(1).map((g) => g[1]);
      assert.deepEqual(groups.sort(), ['course-a', 'course-c', 'user']);
    });

    it('accepts what `omero user list --style csv` writes: importing it changes nothing', async () => {
      const listed = (await env.root(['user', 'list', '--style', 'csv'])).stdout;
      const csv = file('user-list.csv', listed);
      const before_ = await dump();
      const r = await env.root(['user', 'import', csv, '--style', 'csv']);
      expectRun(r, { status: 0 });
      assert.ok(results(r.stdout).every((x) => x.endsWith(':unchanged')), r.stdout);
      assert.deepEqual(changedTables(before_, await dump()), []);
    });

    it('reads standard input with -', async () => {
      const r = await env.root(['user', 'import', '-', '--style', 'csv'], { input: 'login,first,last,groups\nstdin-user,Std,In,course-a\n' });
      expectRun(r, { status: 0, stdout: /^line,login,result,id,details\n2,stdin-user,created,\d+,"member of course-a, user; no password"\n$/ });
      expectRun(await env.root(['user', 'import', '-', '--password-stdin'], { input: 'x\n' }), { status: 2, stderr: /cannot read both the password/ });
    });

    it('refuses bad files before writing anything, and warns about readable passwords', async () => {
      const before_ = await dump();
      const unknown = file('unknown.csv', 'login,first,shoe size\nx,y,42\n');
      expectRun(await env.root(['user', 'import', unknown]), { status: 1, stdout: '', stderr: /^unknown column "shoe size" on line 1 \(known: login, first, last/ });
      expectRun(await env.root(['user', 'import', file('nologin.csv', 'first,last\na,b\n')]), { status: 1, stderr: 'the file has no login column (line 1)\n' });
      expectRun(await env.root(['user', 'import', join(env.cli.userDir, 'missing.csv')]), { status: 1, stderr: /^No such file: / });
      assert.deepEqual(changedTables(before_, await dump()), []);
      const open = file('open.csv', 'login,first,last,groups,password\nopen-user,O,U,course-a,secret-pw\n', 0o644);
      const r = await env.root(['user', 'import', open, '--dry-run']);
      expectRun(r, { status: 0, stderr: /Warning: .*open\.csv holds passwords and other users may read it \(chmod 600 / });
      assert.ok(!r.stdout.includes('secret-pw') && !r.stderr.includes('secret-pw'));
      chmodSync(open, 0o600);
      expectRun(await env.root(['user', 'import', open, '--dry-run']), { status: 0, stderr: /^1 row: 1 created/ });
    });
  });
}
