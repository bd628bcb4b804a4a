/**
 * OMERO-style help (reference cli §0.1): argparse's layout as omero-py's HelpFormatter prints it,
 * checked byte for byte against seed 000 (`omero ldap setdn -h`, on the real command), and the help of real commands
 * run in-process through `main`.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Command, Option } from 'commander';
import type { CliIO } from '../../src/cli/cli-io.js';
import { applyConventions } from '../../src/cli/conventions.js';
import { formatHelp, formatUsage } from '../../src/cli/help/argparse-format.js';
import type { ArgAction } from '../../src/cli/help/argparse-model.js';
import { parserHelpOf } from '../../src/cli/help/parser-help.js';
import { ldapCommand } from '../../src/cli/commands/ldap.js';
import { main } from '../../src/cli/main.js';
import { fakeIO } from '../helpers/fake-io.js';

/** Seed 000 (omero-documentation `omero/downloads/ldap/setdn.out`): `omero ldap setdn -h`, verbatim. */
const SETDN_HELP = [
  'usage: omero ldap setdn [-h] [--user-id USER_ID]\n',
  '                                              [--user-name USER_NAME]\n',
  '                                              [--group-id GROUP_ID]\n',
  '                                              [--group-name GROUP_NAME] [-C]\n',
  '                                              [-s SERVER] [-p PORT] [-g GROUP]\n',
  '                                              [-u USER] [-w PASSWORD] [-k KEY]\n',
  '                                              [--sudo ADMINUSER] [-q]\n',
  '                                              choice\n',
  '\n',
  'Enable or disable LDAP login for user (admins only)\n',
  '\n',
  'Once LDAP login is enabled for a user, the password set via OMERO is\n',
  'ignored, and any attempt to change it will result in an error. When\n',
  'you disable LDAP login, the previous password will be in effect, but if the\n',
  'user never had a password, one will need to be set!\n',
  '\n',
  'Positional Arguments:\n',
  '  choice                            Enable/disable LDAP login (true/false)\n',
  '\n',
  'Optional Arguments:\n',
  '  In addition to any higher level options\n',
  '\n',
  '  -h, --help                        show this help message and exit\n',
  '  --user-id USER_ID                 ID of the user.\n',
  '  --user-name USER_NAME             Name of the user.\n',
  '  --group-id GROUP_ID               ID of the group.\n',
  '  --group-name GROUP_NAME           Name of the group.\n',
  '\n',
  'Login arguments:\n',
  '  Environment variables:\n',
  '  \n',
  '    OMERO_USERDIR     Set the base directory containing the user\'s files.\n',
  '                      Default: $HOME/omero\n',
  '    OMERO_SESSIONDIR  Set the base directory containing local sessions.\n',
  '                      Default: $OMERO_USERDIR/sessions\n',
  '    OMERO_TMPDIR      Set the base directory containing temporary files.\n',
  '                      Default: $OMERO_USERDIR/tmp\n',
  '    OMERO_PASSWORD    Set the user\'s password for creating new sessions.\n',
  '                      Ignored if -w or --password is used.\n',
  '  \n',
  '  \n',
  '  Optional session arguments:\n',
  '\n',
  '  -C, --create                      Create a new session regardless of existing ones\n',
  '  -s SERVER, --server SERVER        OMERO server hostname\n',
  '  -p PORT, --port PORT              OMERO server port\n',
  '  -g GROUP, --group GROUP           OMERO server default group\n',
  '  -u USER, --user USER              OMERO username\n',
  '  -w PASSWORD, --password PASSWORD  OMERO password\n',
  '  -k KEY, --key KEY                 OMERO session key (UUID of an active session)\n',
  '  --sudo ADMINUSER                  Create session as this admin. Changes meaning of password!\n',
  '  -q, --quiet                       Quiet mode. Causes most warning and diagnostic messages to be suppressed.\n',
].join('');

async function run(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ status: number; stdout: string; stderr: string }> {
  const f = fakeIO(env);
  const status = await main(args, f.io);
  return { status, stdout: f.stdout(), stderr: f.stderr() };
}

/** The real `omero ldap setdn`, under the program path the documentation was made with. */
function setdnCommand(io: CliIO): Command {
  const root = new Command('/opt/omero/server/bin/omero');
  const ldap = ldapCommand(io);
  const setdn = ldap.commands.find((c) => c.name() === 'setdn')!;
  // Our extra login option is not in omero-py's list.
  const options = setdn.options as Option[];
  options.splice(options.findIndex((o) => o.long === '--password-stdin'), 1);
  root.addCommand(ldap);
  applyConventions(root, io);
  return setdn;
}

