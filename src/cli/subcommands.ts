import type { Command } from 'commander';

/** A plugin's subcommands by the name each is called by, each built when asked for. */
export type SubcommandBuilders = Readonly<Record<string, () => Command>>;

/**
 * Adds a plugin's subcommands in the order given, or only `only` when the command line runs that
 * one (`subcommandToBuild`): building every subcommand's options was a tenth of `omero user
 * list`'s start-up, and a subcommand parses its own options alone. An `only` that names none of
 * them builds all, so commander reports the unknown name as usual.
 */
export function addSubcommands(parent: Command, builders: SubcommandBuilders, only?: string): Command {
  const names = only !== undefined && Object.hasOwn(builders, only) ? [only] : Object.keys(builders);
  for (const name of names) parent.addCommand(builders[name]!());
  return parent;
}
