import { InvalidArgumentError, type Command, type Option } from 'commander';
import type { CliIO } from './cli-io.js';
import { argparseWidth, formatHelp, formatUsage } from './help/argparse-format.js';
import { commandPath } from './help/command-path.js';
import { formatList } from './help/format-list.js';
import { helpCommand } from './help/help-command.js';
import { registerRequiredGroup } from './help/option-groups.js';
import { parserHelpOf } from './help/parser-help.js';

export { commandPath };

/** argparse's exit status for usage errors. */
const USAGE_RC = 2;

/**
 * Applies the conventions every command shares, recursively (reference cli §0.1):
 * - help in argparse's layout (`usage:` wrapped as argparse wraps it, "Positional Arguments:",
 *   "Optional Arguments:", "Login arguments:" with OMERO's environment help, "Subcommands:"),
 *   `-h, --help  show this help message and exit` on every level, status 0;
 * - usage errors in argparse's words after the usage (`omero user add: error: too few arguments`),
 *   status 2; a conflict names the option given second, as argparse does;
 * - a command family without a subcommand is `too few arguments`, not a help page;
 * - no `process.exit` (main decides the status); output on the injected streams;
 * - the root gets OMERO's `help` command in place of commander's implicit one.
 * Call it once, after every command is registered.
 */
export function applyConventions(cmd: Command, io: CliIO): void {
  const width = argparseWidth(io.env);
  if (!cmd.parent && !cmd.commands.some((c) => c.name() === 'help')) cmd.addCommand(helpCommand(io));
  cmd.exitOverride();
  cmd.helpOption('-h, --help', 'show this help message and exit');
  cmd.helpCommand(false);
  cmd.configureHelp({ formatHelp: (c: Command) => formatHelp(parserHelpOf(c), width) });
  cmd.configureOutput({
    writeOut: (s) => io.stdout.write(s),
    writeErr: (s) => io.stderr.write(s),
    outputError: (s, write) => write(`${formatUsage(parserHelpOf(cmd), width)}${commandPath(cmd)}: error: ${argparseMessage(s.trim(), cmd)}\n`),
  });
  reportConflictsInArgvOrder(cmd);
  if (cmd.parent && cmd.commands.length > 0 && !hasAction(cmd)) requireSubcommand(cmd);
  for (const sub of cmd.commands) applyConventions(sub, io);
}

/**
 * Python's `int()` as argparse's `type=int`: an optional sign, digits (underscores between them
 * allowed), surrounding blanks. Use as a commander `argParser`; a bad value is reported as
 * `argument seconds: invalid int value: 'abc'`.
 */
export function parseIntArgument(value: string): number {
  if (!/^\s*[+-]?\d+(?:_\d+)*\s*$/.test(value)) throw new InvalidArgumentError(`invalid int value: ${pyRepr(value)}`);
  return Number.parseInt(value.replaceAll('_', '').trim(), 10);
}

/**
 * Makes `options` a required mutually exclusive group (argparse
 * `add_mutually_exclusive_group(required=True)`): shown as `(--user-id USER_ID | --user-name
 * USER_NAME)`, at most one allowed, and none is `one of the arguments --user-id --user-name is
 * required` (status 2).
 */
export function requireOneOf(cmd: Command, ...options: Option[]): void {
  for (const o of options) o.conflicts(options.filter((x) => x !== o).map((x) => x.attributeName()));
  registerRequiredGroup(cmd, options);
  cmd.hook('preAction', (_self, actionCommand) => {
    if (actionCommand !== cmd) return;
    const given = options.some((o) => cmd.getOptionValueSource(o.attributeName()) === 'cli');
    if (!given) {
      cmd.error(`error: one of the arguments ${options.map(argumentName).join(' ')} is required`, {
        exitCode: USAGE_RC,
        code: 'omero.requiredGroup',
      });
    }
  });
}

/** argparse's name of an argument in messages: the option strings joined by `/` (`-s/--server`). */
function argumentName(o: Option): string {
  return [o.short, o.long].filter(Boolean).join('/');
}

