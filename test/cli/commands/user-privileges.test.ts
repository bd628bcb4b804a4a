import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { exitStatus } from '../../../src/cli/cli-error.js';
import { ENGINES } from '../../helpers/test-database.js';
import { expectRun, UserGroupEnv } from './usergroup-env.js';

// Issue 11's friendly account management, end to end through the binary: `user add --admin
// --privileges`, `user privileges [--grant/--revoke]`, `user deactivate/reactivate`, `obj map-set …
// config AdminPrivilege:X false`, and `omero audit`.
for (const engine of ENGINES) {
  describe(`omero user privileges, deactivate, reactivate and audit (${engine})`, () => {
    let env: UserGroupEnv;
    /** `user privileges USER` as csv: the held privileges. */
    const held = async (user: string) => {
      const r = await env.root(['user', 'privileges', user, '--style', 'csv']);
      assert.equal(r.status, 0, r.stderr);
      return r.stdout.split('\n').filter((l) => /,Yes,/.test(l)).map((l) => l.split(',')[0]);
    };

    before(async () => {
      env = await UserGroupEnv.open(engine);
      for (const args of [
        ['group', 'add', 'lab'],
        ['user', 'add', 'kim', 'Kim', 'Lee', 'lab', '-P', 'kim-pw'],
      ]) {
        expectRun(await env.root(args), { status: 0, stderr: '' });
      }
      env.knows('kim', 'kim-pw');
    });
    after(() => env?.close());

    it('creates, in one command, a restricted admin who may only manage group memberships', async () => {
      expectRun(await env.root(['user', 'add', 'gm', 'Gina', 'Members', '--admin', '--privileges', 'ModifyGroupMembership', '-P', 'gm-pw']), {
        status: 0,
        stdout: /^Added user gm \(id=\d+\) with password, an administrator holding ModifyGroupMembership\n$/,
      });
      env.knows('gm', 'gm-pw');
      assert.deepEqual(await held('gm'), ['ModifyGroupMembership']);
      // What it may do…
      expectRun(await env.as('gm', ['user', 'joingroup', '--name', 'kim', '--group-name', 'user']), { status: 0 });
      expectRun(await env.as('gm', ['group', 'adduser', '--name', 'lab', 'root']), { status: 0 });
      // …and nothing else.
      expectRun(await env.as('gm', ['group', 'add', 'gm-group']), { status: exitStatus(111), stderr: /Admin restrictions: ModifyGroup/ });
      expectRun(await env.as('gm', ['user', 'add', 'x1', 'X', 'Y', 'lab', '-P', 'x1-pw']), { status: exitStatus(111), stderr: /Admin restrictions: ModifyUser/ });
      expectRun(await env.as('gm', ['user', 'privileges', 'gm', '--grant', 'ModifyUser']), { status: exitStatus(111) });
      expectRun(await env.as('gm', ['audit']), { status: exitStatus(111), stderr: /full administrators only/ });
      const promote = await env.as('gm', ['user', 'joingroup', '--name', 'kim', '--group-name', 'system']);
      assert.notEqual(promote.status, 0);
      assert.match(promote.stderr, /cannot give administrator privileges that current user does not have/);
      assert.deepEqual(await held('gm'), ['ModifyGroupMembership']);
    });

    it('bundles are named in --help and accepted by name; unknown names list the valid ones', async () => {
      const help = await env.root(['user', 'add', '--help']);
      for (const bundle of ['viewer', 'memberships', 'users', 'importer', 'analyst', 'organizer']) assert.match(help.stdout, new RegExp(`^  ${bundle} `, 'm'));
      expectRun(await env.root(['user', 'add', 'imp', 'Ima', 'Porter', '--admin', '--privileges', 'importer,ModifyUser', '-P', 'imp-pw']), { status: 0 });
      assert.deepEqual(await held('imp'), ['ModifyUser', 'Sudo']);
      const bad = await env.root(['user', 'add', 'bad', 'B', 'A', '--admin', '--privileges', 'Frobnicate,Sudo', '-P', 'bad-pw']);
      expectRun(bad, { status: 2, stdout: '', stderr: /^Unknown privilege: Frobnicate\. Valid privileges: Chgrp, Chown, .*WriteScriptRepo; bundles: viewer, / });
      expectRun(await env.root(['user', 'add', 'bad', 'B', 'A', 'lab', '--privileges', 'Sudo', '-P', 'bad-pw']), { status: 2, stderr: /--privileges needs --admin/ });
      expectRun(await env.root(['user', 'info', 'bad']), { stderr: /^Unknown user: bad/ });
    });

    it('grants and revokes; a shrink ends the admin’s sessions; nobody grants what they lack', async () => {
      env.knows('imp', 'imp-pw');
      expectRun(await env.as('imp', ['user', 'list']), { status: 0 });
      expectRun(await env.root(['user', 'privileges', 'imp', '--grant', 'Chown', '--revoke', 'Sudo']), { status: 0, stdout: /^ Chown +\| Yes/m });
      assert.deepEqual(await held('imp'), ['Chown', 'ModifyUser']);
      // imp's stored session ended: the next command logs in afresh.
      const again = await env.cli.run(['-u', 'imp', '-s', 'localhost', 'user', 'list'], { env: { OMERO_PASSWORD: 'imp-pw' } });
      assert.match(again.stdout + again.stderr, /Previous session expired|Created session/);
      // imp holds ModifyUser and Chown but not Sudo: it may not give Sudo, to itself or anyone.
      expectRun(await env.as('imp', ['user', 'privileges', 'gm', '--grant', 'Sudo']), { status: exitStatus(68), stderr: /does not have: Sudo|more privileged/ });
      expectRun(await env.as('imp', ['user', 'privileges', 'root', '--revoke', 'Sudo']), { status: exitStatus(67), stderr: /Cannot restrict the privileges of root/ });
      expectRun(await env.root(['user', 'privileges', 'root', '--revoke', 'Sudo']), { status: exitStatus(67), stderr: /^ApiUsageException: Cannot restrict the privileges of root$/m });
      expectRun(await env.root(['user', 'privileges', 'kim', '--grant', 'Sudo']), { status: exitStatus(3), stderr: /kim is not an administrator/ });
      expectRun(await env.root(['user', 'privileges', 'kim', '--grant', 'Nope']), { status: 2, stderr: /Unknown privilege: Nope/ });
      assert.deepEqual(await held('imp'), ['Chown', 'ModifyUser']);
    });

    it('obj map-set Experimenter:ID config AdminPrivilege:X false keeps working', async () => {
      const id = /^(\d+),/m.exec((await env.root(['user', 'info', 'gm', '--style', 'plain'])).stdout)![1]!;
      expectRun(await env.root(['obj', 'map-set', `Experimenter:${id}`, 'config', 'AdminPrivilege:ModifyGroupMembership', 'false']), { status: 0 });
      assert.deepEqual(await held('gm'), []);
      // Without a value, map-set removes the entry: the restriction goes.
      expectRun(await env.root(['obj', 'map-set', `Experimenter:${id}`, 'config', 'AdminPrivilege:ModifyGroupMembership']), { status: 0 });
      assert.deepEqual(await held('gm'), ['ModifyGroupMembership']);
      expectRun(await env.root(['obj', 'map-set', `Experimenter:${id}`, 'config', 'AdminPrivilege:Sudo', 'true']), { status: 0 });
      assert.deepEqual(await held('gm'), ['ModifyGroupMembership', 'Sudo']);
      expectRun(await env.root(['user', 'privileges', 'gm', '--revoke', 'Sudo']), { status: 0 });
      assert.deepEqual(await held('gm'), ['ModifyGroupMembership']);
    });

    it('the file and repository privileges are stored, granted, revoked and shown like the others, marked as guarding nothing', async () => {
      const table = await env.root(['user', 'privileges', 'gm', '--style', 'csv']);
      assert.equal(table.status, 0, table.stderr);
      for (const p of ['DeleteFile', 'DeleteManagedRepo', 'DeleteScriptRepo', 'WriteFile', 'WriteManagedRepo', 'WriteScriptRepo']) {
        assert.match(table.stdout, new RegExp(`^${p},No,.*guards nothing here: no files or repositories, kept for OMERO compatibility`, 'm'));
      }
      assert.doesNotMatch(table.stdout, /^(ModifyUser|Sudo|ReadSession),.*guards nothing/m);
      expectRun(await env.root(['user', 'privileges', 'gm', '--grant', 'WriteFile,DeleteScriptRepo']), { status: 0, stdout: /^ WriteFile +\| Yes/m });
      assert.deepEqual(await held('gm'), ['DeleteScriptRepo', 'ModifyGroupMembership', 'WriteFile']);
      const id = /^(\d+),/m.exec((await env.root(['user', 'info', 'gm', '--style', 'plain'])).stdout)![1]!;
      expectRun(await env.root(['obj', 'map-get', `Experimenter:${id}`, 'config', 'AdminPrivilege:WriteManagedRepo']), { status: 0, stdout: 'false\n' });
      expectRun(await env.root(['user', 'privileges', 'gm', '--revoke', 'WriteFile,DeleteScriptRepo']), { status: 0 });
      assert.deepEqual(await held('gm'), ['ModifyGroupMembership']);
      assert.match((await env.root(['user', 'add', '--help'])).stdout, /^  WriteManagedRepo .*guards nothing here/m);
    });

    it('sessions who: other users’ sessions only with ReadSession; group owners and members as before', async () => {
      expectRun(await env.root(['user', 'add', 'rs', 'Rita', 'Sessions', '--admin', '--privileges', 'ReadSession', '-P', 'rs-pw']), { status: 0 });
      expectRun(await env.root(['user', 'add', 'lead', 'Lee', 'Ader', 'lab', '-P', 'lead-pw']), { status: 0 });
      expectRun(await env.root(['user', 'joingroup', '--name', 'lead', '--group-name', 'lab', '--as-owner']), { status: 0 });
      env.knows('rs', 'rs-pw');
      env.knows('lead', 'lead-pw');
      for (const u of ['kim', 'gm', 'lead', 'rs']) expectRun(await env.as(u, ['user', 'list']), { status: 0 });
      const who = async (u: string) => {
        const r = await env.as(u, ['sessions', 'who']);
        assert.equal(r.status, 0, r.stderr);
        return r.stdout;
      };
      const DETAILS = (u: string) => new RegExp(`^ ${u} +\\| \\S+ +\\| \\d{4}-\\d\\d-\\d\\d `, 'm');
      const NAMES = (u: string) => new RegExp(`^ ${u} +\\| \\S+ +\\| --- +\\| --- +\\| --- `, 'm');
      const ABSENT = (u: string) => new RegExp(`^ ${u} +\\|`, 'm');
      // root (every privilege) and rs (ReadSession alone) see everyone's sessions in full.
      for (const u of ['root', 'rs']) {
        const out = await who(u);
        assert.match(out, /lastAccessTime/);
        for (const other of ['kim', 'gm', 'lead', 'root']) assert.match(out, DETAILS(other), `${u} sees ${other}\n${out}`);
      }
      // gm, an administrator without ReadSession, sees its own sessions only.
      const gm = await who('gm');
      assert.match(gm, DETAILS('gm'));
      for (const other of ['kim', 'lead', 'root', 'rs']) assert.doesNotMatch(gm, ABSENT(other), gm);
      assert.doesNotMatch(gm, /lastAccessTime/);
      // A group owner: its own in full, the names of others.
      const lead = await who('lead');
      assert.match(lead, DETAILS('lead'));
      assert.match(lead, NAMES('kim'));
      assert.match(lead, NAMES('root'));
      // A member of a private group: its own in full, root's name, nobody it may not see.
      const kim = await who('kim');
      assert.match(kim, DETAILS('kim'));
      assert.match(kim, NAMES('root'));
      for (const other of ['gm', 'rs', 'lead']) assert.doesNotMatch(kim, ABSENT(other), kim);
    });

    it('deactivate ends the sessions and stops logins; reactivate lets the user back', async () => {
      expectRun(await env.as('kim', ['user', 'list']), { status: 0 });
      expectRun(await env.root(['user', 'deactivate', 'kim']), { status: 0, stdout: /^Deactivated user kim \(id=\d+\); their open sessions were ended\n$/ });
      expectRun(await env.root(['user', 'deactivate', 'kim']), { status: 0, stdout: /already deactivated/ });
      const refused = await env.cli.run(['-u', 'kim', '-s', 'localhost', 'user', 'list'], { env: { OMERO_PASSWORD: 'kim-pw' } });
      assert.notEqual(refused.status, 0);
      assert.match(refused.stderr, /deactivated/);
      expectRun(await env.root(['user', 'reactivate', 'kim']), { status: 0, stdout: /^Reactivated user kim/ });
      expectRun(await env.as('kim', ['user', 'list']), { status: 0 });
    });

    it('refuses deactivating root and removing root or guest from the system groups, changing nothing', async () => {
      expectRun(await env.root(['user', 'deactivate', 'root']), { status: exitStatus(67), stderr: /root may not be removed/ });
      for (const [user, group] of [['guest', 'guest'], ['root', 'system'], ['root', 'user']]) {
        const r = await env.root(['user', 'leavegroup', '--name', user!, '--group-name', group!]);
        assert.notEqual(r.status, 0, `${user} leaving ${group}: ${r.stdout}`);
        assert.match(r.stderr, new RegExp(`${user} may not be removed`));
      }
      expectRun(await env.root(['user', 'list']), { status: 0, stdout: /^ 0 +\| root +\|.*\| Yes +\|/m });
    });

    it('the audit log: who, what, before and after, refusals — never a password; full admins only', async () => {
      const r = await env.root(['audit', '--style', 'csv', '--since', '1h']);
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stdout, /^when,who,from,action,target,before,after,outcome,message$/m);
      // "from": `local` in-process, the peer's loopback address through the user directory's server.
      const from = '(local|127\\.0\\.0\\.1|::1|::ffff:127\\.0\\.0\\.1)';
      assert.match(r.stdout, new RegExp(`,root,${from},createExperimenter,Experimenter:\\d+ gm,`));
      assert.match(r.stdout, new RegExp(`,root,${from},setAdminPrivileges,Experimenter:\\d+ imp,`));
      assert.match(r.stdout, new RegExp(`,root,${from},removeGroups,Experimenter:\\d+ kim,`));
      assert.match(r.stdout, new RegExp(`,imp,${from},setAdminPrivileges,,.*,refused,`));
      for (const secret of ['kim-pw', 'gm-pw', 'imp-pw', 'bad-pw']) assert.doesNotMatch(r.stdout, new RegExp(secret));
      const mine = await env.root(['audit', '--style', 'csv', '--user', 'kim']);
      assert.ok(mine.stdout.trim().split('\n').slice(1).every((l) => /kim/.test(l)), mine.stdout);
      expectRun(await env.root(['audit', '--since', 'yesterday-ish']), { status: 2, stderr: /Invalid --since/ });
    });

    it('refusals the CLI used to make on its own are the server’s now, and audited', async () => {
      const from = '(local|127\\.0\\.0\\.1|::1|::ffff:127\\.0\\.0\\.1)';
      // [who, command, rc (null: not checked here), stderr]
      const attempts: Array<[string, string[], number | null, RegExp]> = [
        ['gm', ['group', 'add', 'gm-group-2'], exitStatus(111), /^SecurityViolation: Admin restrictions: ModifyGroup$/m],
        ['gm', ['sessions', 'open', '--user-name', 'kim'], exitStatus(111), /^SecurityViolation: Admin restrictions: Sudo$/m],
        ['kim', ['sessions', 'open', '--user-name', 'gm'], exitStatus(111), /^SecurityViolation: Admins only!$/m],
        ['gm', ['audit'], exitStatus(111), /^SecurityViolation: the audit log is for full administrators only$/m],
        ['root', ['user', 'add', 'bad2', 'B', 'A', '--admin', '--privileges', 'Sudo,Frobnicate2', '-P', 'bad2-pw'], 2, /^Unknown privilege: Frobnicate2\. Valid privileges: /m],
        ['root', ['user', 'privileges', 'gm', '--revoke', 'Nope2'], 2, /^Unknown privilege: Nope2\./m],
        ['gm', ['user', 'leavegroup', 'system'], null, /may not remove themselves from the system or user group/],
        ['root', ['user', 'leavegroup', '--name', 'root', 'system'], null, /root may not be removed/],
      ];
      for (const [who, args, status, message] of attempts) {
        const r = await env.as(who, args);
        expectRun(r, { ...(status === null ? {} : { status }), stdout: '', stderr: message });
        assert.notEqual(r.status, 0);
      }
      // Nothing changed.
      expectRun(await env.root(['group', 'info', 'gm-group-2']), { stderr: /Unknown group/ });
      expectRun(await env.root(['user', 'info', 'bad2']), { stderr: /^Unknown user: bad2/ });
      assert.deepEqual(await held('gm'), ['ModifyGroupMembership']);
      const log = await env.root(['audit', '--style', 'csv', '--since', '1h']);
      assert.equal(log.status, 0, log.stderr);
      for (const line of [
        `,gm,${from},group add,.*,refused,Admin restrictions: ModifyGroup$`,
        `,gm,${from},sessions open,.*,refused,Admin restrictions: Sudo$`,
        `,kim,${from},sessions open,.*,refused,Admins only!$`,
        `,gm,${from},getAuditLog,.*,refused,the audit log is for full administrators only$`,
        `,root,${from},user add,.*,refused,"?Unknown privilege: Frobnicate2\\.`,
        `,root,${from},user privileges,.*,refused,"?Unknown privilege: Nope2\\.`,
        `,gm,${from},removeGroups,.*,refused,experimenter may not remove themselves`,
        `,root,${from},removeGroups,.*,refused,experimenter root may not be removed`,
      ]) {
        assert.match(log.stdout, new RegExp(line, 'm'));
      }
    });
  });
}
