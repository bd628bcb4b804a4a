import assert from 'node:assert/strict';
import { Readable, Writable } from 'node:stream';
import { describe, it } from 'node:test';
import type { CliIO } from '../../../src/cli/cli-io.js';
import { main } from '../../../src/cli/main.js';
import { collectGroupsTable, collectUsersTable, pySortBy } from '../../../src/cli/usergroup/index.js';
import { ExperimenterGroupI, ExperimenterI, GroupExperimenterMapI, PermissionsI, rbool, Roles, rstring } from '../../../src/model/index.js';

// In-process checks that need no server: argparse-style refusals of `omero user` and
// `omero group` (all happen before connecting), and the two table collectors on model objects.

/** Runs `omero …argv` in this process with captured streams; nothing may reach a server. */
async function run(argv: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  const chunks = { stdout: '', stderr: '' };
  const sink = (key: 'stdout' | 'stderr') =>
    new Writable({
      write(chunk, _enc, done) {
        chunks[key] += String(chunk);
        done();
      },
    });
  const io: CliIO = { stdout: sink('stdout'), stderr: sink('stderr'), stdin: Readable.from([]), env: { OMERO_USERDIR: '/nonexistent/omero-usergroup-parsing' }, argv0: 'omero' };
  const status = await main(argv, io);
  return { status, ...chunks };
}

async function refused(argv: string[], message: string | RegExp, prog = `omero ${argv.slice(0, 2).join(' ')}`): Promise<void> {
  const r = await run(argv);
  // How long choice lists wrap is the help formatter's business: compare them unwrapped.
  r.stderr = r.stderr.replace(/,\n\t/g, ', ');
  const shown = JSON.stringify(r);
  assert.equal(r.status, 2, shown);
  assert.equal(r.stdout, '', shown);
  if (typeof message === 'string') assert.ok(r.stderr.endsWith(`${prog}: error: ${message}\n`), shown);
  else assert.match(r.stderr, message, shown);
  assert.match(r.stderr, /^usage: omero /, shown);
}

describe('omero user / group command lines refused before connecting (rc 2)', () => {
  it('missing positionals', async () => {
    await refused(['user', 'add', 'a', 'b'], 'too few arguments');
    await refused(['group', 'add'], 'too few arguments');
    await refused(['group', 'copyusers', 'a'], 'too few arguments');
  });

  it('mutually exclusive arguments, named in the order typed', async () => {
    await refused(['user', 'joingroup', 'g', '--id', '1', '--name', 'x'], 'argument --name: not allowed with argument --id');
    await refused(['user', 'leavegroup', 'g', '--name', 'x', '--id', '1'], 'argument --id: not allowed with argument --name');
    await refused(['group', 'adduser', 'u', '--name', 'x', '--id', '1'], 'argument --id: not allowed with argument --name');
    await refused(['group', 'removeuser', 'u', '--id', '1', '--name', 'x'], 'argument --name: not allowed with argument --id');
    await refused(['user', 'add', 'a', 'b', 'c', 'g', '--no-password', '-P', 'x'], 'argument -P/--userpassword: not allowed with argument --no-password');
    await refused(['user', 'add', 'a', 'b', 'c', 'g', '--no-password', '--userpassword-stdin'], 'argument --userpassword-stdin: not allowed with argument --no-password');
    await refused(['group', 'perms', '--name', 'g', '--type', 'private', '--perms', 'rw----'], 'argument --perms: not allowed with argument --type');
    await refused(['user', 'info', '--sort-by-first-name', '--sort-by-last-name'], 'argument --sort-by-last-name: not allowed with argument --sort-by-first-name');
  });

  it('invalid choices list the sorted choices', async () => {
    await refused(['group', 'add', 'g', '--type', 'public'], "argument --type: invalid choice: 'public'\n\nchoose from:\n\tprivate, read-annotate, read-only, read-write");
    await refused(['user', 'listgroups', '--style', 'x'], "argument --style: invalid choice: 'x'\n\nchoose from:\n\tcsv, json, plain, sql");
    await refused(['user', 'frob'], "argument <subcommand>: invalid choice: 'frob'\n\nchoose from:\n\tadd, deactivate, email, import, info, joingroup, leavegroup, list, \n\tlistgroups, password, privileges, reactivate", 'omero user');
    await refused(['group', 'frob'], "argument <subcommand>: invalid choice: 'frob'\n\nchoose from:\n\tadd, adduser, copyusers, import, info, list, listusers, perms, \n\tremoveuser", 'omero group');
  });

  it('subcommands without login arguments refuse them; unknown options are refused', async () => {
    await refused(['user', 'info', '-s', 'localhost'], /omero user info: error: unrecognized arguments: -s/);
    await refused(['user', 'listgroups', '-u', 'root'], /omero user listgroups: error: unrecognized arguments: -u/);
    await refused(['group', 'info', '-k', 'abc'], /omero group info: error: unrecognized arguments: -k/);
    await refused(['group', 'listusers', '--as-owner'], /omero group listusers: error: unrecognized arguments: --as-owner/);
    await refused(['user', 'email', '--names', '--frob'], /omero user email: error: unrecognized arguments: --frob/);
  });

  it('help on every level exits 0 on stdout', async () => {
    for (const argv of [['user', '-h'], ['group', '--help'], ...['add', 'list', 'info', 'listgroups', 'password', 'email', 'joingroup', 'leavegroup'].map((s) => ['user', s, '-h']),
      ...['add', 'perms', 'list', 'info', 'listusers', 'copyusers', 'adduser', 'removeuser'].map((s) => ['group', s, '-h'])]) {
      const r = await run(argv);
      assert.equal(r.status, 0, JSON.stringify(r));
      assert.equal(r.stderr, '');
      assert.match(r.stdout, /^usage: omero (user|group)/);
    }
  });
});