describe('argparse help layout', () => {
  it("reproduces seed 000's `omero ldap setdn -h` byte for byte", () => {
    const { io } = fakeIO();
    const help = setdnCommand(io).helpInformation().replace('/opt/omero/server/bin/omero ldap setdn', 'omero ldap setdn');
    assert.equal(help, SETDN_HELP);
  });

  it('prints the usage alone before a usage error, wrapped the same way', () => {
    const { io } = fakeIO();
    const usage = formatUsage(parserHelpOf(setdnCommand(io)), 78);
    assert.ok(usage.startsWith('usage: /opt/omero/server/bin/omero ldap setdn [-h] [--user-id USER_ID]\n'), usage);
    assert.ok(usage.endsWith('[--sudo ADMINUSER] [-q]\n                                              choice\n'), usage);
  });

  it('follows COLUMNS like argparse 1.1 (width = COLUMNS - 2, 78 by default)', async () => {
    const wide = await run(['sessions', 'timeout', '-h'], { COLUMNS: '200' });
    const narrow = await run(['sessions', 'timeout', '-h'], { COLUMNS: '40' });
    assert.equal(wide.stdout.split('\n')[0], 'usage: omero sessions timeout [-h] [--session SESSION] [seconds]');
    // A long prog (more than 3/4 of the width) goes on its own line.
    assert.deepEqual(narrow.stdout.split('\n').slice(0, 3), ['usage: omero sessions timeout', '       [-h] [--session SESSION]', '       [seconds]']);
    const medium = await run(['sessions', 'timeout', '-h'], { COLUMNS: '60' });
    assert.deepEqual(medium.stdout.split('\n').slice(0, 2), ['usage: omero sessions timeout [-h] [--session SESSION]', '                              [seconds]']);
  });

  it('writes nargs, choices, required and exclusive options as argparse does', () => {
    const flag = (s: string, help: string | null = null): ArgAction => ({ optionStrings: [s], metavar: '', nargs: 0, required: false, help });
    const id: ArgAction = { optionStrings: ['--id'], metavar: 'ID', nargs: null, required: false, help: 'by id' };
    const name: ArgAction = { optionStrings: ['--name'], metavar: 'NAME', nargs: null, required: false, help: 'by name' };
    const style: ArgAction = { optionStrings: ['--style'], metavar: '{csv,json,plain,sql,xml,yaml,toml}', nargs: null, required: false, help: 'use alternative output style (default=sql)' };
    const users: ArgAction = { optionStrings: ['--user-id'], metavar: 'USER', nargs: '+', required: true, help: 'users\nsecond line hidden' };
    const group: ArgAction = { optionStrings: [], metavar: 'group', nargs: '*', required: false, help: null };
    const help = formatHelp(
      {
        prog: 'omero x',
        description: 'Does x\n\n  indented %(prog)s text',
        actions: [flag('-h', 'show this help message and exit'), id, name, style, users, group],
        groups: [
          { title: 'Positional Arguments', description: null, actions: [group] },
          { title: 'Optional Arguments', description: 'In addition to any higher level options', actions: [flag('-h', 'show this help message and exit'), id, name, style, users] },
          { title: 'Empty', description: null, actions: [] },
        ],
        mutexGroups: [{ actions: [id, name], required: false }],
      },
      78,
    );
    assert.equal(
      help,
      'usage: omero x [-h] [--id ID | --name NAME]\n' +
        // A required option's words are separate parts for argparse's wrapping.
        '               [--style {csv,json,plain,sql,xml,yaml,toml}] --user-id USER\n' +
        '               [USER ...]\n' +
        '               [group [group ...]]\n\n' +
        'Does x\n\n  indented omero x text\n\n' +
        'Positional Arguments:\n  group\n\n' +
        'Optional Arguments:\n  In addition to any higher level options\n\n' +
        '  -h                                    show this help message and exit\n' +
        '  --id ID                               by id\n' +
        '  --name NAME                           by name\n' +
        '  --style {csv,json,plain,sql,xml,yaml,toml}\n' +
        '                                        use alternative output style (default=sql)\n' +
        '  --user-id USER [USER ...]             users\n',
    );
  });
});

