import type { ArgAction, ArgGroup, MutexGroup, ParserHelp } from './argparse-model.js';

/** OMERO's `HelpFormatter(max_help_position=40)`: help text never starts right of column 40. */
const MAX_HELP_POSITION = 40;
/** OMERO's formatter starts `_action_max_length` at 20, so help starts at column 22 or later. */
const MIN_ACTION_LENGTH = 20;
/** argparse's `indent_increment`. */
const INDENT = 2;

/**
 * The text width argparse 1.1 formats for: `$COLUMNS - 2`, or 78 when COLUMNS is unset or not a
 * number (it does not ask the terminal).
 */
export function argparseWidth(env: NodeJS.ProcessEnv): number {
  const columns = Number.parseInt(env.COLUMNS ?? '', 10);
  return (Number.isFinite(columns) ? columns : 80) - 2;
}

/**
 * The usage message argparse prints before a usage error (`parser.format_usage()`):
 * `usage: omero sessions timeout [-h] [--session SESSION] [seconds]`, wrapped as argparse wraps
 * it, with a final newline.
 */
export function formatUsage(parser: ParserHelp, width: number): string {
  return finish(usageSection(parser, width));
}

/**
 * `parser.format_help()` with OMERO's formatter (a `RawTextHelpFormatter` that keeps only the
 * first line of each argument's help): usage, description, then each non-empty section with its
 * arguments in one column.
 */
export function formatHelp(parser: ParserHelp, width: number): string {
  const column = helpColumn(parser.groups);
  const parts = [usageSection(parser, width)];
  if (parser.description) parts.push(formatText(parser.description, parser.prog, 0));
  for (const group of parser.groups) parts.push(formatSection(group, parser.prog, column));
  if (parser.epilog) parts.push(formatText(parser.epilog, parser.prog, 0));
  return finish(parts.join(''));
}

/** argparse's final clean-up: runs of blank lines become one, no blank lines at either end. */
function finish(text: string): string {
  if (!text) return text;
  return `${text.replace(/\n\n\n+/g, '\n\n').replace(/^\n+|\n+$/g, '')}\n`;
}

/** Where help text starts: two columns right of the longest entry, at most column 40. */
function helpColumn(groups: readonly ArgGroup[]): number {
  let longest = MIN_ACTION_LENGTH;
  for (const group of groups) {
    for (const action of group.actions) {
      const names = [invocation(action), ...(action.subactions ?? []).map((s) => s.name)];
      longest = Math.max(longest, ...names.map((n) => n.length + INDENT));
    }
  }
  return Math.min(longest + 2, MAX_HELP_POSITION);
}

function formatSection(group: ArgGroup, prog: string, column: number): string {
  const items: string[] = [];
  if (group.description !== null) items.push(formatText(group.description, prog, INDENT));
  for (const action of group.actions) items.push(formatAction(action, prog, column, INDENT));
  const body = items.join('');
  if (!body) return '';
  return `\n${group.title}:\n${body}\n`;
}

/** Raw text: each line indented, `%(prog)s` replaced, followed by a blank line. */
function formatText(text: string, prog: string, indent: number): string {
  const expanded = text.replaceAll('%(prog)s', prog);
  const pad = ' '.repeat(indent);
  return `${splitLinesKeepEnds(expanded).map((line) => pad + line).join('')}\n\n`;
}