/** A user with memberships `[groupId, owner]` in order (index 0 = default group). */
function user(id: number, login: string, first: string, last: string, email: string | null, groups: [number, boolean][]): ExperimenterI {
  const u = new ExperimenterI(id, true);
  u.omeName = rstring(login);
  u.firstName = rstring(first);
  u.lastName = rstring(last);
  u.email = email === null ? null : rstring(email);
  u.ldap = rbool(login === 'ldapuser');
  for (const [gid, owner] of groups) {
    const map = new GroupExperimenterMapI();
    map.parent = new ExperimenterGroupI(gid, false);
    map.child = u;
    map.owner = rbool(owner);
    u.addGroupExperimenterMap(map);
  }
  return u;
}

describe('users table (reference cli §1.3)', () => {
  const roles = new Roles();
  const users = () => [
    user(7, 'zoe', 'Zoë', 'Ánde', 'z@x.org', [[9, false], [1, true], [4, true], [0, false]]),
    user(3, 'ldapuser', 'Al', 'Bee', null, [[5, false], [1, false]]),
    user(5, 'emoji', '\u{1F600}', 'Cee', '', [[2, false]]),
    user(4, 'bmp', '\uFFFD', 'Dee', 'a@x.org', [[1, false]]),
  ];

  it('rows: active/admin from the user and system groups, member and owner lists in link order', () => {
    const t = collectUsersTable(users(), roles, {});
    assert.deepEqual(t.headers, ['id', 'login', 'first name', 'last name', 'email', 'active', 'ldap', 'admin', 'member of', 'owner of']);
    assert.deepEqual(t.rows, [
      [3, 'ldapuser', 'Al', 'Bee', '', 'Yes', true, '', '5', ''],
      [4, 'bmp', '\uFFFD', 'Dee', 'a@x.org', 'Yes', false, '', '', ''],
      [5, 'emoji', '\u{1F600}', 'Cee', '', '', false, '', '2', ''],
      // The user group counts as active even when the link is an ownership.
      [7, 'zoe', 'Zoë', 'Ánde', 'z@x.org', 'Yes', false, 'Yes', '9', '4'],
    ]);
  });

  it('--count gives numbers, and "" rather than 0', () => {
    const t = collectUsersTable(users(), roles, { count: true });
    assert.deepEqual(t.headers.slice(-2), ['# group memberships', '# group ownerships']);
    assert.deepEqual(t.rows.map((r) => r.slice(-2)), [[1, ''], ['', ''], [1, ''], [1, 1]]);
  });

  it('sorts by code point (U+1F600 after U+FFFD, unlike UTF-16 order); emails "" first', () => {
    const ids = (t: { rows: readonly (readonly unknown[])[] }) => t.rows.map((r) => r[0]);
    assert.deepEqual(ids(collectUsersTable(users(), roles, { sortByFirstName: true })), [3, 7, 4, 5]);
    assert.deepEqual(ids(collectUsersTable(users(), roles, { sortByEmail: true })), [3, 5, 4, 7]);
    assert.deepEqual(ids(collectUsersTable(users(), roles, { sortByLogin: true })), [4, 5, 3, 7]);
    assert.deepEqual(ids(collectUsersTable(users(), roles, { sortByLastName: true })), [3, 5, 4, 7]);
    // Several flags: the first of login, first name, last name, email wins, as in omero-py.
    assert.deepEqual(ids(collectUsersTable(users(), roles, { sortByEmail: true, sortByLogin: true })), [4, 5, 3, 7]);
    assert.deepEqual(pySortBy(['b', 'a', 'B'], (s) => s), ['B', 'a', 'b']);
  });
});

describe('groups table (reference cli §1.4)', () => {
  const group = (id: number, name: string, perms: string, members: [number, boolean][]) => {
    const g = new ExperimenterGroupI(id, true);
    g.name = rstring(name);
    g.ldap = rbool(false);
    g.details.permissions = new PermissionsI(perms);
    for (const [uid, owner] of members) {
      const map = new GroupExperimenterMapI();
      map.parent = g;
      map.child = new ExperimenterI(uid, false);
      map.owner = rbool(owner);
      g.addGroupExperimenterMap(map);
    }
    return g;
  };
  const groups = () => [group(12, 'beta', 'rwr---', [[10, false], [2, true], [9, false]]), group(3, 'alpha', 'rwra--', [])];

  it('counts by default; ids sorted as strings with --long; owners are not members', () => {
    assert.deepEqual(collectGroupsTable(groups(), {}), {
      headers: ['id', 'name', 'perms', 'ldap', '# of owners', '# of members'],
      rows: [[3, 'alpha', 'rwra--', false, 0, 0], [12, 'beta', 'rwr---', false, 1, 2]],
    });
    assert.deepEqual(collectGroupsTable(groups(), { long: true, sortByName: true }).rows, [
      [3, 'alpha', 'rwra--', false, '', ''],
      [12, 'beta', 'rwr---', false, '2', '10,9'],
    ]);
  });
});