describe('help of the real commands', () => {
  it('`sessions -h`: login arguments, then the subcommands with their first help line; status 0', async () => {
    const r = await run(['sessions', '-h']);
    assert.equal(r.status, 0);
    assert.equal(r.stderr, '');
    assert.ok(r.stdout.startsWith('usage: omero sessions [-h] [-C] [-s SERVER] [-p PORT] [-g GROUP] [-u USER]\n'), r.stdout);
    assert.match(r.stdout, /\n {22}<subcommand> \.\.\.\n\nControl and create user sessions\n/);
    assert.match(r.stdout, /\nLogin arguments:\n {2}Environment variables:\n/);
    assert.match(r.stdout, /\n {2}Optional session arguments:\n\n {2}-C, --create {22}Create a new session regardless of existing ones\n/);
    assert.match(r.stdout, /\nSubcommands:\n {2}Use omero sessions <subcommand> -h for more information\.\n\n {2}<subcommand>\n {4}help {28}Extended help\n/);
    for (const sub of ['login', 'logout', 'group', 'timeout', 'list', 'who', 'keepalive', 'clear', 'file', 'key', 'open', 'close']) {
      assert.match(r.stdout, new RegExp(`\\n {4}${sub} +\\S`), sub);
    }
    assert.match(r.stdout, /\n {4}group {27}Set the group of the given session by id or name\n/);
  });

  it('`-h` and `--help` on every level, with OMERO texts', async () => {
    const timeout = await run(['sessions', 'timeout', '--help']);
    assert.equal(timeout.status, 0);
    assert.equal(
      timeout.stdout,
      'usage: omero sessions timeout [-h] [--session SESSION] [seconds]\n\n' +
        'Query or set the timeToIdle for the given session\n\n' +
        'Positional Arguments:\n' +
        // Help starts at column 22: OMERO's formatter counts every entry as at least 20 wide.
        `${'  seconds'.padEnd(22)}Number of seconds to set the timeToIdle value to\n\n` +
        'Optional Arguments:\n' +
        '  In addition to any higher level options\n\n' +
        `${'  -h, --help'.padEnd(22)}show this help message and exit\n` +
        `${'  --session SESSION'.padEnd(22)}Session other than the current to update\n`,
    );
    const login = await run(['login', '-h']);
    assert.equal(login.status, 0);
    assert.match(login.stdout, /^usage: omero login \[-h\] \[-C\] \[-s SERVER\] .*\n(?: {19}.*\n)*? {19}\[connection\]\n/);
    assert.match(login.stdout, /\n {2}-t TIMEOUT, --timeout TIMEOUT {5}Timeout for session\. After this many inactive seconds, the session will be closed\n/);
    assert.ok(!login.stdout.includes('--session-dir'), 'the deprecated --session-dir stays hidden');
    const who = await run(['sessions', 'who', '-h']);
    assert.match(who.stdout, /--show-uuid +Show the key of your own session \(others cannot be shown\)\n/);
    assert.match(who.stdout, /only the key of your own current session is\nshown/);
    const open = await run(['sessions', 'open', '-h']);
    assert.match(open.stdout, /^usage: omero sessions open \[-h\] \(--user-id USER_ID \| --user-name USER_NAME\)\n {27}\[--group-id GROUP_ID \| --group-name GROUP_NAME\]\n {27}\[--timeout \[TIMEOUT\]\]\n/);
    const root = await run(['-h']);
    assert.equal(root.status, 0);
    assert.match(root.stdout, /^usage: omero \[-h\] \[-v\] /);
    assert.match(root.stdout, /\n {4}sessions +Control and create user sessions\n/);
    assert.match(root.stdout, /\n {4}login +Shortcut for 'sessions login'\n/);
  });

  it('`omero help`: commands and topics; a command, a topic, --list; unknown topics on stderr', async () => {
    const r = await run(['help']);
    assert.equal(r.status, 0);
    assert.match(r.stdout, /^usage: omero <command> \[options\] args\nSee 'help <command>' or '<command> -h' for more information on syntax\n\nAvailable commands:\n\t/);
    assert.match(r.stdout, /\n\nOther help topics:\n\tdebug, env, sudo\n\n/);
    const commands = r.stdout.slice(r.stdout.indexOf('Available commands:'), r.stdout.indexOf('Other help topics:'));
    for (const name of ['db', 'help', 'login', 'logout', 'sessions']) assert.match(commands, new RegExp(`[\t ]${name}(,|\n)`), name);
    const sessions = await run(['help', 'sessions']);
    assert.equal(sessions.stdout, (await run(['sessions', '-h'])).stdout);
    const env = await run(['help', 'env']);
    assert.ok(env.stdout.startsWith('Environment variables:\n\n  OMERO_USERDIR     Set the base directory'), env.stdout);
    const list = await run(['help', '--list']);
    assert.match(list.stdout, /\nsessions \(13\)\n\thelp\n\tlogin\n\tlogout\n\tgroup\n/);
    const recursive = await run(['help', 'sessions', '--recursive']);
    assert.match(recursive.stdout, /\nsessions key\n\^{12}\n\nusage: omero sessions key \[-h\]\n/);
    const unknown = await run(['help', 'frobnicate']);
    assert.equal(unknown.status, 0);
    assert.equal(unknown.stderr, 'Unknown help topic or command: frobnicate\n');
    const both = await run(['help', '--all', '--list']);
    assert.equal(both.status, 2);
    assert.match(both.stderr, /omero help: error: argument --list: not allowed with argument --all\n$/);
  });

  it('`sessions help`: the extended help, with the program name', async () => {
    const r = await run(['sessions', 'help']);
    assert.equal(r.status, 0);
    assert.ok(r.stdout.startsWith('\nUses the login parameters from omero to login.\n\nTo list these options, use "omero -h"\n'), r.stdout);
    assert.match(r.stdout, /\$ omero sessions list --no-purge\n/);
  });
});
