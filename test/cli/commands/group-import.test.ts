import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { exitStatus } from '../../../src/cli/cli-error.js';
import type { DatabaseConfig } from '../../../src/server/db/database-config.js';
import { changedTables, dumpDatabaseAt } from '../../helpers/db-dump.js';
import { ENGINES } from '../../helpers/test-database.js';
import { csvRows, expectRun, UserGroupEnv } from './usergroup-env.js';

const VOLATILE = ['session', 'login_failure'];

// `omero group import` and `omero group perms --dry-run` through the real binary (issue 14).
for (const engine of ENGINES) {
  describe(`omero group import, group perms --dry-run (${engine})`, () => {
    let env: UserGroupEnv;
    let config: DatabaseConfig;
    const dump = () => dumpDatabaseAt(config, VOLATILE);
    const file = (name: string, text: string) => {
      const path = join(env.cli.userDir, name);
      writeFileSync(path, text, { mode: 0o600 });
      return path;
    };

    before(async () => {
      env = await UserGroupEnv.open(engine);
      config = env.cli.env.OMERO_DB_URL ? { kind: 'pg', url: env.cli.env.OMERO_DB_URL } : { kind: 'pglite', dataDir: join(env.cli.userDir, 'db') };
      const users = file('users.csv', 'login,first,last,groups,password\npi,P,I,lab,pi-password\nann,A,N,lab,ann-password\nbob,B,O,lab,bob-password\n');
      expectRun(await env.root(['user', 'import', users, '--create-groups']), { status: 0 });
      env.knows('pi', 'pi-password');
      env.knows('ann', 'ann-password');
      env.knows('bob', 'bob-password');
    });
    after(() => env?.close());

    it('creates and updates groups; running the file again changes nothing', async () => {
      const csv = file('groups.csv', [
        'name,permissions,owners,description',
        'lab,read-annotate,pi,The lab',
        'course-x,rwr---,pi;ann,',
        'course-y,,,',
        'bad-perms,rwx---,,',
        'bad-owner,private,nobody,',
        'course-x,private,,',
      ].join('\n'));
      const r = await env.root(['group', 'import', csv, '--style', 'csv']);
      expectRun(r, { status: exitStatus(1), stderr: '6 rows: 2 created, 1 updated, 0 unchanged, 3 failed\n3 of 6 rows failed\n' });
      assert.deepEqual(csvRows(r.stdout).slice(1).map((x) => [x[0], x[1], x[2], x[4]]), [
        ['2', 'lab', 'updated', 'description; permissions rw---- → rwra--; owners +pi'],
        ['3', 'course-x', 'created', 'permissions rwr---; owners +pi, ann'],
        ['4', 'course-y', 'created', 'permissions rw----'],
        ['5', 'bad-perms', 'failed', 'invalid permissions: rwx---'],
        ['6', 'bad-owner', 'failed', 'ApiUsageException: unknown user: nobody'],
        ['7', 'course-x', 'failed', 'duplicate name: also on line 3'],
      ]);
      const good = file('groups-good.csv', 'name,permissions,owners,description\nlab,read-annotate,pi,The lab\ncourse-x,rwr---,pi;ann,\n');
      const before_ = await dump();
      const again = await env.root(['group', 'import', good, '--style', 'csv']);
      expectRun(again, { status: 0, stderr: '2 rows: 0 created, 0 updated, 2 unchanged, 0 failed\n' });
      assert.deepEqual(changedTables(before_, await dump()), []);
      // Group owners manage their groups only.
      const byPi = await env.as('pi', ['group', 'import', file('pi.csv', 'name,owners\ncourse-x,pi\ncourse-y,pi\n'), '--style', 'csv']);
      expectRun(byPi, { status: 1 });
      assert.deepEqual(csvRows(byPi.stdout).slice(1).map((x) => `${x[1]}:${x[2]}`), ['course-x:updated', 'course-y:failed']);
    });

    it('perms --dry-run lists what the change would sever and delete, changes nothing, and the change then does exactly that', async () => {
      // In the read-annotate lab: ann's project, bob's dataset linked to it by their PI, bob's comment on it.
      const made: string[] = [];
      for (const [user, args] of [
        ['ann', ['obj', 'new', 'Project', 'name=ann-project']],
        ['bob', ['obj', 'new', 'Dataset', 'name=bob-dataset']],
      ] as const) {
        const r = await env.as(user, [...args, '-g', 'lab']);
        expectRun(r, { status: 0 });
        made.push(r.stdout.trim());
      }
      expectRun(await env.as('pi', ['obj', 'new', 'ProjectDatasetLink', `parent=${made[0]}`, `child=${made[1]}`, '-g', 'lab']), { status: 0 });
      const comment = (await env.as('bob', ['obj', 'new', 'CommentAnnotation', 'textValue=nice', '-g', 'lab'])).stdout.trim();
      expectRun(await env.as('bob', ['obj', 'new', 'ProjectAnnotationLink', `parent=${made[0]}`, `child=${comment}`, '-g', 'lab']), { status: 0 });

      const before_ = await dump();
      const refused = await env.as('ann', ['group', 'perms', '--name', 'lab', '--type', 'private', '--dry-run']);
      expectRun(refused, { status: exitStatus(504), stdout: '', stderr: /^Cannot change permissions for group lab \(id=\d+\) to rw----: / });
      const dry = await env.as('pi', ['group', 'perms', '--name', 'lab', '--type', 'private', '--dry-run', '--style', 'csv']);
      expectRun(dry, { status: 0 });
      assert.deepEqual(changedTables(before_, await dump()), []);
      const [first, ...table] = dry.stdout.trimEnd().split('\n');
      assert.match(first!, /^Would change permissions for group lab \(id=\d+\) from rwra-- to rw----$/);
      assert.deepEqual(table, [
        'effect,class,count,ids',
        `severed,ProjectAnnotationLink,1,1`,
        `severed,ProjectDatasetLink,1,1`,
        `deleted,CommentAnnotation,1,${comment.split(':')[1]}`,
      ]);
      const real = await env.as('pi', ['group', 'perms', '--name', 'lab', '--type', 'private', '--style', 'csv']);
      expectRun(real, { status: 0 });
      const [done, ...did] = real.stdout.trimEnd().split('\n');
      assert.match(done!, /^Changed permissions for group lab \(id=\d+\) to rw----$/);
      assert.deepEqual(did, table);
      // …and the group's permissions moved the security epoch (migration 0003).
      assert.deepEqual(changedTables(before_, await dump()), ['annotation', 'experimentergroup', 'projectannotationlink', 'projectdatasetlink', 'security_epoch']);
      // Nothing left to sever: back to read-only and private again.
      expectRun(await env.as('pi', ['group', 'perms', '--name', 'lab', '--type', 'read-only']), { status: 0 });
      expectRun(await env.as('pi', ['group', 'perms', '--name', 'lab', '--type', 'private', '--dry-run']), {
        status: 0, stdout: /^Would change permissions for group lab \(id=\d+\) from rwr--- to rw----\nNothing would be severed or deleted\n$/,
      });
    });
  });
}
