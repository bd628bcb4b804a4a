/**
 * Only the requested plugin's command tree is built (issue 10: start-up), yet nothing a user sees
 * changes: `omero -h` still lists every command, and each plugin's help and usage errors are the
 * same as with the whole tree.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CommanderError } from 'commander';
import { main } from '../../src/cli/main.js';
import { pluginToBuild, subcommandToBuild } from '../../src/cli/plugin-to-build.js';
import { groupSubcommands } from '../../src/cli/commands/group.js';
import { userSubcommands } from '../../src/cli/commands/user.js';
import { PLUGIN_NAMES } from '../../src/cli/requested-command.js';
import { buildProgram, PLUGINS } from '../../src/cli/program.js';
import { fakeIO as fakeStreams } from '../helpers/fake-io.js';

const fakeIO = () => fakeStreams({ COLUMNS: '100' });

/** What `args` prints when parsed by the whole tree (every plugin built), as `main` would print it. */
async function withWholeTree(args: string[]): Promise<{ stdout: string; stderr: string }> {
  const f = fakeIO();
  try {
    await (await buildProgram(f.io)).parseAsync(args, { from: 'user' });
  } catch (e) {
    if (!(e instanceof CommanderError)) throw e;
  }
  return { stdout: f.stdout(), stderr: f.stderr() };
}

async function viaMain(args: string[]): Promise<{ stdout: string; stderr: string }> {
  const f = fakeIO();
  await main(args, f.io);
  return { stdout: f.stdout(), stderr: f.stderr() };
}

const names = async (argv?: string[]): Promise<string[]> =>
  (await buildProgram(fakeIO().io, argv)).commands.map((c) => c.name()).filter((n) => n !== 'help');

describe('building only the requested plugin', () => {
  it('knows the plugin a command line runs, and is unsure otherwise', () => {
    assert.equal(pluginToBuild(['user', 'list'], PLUGINS), 'user');
    assert.equal(pluginToBuild(['-s', 'host', '-u', 'root', 'group', 'list'], PLUGINS), 'group');
    assert.equal(pluginToBuild(['user', '-h'], PLUGINS), 'user');
    assert.equal(pluginToBuild(['shell', '--login'], PLUGINS), 'shell');
    for (const argv of [[], ['-h'], ['--help', 'user'], ['-h', 'user', 'list'], ['--version'], ['-v', 'user'], ['help', 'user'], ['bogus'], ['--', 'user']]) {
      assert.equal(pluginToBuild(argv, PLUGINS), null, argv.join(' '));
    }
  });

  it('builds one plugin for a plugin\'s command line, every plugin otherwise', async () => {
    assert.deepEqual(await names(['user', 'list']), ['user']);
    assert.deepEqual(await names(['-q', 'hql', 'select 1']), ['hql']);
    assert.deepEqual(await names(['-h']), [...PLUGINS.keys()]);
    assert.deepEqual(await names(['bogus']), [...PLUGINS.keys()]);
    assert.deepEqual(await names(), [...PLUGINS.keys()]);
  });

  it('knows the subcommand a command line runs, unless something in it asks for help', () => {
    assert.equal(subcommandToBuild(['user', 'list']), 'list');
    assert.equal(subcommandToBuild(['-s', 'host', 'group', 'listusers', '--long']), 'listusers');
    for (const argv of [['user'], ['user', '-s', 'host', 'list'], ['user', 'list', '-h'], ['user', 'list', '--help'], ['user', 'list', '-qh'], ['user', 'help', 'list'], ['user', 'add', 'help', 'A', 'B'], ['user', 'List']]) {
      assert.equal(subcommandToBuild(argv), undefined, argv.join(' '));
    }
  });

  it("builds only the requested subcommand of user and group, every one otherwise", async () => {
    const subs = async (argv: string[]) => (await buildProgram(fakeIO().io, argv)).commands[0]!.commands.map((c) => c.name());
    assert.deepEqual(await subs(['user', 'list']), ['list']);
    assert.deepEqual(await subs(['group', 'adduser', 'x']), ['adduser']);
    const allUser = Object.keys(userSubcommands(fakeIO().io));
    for (const argv of [['user', 'list', '-h'], ['user', 'bogus'], ['user', '-u', 'root', 'list']]) {
      assert.deepEqual((await subs(argv)).filter((n) => n !== 'help'), allUser, argv.join(' '));
    }
  });

  it('each lazily built subcommand is filed under the name it is called by', () => {
    for (const builders of [userSubcommands(fakeIO().io), groupSubcommands(fakeIO().io)]) {
      for (const [name, build] of Object.entries(builders)) assert.equal(build().name(), name);
    }
  });

  it("the launcher's list of plugin names (code caches per plugin) is the program's", () => {
    assert.deepEqual([...PLUGIN_NAMES].sort(), [...PLUGINS.keys()].sort());
  });

  it("loads only the requested plugin's module", async () => {
    const loaded: string[] = [];
    const spies = new Map([...PLUGINS].map(([name, load]) => [name, () => (loaded.push(name), load())]));
    await buildProgram(fakeIO().io, ['user', 'list'], spies);
    assert.deepEqual(loaded, ['user']);
    loaded.length = 0;
    await buildProgram(fakeIO().io, ['-h'], spies);
    assert.deepEqual(loaded, [...PLUGINS.keys()]);
  });

  it('omero -h still lists every command', async () => {
    const r = await viaMain(['-h']);
    for (const name of PLUGINS.keys()) assert.match(r.stdout, new RegExp(`^    ${name} `, 'm'), name);
  });

  it('each plugin\'s help, and each of its subcommands\', is the same as with the whole tree', async () => {
    const f = fakeIO();
    for (const plugin of (await buildProgram(f.io)).commands.filter((c) => PLUGINS.has(c.name()))) {
      for (const args of [[plugin.name(), '-h'], ...plugin.commands.map((s) => [plugin.name(), s.name(), '-h'])]) {
        const r = await viaMain(args);
        assert.ok(r.stdout.includes(`omero ${plugin.name()}`), args.join(' '));
        assert.deepEqual(r, await withWholeTree(args), args.join(' '));
      }
    }
  });

  it('usage errors read the same as with the whole tree', async () => {
    for (const args of [
      ['user'], ['user', 'bogus'], ['user', 'list', '--bogus'], ['user', 'list', 'extra'], ['user', 'info', '--bogus'], ['user', 'add', 'only-a-name'],
      ['group', 'add'], ['group', 'list', '--bogus'], ['group', 'perms', '--bogus'], ['sessions', 'list', 'x', 'y'],
    ]) {
      const r = await viaMain(args);
      assert.match(r.stderr, /error: /, args.join(' '));
      assert.deepEqual(r, await withWholeTree(args), args.join(' '));
    }
  });
});
