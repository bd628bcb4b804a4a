import { Command, Help } from 'commander';
import { out, type CliIO } from '../cli-io.js';
import { formatList } from './format-list.js';
import { HELP_TOPICS } from './help-topics.js';

/** omero-py's `HELP_USAGE` (plugins/basics.py), without the interactive-mode line. */
function usageText(program: string, commands: string, topics: string): string {
  return `usage: ${program} <command> [options] args
See 'help <command>' or '<command> -h' for more information on syntax

Available commands:
${commands}

Other help topics:
${topics}

For additional information, see:
https://docs.openmicroscopy.org/latest/omero/users/cli/index.html
`;
}

/**
 * `omero help [--recursive] [--all | --list] [topic]` (omero-py `HelpControl`): with no argument
 * the list of commands and topics; with a command its `-h`; with a topic its text; `--list`
 * every command with its subcommands; `--all` every command's help and every topic. An unknown
 * topic prints `Unknown help topic or command: <x>` on stderr and still succeeds, as OMERO.
 */
export function helpCommand(io: CliIO): Command {
  const cmd = new Command('help')
    .description('Syntax help for all commands')
    .option('--recursive', 'Also print help for all subcommands')
    .option('--all', 'Print help for all commands and topics')
    .option('--list', 'Print list of all commands and subcommands')
    .argument('[topic]', 'Command or topic for more information');
  cmd.action((topic: string | undefined, opts: { recursive?: boolean; all?: boolean; list?: boolean }) => {
    if (opts.all && opts.list) {
      cmd.error('error: argument --list: not allowed with argument --all', { exitCode: 2, code: 'omero.conflict' });
    }
    if ((opts.all || opts.list) && topic !== undefined) {
      cmd.error(`error: argument topic: not allowed with argument ${opts.all ? '--all' : '--list'}`, { exitCode: 2, code: 'omero.conflict' });
    }
    const root = rootOf(cmd);
    const controls = visibleCommands(root).sort((a, b) => compare(a.name(), b.name()));
    const topics = Object.keys(HELP_TOPICS).sort(compare);
    if (!opts.all && !opts.list && topic === undefined) {
      // print() adds a newline after the text's own final one.
      out(io, usageText(io.argv0, formatList(controls.map((c) => c.name())), formatList(topics)));
      return;
    }
    if (opts.all) {
      for (const control of controls) {
        title(io, control.name());
        printCommandHelp(io, control, Boolean(opts.recursive));
      }
      for (const t of topics) {
        title(io, t);
        out(io, HELP_TOPICS[t]);
      }
    } else if (opts.list) {
      for (const control of controls) {
        const subs = visibleCommands(control);
        if (subs.length === 0) {
          out(io, control.name());
          continue;
        }
        out(io, `${control.name()} (${subs.length})`);
        for (const sub of subs) out(io, `\t${sub.name()}`);
      }
    } else if (topic !== undefined) {
      const control = controls.find((c) => c.name() === topic);
      if (control) printCommandHelp(io, control, Boolean(opts.recursive));
      else if (Object.hasOwn(HELP_TOPICS, topic)) out(io, HELP_TOPICS[topic]);
      else io.stderr.write(`Unknown help topic or command: ${topic}\n`);
    }
  });
  return cmd;
}

function printCommandHelp(io: CliIO, control: Command, recursive: boolean): void {
  io.stdout.write(control.helpInformation());
  if (!recursive) return;
  for (const sub of visibleCommands(control)) {
    title(io, `${control.name()} ${sub.name()}`, '^');
    io.stdout.write(sub.helpInformation());
  }
}

/** omero-py `format_title`: a blank line, the title, and an underline of `sep`. */
function title(io: CliIO, text: string, sep = '-'): void {
  out(io, `\n${text}`);
  out(io, `${sep.repeat(text.length)}\n`);
}

function rootOf(cmd: Command): Command {
  let c = cmd;
  while (c.parent) c = c.parent;
  return c;
}

function visibleCommands(cmd: Command): Command[] {
  return new Help().visibleCommands(cmd).filter((c) => cmd.commands.includes(c));
}

/** Python's sort order for names (code points). */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
