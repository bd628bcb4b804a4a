/**
 * Usage errors in argparse's words (reference cli §0.1), through `main` in-process: the usage,
 * then `<prog>: error: <message>` on stderr, nothing on stdout, status 2.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Command, Option } from 'commander';
import { applyConventions, argparseMessage, parseIntArgument, pyRepr, requireOneOf } from '../../src/cli/conventions.js';
import { main } from '../../src/cli/main.js';
import { fakeIO } from '../helpers/fake-io.js';

interface Run {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

async function run(args: string[]): Promise<Run> {
  const f = fakeIO();
  const status = await main(args, f.io);
  return { status, stdout: f.stdout(), stderr: f.stderr() };
}

/** Runs a throwaway program through the conventions, as `main` does. */
async function runProgram(build: (root: Command) => void, args: string[]): Promise<Run> {
  const f = fakeIO();
  const root = new Command('omero');
  build(root);
  applyConventions(root, f.io);
  let status = 0;
  try {
    await root.parseAsync(args, { from: 'user' });
  } catch (e) {
    status = (e as { exitCode?: number }).exitCode === 0 ? 0 : 2;
  }
  return { status, stdout: f.stdout(), stderr: f.stderr() };
}

function expectUsageError(r: Run, usage: string, message: string): void {
  const shown = JSON.stringify(r);
  assert.equal(r.status, 2, shown);
  assert.equal(r.stdout, '', shown);
  assert.equal(r.stderr, `${usage}${message}\n`, shown);
}

