import { Help, type Argument, type Command, type Option } from 'commander';
import { ENV_HELP, LOGIN_GROUP } from '../login-options.js';
import type { ArgAction, ArgGroup, MutexGroup, Nargs, ParserHelp } from './argparse-model.js';
import { commandPath } from './command-path.js';
import { exclusiveGroupsOf } from './option-groups.js';

/** The long flags `withLoginOptions` adds (OMERO's `add_login_arguments`, plus our `--password-stdin`). */
const LOGIN_FLAGS = new Set([
  '--create', '--server', '--port', '--group', '--user', '--password', '--key', '--sudo', '--quiet', '--password-stdin',
]);

/** OMERO's description of the login group: ENV_HELP, then the sub-heading (omero-py `add_login_arguments`). */
const LOGIN_DESCRIPTION = `${ENV_HELP}\n\n\nOptional session arguments:\n`;

/** OMERO's `Parser` titles (omero-py cli.py). */
const POSITIONAL_TITLE = 'Positional Arguments';
const OPTIONAL_TITLE = 'Optional Arguments';
const OPTIONAL_DESCRIPTION = 'In addition to any higher level options';
const SUBCOMMANDS_TITLE = 'Subcommands';
const SUBCOMMANDS_DESCRIPTION = 'Use %(prog)s <subcommand> -h for more information.';
const SUBCOMMAND_METAVAR = '<subcommand>';

/**
 * What argparse would know about `cmd` as an OMERO plugin parser: `-h` first, then the options
 * in declaration order (login options in their own "Login arguments" group), the positional
 * arguments, and the subcommands of a family under "Subcommands".
 */
export function parserHelpOf(cmd: Command): ParserHelp {
  const visible = new Help().visibleOptions(cmd);
  const helpOption = visible.find((o) => !cmd.options.includes(o));
  const options = [...(helpOption ? [helpOption] : []), ...visible.filter((o) => o !== helpOption)];
  const byOption = new Map<Option, ArgAction>(options.map((o) => [o, optionAction(o)]));
  const isLogin = (o: Option) =>
    o.helpGroupHeading === LOGIN_GROUP || (hasLoginOptions(cmd) && o.long !== undefined && LOGIN_FLAGS.has(o.long));

  const positionals = cmd.registeredArguments.map(argumentAction);
  // Commander's implicit `help` command is not one of `cmd.commands`: leave it out.
  const commands = new Help().visibleCommands(cmd).filter((c) => cmd.commands.includes(c));
  const subcommands: ArgAction | null =
    commands.length > 0
      ? {
          optionStrings: [],
          metavar: SUBCOMMAND_METAVAR,
          nargs: 'A...',
          required: true,
          help: null,
          subactions: commands.map((c) => ({ name: c.name(), help: c.summary() || c.description() || null })),
        }
      : null;

  const groups: ArgGroup[] = [
    { title: POSITIONAL_TITLE, description: null, actions: positionals },
    { title: OPTIONAL_TITLE, description: OPTIONAL_DESCRIPTION, actions: options.filter((o) => !isLogin(o)).map((o) => byOption.get(o)!) },
  ];
  const login = options.filter(isLogin);
  if (login.length > 0) groups.push({ title: LOGIN_GROUP, description: LOGIN_DESCRIPTION, actions: login.map((o) => byOption.get(o)!) });
  if (subcommands) groups.push({ title: SUBCOMMANDS_TITLE, description: SUBCOMMANDS_DESCRIPTION, actions: [subcommands] });

  const mutexGroups: MutexGroup[] = exclusiveGroupsOf(cmd, options).map((g) => ({
    actions: g.options.map((o) => byOption.get(o)!),
    required: g.required,
  }));

  return {
    prog: commandPath(cmd),
    description: cmd.description() || null,
    actions: [...options.map((o) => byOption.get(o)!), ...positionals, ...(subcommands ? [subcommands] : [])],
    groups,
    mutexGroups,
  };
}

/** Whether `withLoginOptions` was applied to `cmd`. */
function hasLoginOptions(cmd: Command): boolean {
  return Boolean((cmd as unknown as { _omeroLogin?: boolean })._omeroLogin);
}

function optionAction(o: Option): ArgAction {
  const takesValue = o.required || o.optional;
  let nargs: Nargs = 0;
  if (o.required) nargs = o.variadic ? '+' : null;
  else if (o.optional) nargs = o.variadic ? '*' : '?';
  return {
    optionStrings: [o.short, o.long].filter((s): s is string => Boolean(s)),
    metavar: takesValue ? (o.argChoices ? `{${o.argChoices.join(',')}}` : optionMetavar(o)) : '',
    nargs,
    required: o.mandatory,
    help: o.description || null,
  };
}

/** `SERVER` from `-s, --server <SERVER>`; argparse's `dest.upper()` when the flags name none. */
function optionMetavar(o: Option): string {
  const m = /[<[]([^>\]]+?)(?:\.\.\.)?[>\]]/.exec(o.flags);
  if (m) return m[1]!;
  return o.attributeName().replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase();
}

function argumentAction(a: Argument): ArgAction {
  let nargs: Nargs;
  if (a.required) nargs = a.variadic ? '+' : null;
  else nargs = a.variadic ? '*' : '?';
  return {
    optionStrings: [],
    metavar: a.argChoices ? `{${a.argChoices.join(',')}}` : a.name(),
    nargs,
    required: a.required,
    help: a.description || null,
  };
}