/** `-s/--server` from commander's `-s, --server <SERVER>` (as messages quote the flags). */
function flagsName(flags: string): string {
  return flags
    .replace(/\s*[<[].*$/, '')
    .split(/[ ,|]+/)
    .filter(Boolean)
    .join('/');
}

/** Commander's messages in argparse's words (reference cli §0.1). */
export function argparseMessage(message: string, cmd: Command): string {
  const m = message.replace(/^error: /, '');
  let x: RegExpExecArray | null;
  if (/^missing required argument/.test(m)) return 'too few arguments';
  if ((x = /^unknown option '([^']+)'/.exec(m))) return `unrecognized arguments: ${unrecognized(cmd, x[1]!).join(' ')}`;
  if (/^too many arguments/.test(m)) {
    const expected = cmd.registeredArguments.length;
    return `unrecognized arguments: ${cmd.args.slice(expected).join(' ')}`.trimEnd();
  }
  if ((x = /^unknown command '([^']+)'/.exec(m))) {
    const choices = cmd.commands.map((c) => c.name()).sort(compare);
    return `argument <subcommand>: invalid choice: ${pyRepr(x[1]!)}\n\nchoose from:\n${formatList(choices)}`;
  }
  if ((x = /^option '([^']+)' argument '([^']*)' is invalid\. Allowed choices are (.*)\.$/s.exec(m))) {
    const choices = x[3]!.split(/,\s*/).sort(compare);
    return `argument ${flagsName(x[1]!)}: invalid choice: ${pyRepr(x[2]!)}\n\nchoose from:\n${formatList(choices)}`;
  }
  if ((x = /^command-argument value '([^']*)' is invalid for argument '([^']+)'\. Allowed choices are (.*)\.$/s.exec(m))) {
    const choices = x[3]!.split(/,\s*/).sort(compare);
    return `argument ${x[2]}: invalid choice: ${pyRepr(x[1]!)}\n\nchoose from:\n${formatList(choices)}`;
  }
  if ((x = /^option '([^']+)' argument '[^']*' is invalid\. (.*)$/s.exec(m))) return `argument ${flagsName(x[1]!)}: ${x[2]}`;
  if ((x = /^command-argument value '[^']*' is invalid for argument '([^']+)'\. (.*)$/s.exec(m))) return `argument ${x[1]}: ${x[2]}`;
  if ((x = /^option '([^']+)' argument missing/.exec(m))) return `argument ${flagsName(x[1]!)}: expected one argument`;
  if ((x = /^option '([^']+)' cannot be used with option '([^']+)'/.exec(m))) {
    return `argument ${flagsName(x[1]!)}: not allowed with argument ${flagsName(x[2]!)}`;
  }
  if ((x = /^required option '([^']+)' not specified/.exec(m))) return `argument ${flagsName(x[1]!)} is required`;
  return m;
}

/**
 * What argparse would list as unrecognized when commander stops at the unknown option `flag`:
 * every later token that looks like an option, and the others once the positional arguments
 * are full (commander classifies everything after an unknown option as unknown).
 */
function unrecognized(cmd: Command, flag: string): string[] {
  const at = cmd.args.indexOf(flag);
  if (at < 0 || cmd.commands.length > 0) return [flag];
  const args = cmd.registeredArguments;
  let room = args.some((a) => a.variadic) ? Infinity : args.length - at;
  const extras: string[] = [];
  for (const token of cmd.args.slice(at)) {
    if (token.startsWith('-') && token !== '-') extras.push(token);
    else if (room > 0) room--;
    else extras.push(token);
  }
  return extras;
}

/**
 * argparse reports a conflict against the option given first on the command line; commander
 * against the one declared first. Record the order options are parsed in and word the error
 * argparse's way.
 */
function reportConflictsInArgvOrder(cmd: Command): void {
  const order: Option[] = [];
  for (const o of cmd.options) cmd.on(`option:${o.name()}`, () => order.push(o));
  const target = cmd as unknown as { _conflictingOption(a: Option, b: Option): void };
  target._conflictingOption = (a: Option, b: Option) => {
    const [first, second] = order.indexOf(a) <= order.indexOf(b) ? [a, b] : [b, a];
    cmd.error(`error: argument ${argumentName(second)}: not allowed with argument ${argumentName(first)}`, {
      exitCode: USAGE_RC,
      code: 'commander.conflictingOption',
    });
  };
}

function hasAction(cmd: Command): boolean {
  return Boolean((cmd as unknown as { _actionHandler?: unknown })._actionHandler);
}

/**
 * A family run without a subcommand: argparse's `too few arguments` (status 2) instead of
 * commander's help page; an unknown one keeps commander's "unknown command" (worded by
 * {@link argparseMessage}).
 */
function requireSubcommand(cmd: Command): void {
  cmd.allowExcessArguments(true);
  cmd.action(() => {
    if (cmd.args.length === 0) cmd.error('error: too few arguments', { exitCode: USAGE_RC, code: 'omero.tooFewArguments' });
    cmd.error(`error: unknown command '${cmd.args[0]}'`, { exitCode: USAGE_RC, code: 'commander.unknownCommand' });
  });
}

/** Python's `repr()` of a string, as argparse quotes values (`'abc'`). */
export function pyRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  const body = s
    .replaceAll('\\', '\\\\')
    .replace(/[\n\r\t]/g, (c) => ({ '\n': '\\n', '\r': '\\r', '\t': '\\t' })[c]!)
    .replaceAll(quote, `\\${quote}`);
  return `${quote}${body}${quote}`;
}

/** Python's sort order for names (code points). */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