describe('argparse-style usage errors', () => {
  it('too few arguments: a family without its subcommand', async () => {
    const r = await run(['sessions']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /^usage: omero sessions \[-h\] \[-C\] /);
    assert.ok(r.stderr.endsWith('                      <subcommand> ...\nomero sessions: error: too few arguments\n'), r.stderr);
  });

  it('too few arguments: a missing positional', async () => {
    const r = await runProgram((root) => root.addCommand(new Command('user').addCommand(new Command('add').argument('<username>').argument('<firstname>').action(() => {}))), ['user', 'add', 'jsmith']);
    expectUsageError(r, 'usage: omero user add [-h] username firstname\n', 'omero user add: error: too few arguments');
  });

  it('invalid int values, for a positional and for an option', async () => {
    expectUsageError(await run(['sessions', 'timeout', 'abc']), 'usage: omero sessions timeout [-h] [--session SESSION] [seconds]\n',
      "omero sessions timeout: error: argument seconds: invalid int value: 'abc'");
    expectUsageError(await run(['sessions', 'keepalive', '-f', '1.5']), 'usage: omero sessions keepalive [-h] [-f SECS]\n',
      "omero sessions keepalive: error: argument -f/--frequency: invalid int value: '1.5'");
    const login = await run(['login', '-t', 'soon']);
    assert.equal(login.status, 2);
    assert.ok(login.stderr.endsWith("omero login: error: argument -t/--timeout: invalid int value: 'soon'\n"), login.stderr);
  });

  it('an option without its argument', async () => {
    const r = await run(['login', '-s']);
    assert.equal(r.status, 2);
    assert.ok(r.stderr.endsWith('omero login: error: argument -s/--server: expected one argument\n'), r.stderr);
    expectUsageError(await run(['sessions', 'timeout', '--session']), 'usage: omero sessions timeout [-h] [--session SESSION] [seconds]\n',
      'omero sessions timeout: error: argument --session: expected one argument');
  });

  it('unrecognized arguments: unknown options, extra positionals, login options where OMERO has none', async () => {
    expectUsageError(await run(['sessions', 'list', '--frob', 'x']), 'usage: omero sessions list [-h] [--no-purge]\n',
      'omero sessions list: error: unrecognized arguments: --frob x');
    expectUsageError(await run(['sessions', 'group', '-s', 'localhost']), 'usage: omero sessions group [-h] [target]\n',
      'omero sessions group: error: unrecognized arguments: -s');
    expectUsageError(await run(['sessions', 'key', 'extra']), 'usage: omero sessions key [-h]\n', 'omero sessions key: error: unrecognized arguments: extra');
    expectUsageError(await run(['sessions', 'timeout', '--frob', '5']), 'usage: omero sessions timeout [-h] [--session SESSION] [seconds]\n',
      'omero sessions timeout: error: unrecognized arguments: --frob');
  });

  it('invalid choice of subcommand: the sorted choices, wrapped as OMERO wraps them', async () => {
    const r = await run(['sessions', 'frob']);
    assert.equal(r.status, 2);
    assert.ok(
      r.stderr.endsWith(
        "omero sessions: error: argument <subcommand>: invalid choice: 'frob'\n\nchoose from:\n" +
          '\tclear, close, file, group, help, keepalive, key, list, login, \n\tlogout, open, timeout, who\n',
      ),
      r.stderr,
    );
  });

  it('mutually exclusive options name the one given second, whatever the declaration order', async () => {
    const build = (root: Command) => {
      const id = new Option('--id <ID>').conflicts('name');
      const name = new Option('--name <NAME>').conflicts('id');
      root.addCommand(new Command('joingroup').addOption(id).addOption(name).action(() => {}));
    };
    const usage = 'usage: omero joingroup [-h] [--id ID | --name NAME]\n';
    expectUsageError(await runProgram(build, ['joingroup', '--id', '1', '--name', 'x']), usage, 'omero joingroup: error: argument --name: not allowed with argument --id');
    expectUsageError(await runProgram(build, ['joingroup', '--name', 'x', '--id', '1']), usage, 'omero joingroup: error: argument --id: not allowed with argument --name');
    const r = await run(['sessions', 'open', '--group-name', 'g', '--group-id', '2', '--user-id', '1']);
    assert.ok(r.stderr.endsWith('omero sessions open: error: argument --group-id: not allowed with argument --group-name\n'), r.stderr);
  });

  it('a required exclusive group: one of the arguments is required', async () => {
    const usage =
      'usage: omero sessions open [-h] (--user-id USER_ID | --user-name USER_NAME)\n' +
      '                           [--group-id GROUP_ID | --group-name GROUP_NAME]\n' +
      '                           [--timeout [TIMEOUT]]\n';
    expectUsageError(await run(['sessions', 'open']), usage, 'omero sessions open: error: one of the arguments --user-id --user-name is required');
    expectUsageError(await run(['sessions', 'open', '--user-name', 'a', '--user-id', '2']), usage,
      'omero sessions open: error: argument --user-id: not allowed with argument --user-name');
    const f = fakeIO();
    const root = new Command('omero');
    const u = new Option('-u, --user-id <ID>');
    const n = new Option('--user-name <NAME>');
    const cmd = new Command('x').addOption(u).addOption(n).action(() => {});
    requireOneOf(cmd, u, n);
    root.addCommand(cmd);
    applyConventions(root, f.io);
    await assert.rejects(root.parseAsync(['x'], { from: 'user' }));
    assert.ok(f.stderr().endsWith('omero x: error: one of the arguments -u/--user-id --user-name is required\n'), f.stderr());
  });

  it('invalid choices of an option or an argument', async () => {
    const build = (root: Command) =>
      root.addCommand(
        new Command('list')
          .addOption(new Option('--style <STYLE>').choices(['sql', 'csv', 'json', 'plain']))
          .addArgument(new Command().createArgument('[kind]').choices(['b', 'a']))
          .action(() => {}),
      );
    const usage = 'usage: omero list [-h] [--style {sql,csv,json,plain}] [{b,a}]\n';
    expectUsageError(await runProgram(build, ['list', '--style', 'foo']), usage,
      "omero list: error: argument --style: invalid choice: 'foo'\n\nchoose from:\n\tcsv, json, plain, sql");
    expectUsageError(await runProgram(build, ['list', 'c']), usage, "omero list: error: argument kind: invalid choice: 'c'\n\nchoose from:\n\ta, b");
  });

  it('help exits 0 and prints to stdout only', async () => {
    for (const args of [['-h'], ['sessions', '-h'], ['sessions', 'who', '--help'], ['login', '--help'], ['logout', '-h'], ['db', 'init', '-h']]) {
      const r = await run(args);
      assert.equal(r.status, 0, args.join(' '));
      assert.equal(r.stderr, '', args.join(' '));
      assert.match(r.stdout, /^usage: omero/, args.join(' '));
    }
  });
});

describe('conventions helpers', () => {
  it("parseIntArgument accepts what Python's int() accepts", () => {
    assert.equal(parseIntArgument('42'), 42);
    assert.equal(parseIntArgument(' +7 '), 7);
    assert.equal(parseIntArgument('-3'), -3);
    assert.equal(parseIntArgument('1_000'), 1000);
    for (const bad of ['', 'abc', '1.5', '1e3', '0x10', '_1']) assert.throws(() => parseIntArgument(bad), /invalid int value/, bad);
  });

  it('pyRepr quotes as Python does', () => {
    assert.equal(pyRepr('abc'), "'abc'");
    assert.equal(pyRepr("it's"), `"it's"`);
    assert.equal(pyRepr('a\nb'), "'a\\nb'");
  });

  it('argparseMessage leaves messages it does not know alone', () => {
    assert.equal(argparseMessage('error: something else', new Command('x')), 'something else');
  });
});