/** Python's `str.splitlines(True)` for the line ends that occur in help text. */
function splitLinesKeepEnds(text: string): string[] {
  return text.match(/[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$/g) ?? [];
}

function formatAction(action: ArgAction, prog: string, column: number, indent: number): string {
  const actionWidth = column - indent - 2;
  const pad = ' '.repeat(indent);
  const header = invocation(action);
  const parts: string[] = [];
  if (!action.help) {
    parts.push(`${pad}${header}\n`);
  } else if (header.length <= actionWidth) {
    parts.push(`${pad}${header.padEnd(actionWidth)}  ${firstLine(action.help, prog)}\n`);
  } else {
    parts.push(`${pad}${header}\n${' '.repeat(column)}${firstLine(action.help, prog)}\n`);
  }
  for (const sub of action.subactions ?? []) {
    const pseudo: ArgAction = { optionStrings: [], metavar: sub.name, nargs: null, required: true, help: sub.help };
    parts.push(formatAction(pseudo, prog, column, indent + INDENT));
  }
  return parts.join('');
}

/** OMERO's `_split_lines`: only the help's first line is shown. */
function firstLine(help: string, prog: string): string {
  return help.replaceAll('%(prog)s', prog).split(/\r\n|\r|\n/)[0]!;
}

/** How an argument is listed in the sections: `-s SERVER, --server SERVER`, `--create`, `choice`. */
export function invocation(action: ArgAction): string {
  if (action.optionStrings.length === 0) return action.metavar;
  if (action.nargs === 0) return action.optionStrings.join(', ');
  const args = formatArgs(action);
  return action.optionStrings.map((s) => `${s} ${args}`).join(', ');
}

/** argparse's `_format_args`: the value part for each `nargs`. */
function formatArgs(action: ArgAction): string {
  const m = action.metavar;
  switch (action.nargs) {
    case null:
      return m;
    case '?':
      return `[${m}]`;
    case '*':
      return `[${m} [${m} ...]]`;
    case '+':
      return `${m} [${m} ...]`;
    case 'A...':
      return `${m} ...`;
    case 0:
      return '';
  }
}

const PREFIX = 'usage: ';

/** argparse's `_format_usage`, followed by a blank line. */
function usageSection(parser: ParserHelp, width: number): string {
  const prog = parser.prog;
  const optionals = parser.actions.filter((a) => a.optionStrings.length > 0);
  const positionals = parser.actions.filter((a) => a.optionStrings.length === 0);
  const groups = parser.mutexGroups;
  const actionUsage = actionsUsage([...optionals, ...positionals], groups);
  let usage = [prog, actionUsage].filter((s) => s).join(' ');
  const textWidth = width;
  if (PREFIX.length + usage.length > textWidth) {
    const partPattern = /\(.*?\)+|\[.*?\]+|\S+/g;
    const optParts = actionsUsage(optionals, groups).match(partPattern) ?? [];
    const posParts = actionsUsage(positionals, groups).match(partPattern) ?? [];
    const getLines = (parts: readonly string[], indent: string, prefix?: string): string[] => {
      const lines: string[] = [];
      let line: string[] = [];
      let lineLength = prefix !== undefined ? prefix.length - 1 : indent.length - 1;
      for (const part of parts) {
        if (lineLength + 1 + part.length > textWidth) {
          lines.push(indent + line.join(' '));
          line = [];
          lineLength = indent.length - 1;
        }
        line.push(part);
        lineLength += part.length + 1;
      }
      if (line.length > 0) lines.push(indent + line.join(' '));
      if (prefix !== undefined) lines[0] = lines[0]!.slice(indent.length);
      return lines;
    };
    let lines: string[];
    if (PREFIX.length + prog.length <= 0.75 * textWidth) {
      const indent = ' '.repeat(PREFIX.length + prog.length + 1);
      if (optParts.length > 0) {
        lines = [...getLines([prog, ...optParts], indent, PREFIX), ...getLines(posParts, indent)];
      } else if (posParts.length > 0) {
        lines = getLines([prog, ...posParts], indent, PREFIX);
      } else {
        lines = [prog];
      }
    } else {
      const indent = ' '.repeat(PREFIX.length);
      lines = getLines([...optParts, ...posParts], indent);
      if (lines.length > 1) lines = [...getLines(optParts, indent), ...getLines(posParts, indent)];
      lines = [prog, ...lines];
    }
    usage = lines.join('\n');
  }
  return `${PREFIX}${usage}\n\n`;
}

/** argparse's `_format_actions_usage` (1.1, as in CPython 2.7): brackets, mutually exclusive groups, then clean-ups. */
function actionsUsage(actions: readonly ArgAction[], groups: readonly MutexGroup[]): string {
  const inGroup = new Set<ArgAction>();
  const inserts = new Map<number, string>();
  for (const group of groups) {
    const start = actions.indexOf(group.actions[0]!);
    if (start < 0) continue;
    const end = start + group.actions.length;
    if (end > actions.length || !group.actions.every((a, i) => actions[start + i] === a)) continue;
    for (const a of group.actions) inGroup.add(a);
    // Adjacent groups share an index: `) [` (CPython 2.7's argparse).
    const open = group.required ? '(' : '[';
    inserts.set(start, inserts.has(start) ? `${inserts.get(start)} ${open}` : open);
    inserts.set(end, group.required ? ')' : ']');
    for (let i = start + 1; i < end; i++) inserts.set(i, '|');
  }
  const parts: string[] = actions.map((action) => {
    if (action.optionStrings.length === 0) {
      let part = formatArgs(action);
      if (inGroup.has(action) && part.startsWith('[') && part.endsWith(']')) part = part.slice(1, -1);
      return part;
    }
    const option = action.optionStrings[0]!;
    const part = action.nargs === 0 ? option : `${option} ${formatArgs(action)}`;
    return !action.required && !inGroup.has(action) ? `[${part}]` : part;
  });
  for (const i of [...inserts.keys()].sort((a, b) => b - a)) parts.splice(i, 0, inserts.get(i)!);
  return parts
    .join(' ')
    .replace(/([[(]) /g, '$1')
    .replace(/ ([\])])/g, '$1')
    .replace(/[[(] *[\])]/g, '')
    .replace(/\(([^|]*)\)/g, '$1')
    .trim();
}
