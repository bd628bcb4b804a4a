import type { Command } from 'commander';

/** The program path argparse calls `prog`: `omero user add` for `add` under `user`. */
export function commandPath(cmd: Command): string {
  const names: string[] = [];
  for (let c: Command | null = cmd; c; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}
