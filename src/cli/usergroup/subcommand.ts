import { Command } from 'commander';

/**
 * A subcommand with OMERO's description (shown by its `-h`); the first line, trimmed, is the
 * summary listed under the parent, as argparse shows the `help` of each subparser.
 */
export function subcommand(name: string, description: string): Command {
  return new Command(name).description(description).summary(description.split('\n')[0]!.trim());
}
