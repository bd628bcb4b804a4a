import { requestedCommand } from './requested-command.js';

/** Root options that answer by themselves, before any plugin runs (they need the whole tree, or none). */
const ROOT_ANSWERS = new Set(['-h', '--help', '-v', '--version']);

/**
 * The one plugin a command line runs, when that is certain: its name is a plugin's and no root
 * option before it asks for help or the version. Otherwise null (build every plugin). A plugin
 * parses its own part of the command line alone (the root has positional options), so building
 * only that plugin changes nothing it does; only the root's help and the "invalid choice" list
 * name the others, and those cases return null.
 */
export function pluginToBuild(argv: readonly string[], plugins: ReadonlyMap<string, unknown>): string | null {
  const r = requestedCommand(argv);
  if (!r || !plugins.has(r.name)) return null;
  const before = argv.slice(0, argv.length - r.rest.length - 1);
  if (before.some((a) => ROOT_ANSWERS.has(a) || (/^-[A-Za-z]+$/.test(a) && /[hv]/.test(a)))) return null;
  return r.name;
}

/** A subcommand's name (`list`, `joingroup`); options, values and `help` are not. */
const SUBCOMMAND_NAME = /^[a-z][a-z0-9-]*$/;

/**
 * The subcommand a command line runs, when the plugin's own part starts with one and nothing in
 * it asks for help (a help text may list the siblings); otherwise undefined (build them all). Only
 * meaningful once `pluginToBuild` has settled the plugin.
 */
export function subcommandToBuild(argv: readonly string[]): string | undefined {
  const r = requestedCommand(argv);
  const first = r?.rest[0];
  if (first === undefined || !SUBCOMMAND_NAME.test(first)) return undefined;
  if (r!.rest.some((a) => a === 'help' || a === '--help' || /^-[A-Za-z]*h/.test(a))) return undefined;
  return first;
}
