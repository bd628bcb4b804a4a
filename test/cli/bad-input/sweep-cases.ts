/**
 * The bad-input sweep's cases, drawn from the `omero` command tree itself (so a new command or
 * option is swept without editing the suite): for every leaf command, the command with nothing,
 * with an unknown option and a stray argument, then every positional argument and every option
 * that takes a value, in turn, given each hostile value.
 */
import { PassThrough } from 'node:stream';
import type { Command } from 'commander';
import { buildProgram } from '../../../src/cli/program.js';

/** Hostile values: lengths, encodings, control characters, SQL/HQL/LIKE/LDAP metacharacters, odd numbers. */
export const HOSTILE: readonly string[] = [
  '',
  'x'.repeat(100_000),
  '\u202Eevil\u200F שלום مرحبا 😀👩‍👩‍👧 e\u0301 \uFEFF',
  '\u0001\u001b[31mred\u001b[0m\u0007\r\n\t\u007f',
  "'; drop table experimenter; --",
  '" or 1=1 --',
  '%',
  '_',
  '\\',
  '*)(uid=*',
  '-1',
  '0',
  '9223372036854775808',
  '1e309',
  'NaN',
  'rwxrwxrwx',
  'select e from Experimenter e where e.omeName like \'%\'',
  '../../../../etc/passwd',
  '$(touch pwned)`id`',
  '--',
];

/**
 * The quick set (default), a few values that pack several kinds each: length; RTL, emoji and
 * control characters; SQL, LIKE and LDAP metacharacters; a number out of range with a minus.
 * OMERO_SWEEP_FULL=1 uses all of HOSTILE.
 */
export const QUICK: readonly string[] = [HOSTILE[1]!, HOSTILE[2]! + HOSTILE[3]!, `${HOSTILE[4]!}%_\\*)(uid=*`, '-9223372036854775809'];

/** One run of the binary: a leaf command's path and the arguments after it. */
export interface SweepCase {
  readonly command: string;
  readonly args: readonly string[];
}

/** Every leaf command of the program, as its path (`user add`, `sessions who`, `help`…). */
export async function leafCommands(): Promise<{ path: string; command: Command }[]> {
  const sink = new PassThrough();
  const program = await buildProgram({ stdout: sink, stderr: sink, stdin: new PassThrough(), env: {}, argv0: 'omero' });
  const leaves: { path: string; command: Command }[] = [];
  const walk = (c: Command, path: string[]) => {
    for (const sub of c.commands) {
      const p = [...path, sub.name()];
      if (sub.commands.length === 0) leaves.push({ path: p.join(' '), command: sub });
      else walk(sub, p);
    }
  };
  walk(program, []);
  return leaves;
}

/**
 * The cases of one command. Positional slots are all filled with the hostile value at hand, so
 * that the value reaches each slot; an option's case also fills the positionals with it.
 * `skipOptions` leaves out options that select where the CLI keeps its files or how it reaches
 * the server rather than data (swept once, with the first command only).
 */
export function casesFor(path: string, command: Command, values: readonly string[], skipOptions: ReadonlySet<string>): SweepCase[] {
  const cases: SweepCase[] = [];
  const positionals = command.registeredArguments;
  const fill = (v: string) => positionals.map(() => v);
  cases.push({ command: path, args: ['--no-such-option'] });
  if (positionals.length === 0) cases.push({ command: path, args: ['stray-argument'] });
  if (positionals.some((a) => a.required)) cases.push({ command: path, args: [] });
  for (const v of values) {
    if (positionals.length > 0) cases.push({ command: path, args: ['--', ...fill(v)] });
    for (const o of command.options) {
      if (!(o.required || o.optional) || skipOptions.has(o.long ?? '')) continue;
      cases.push({ command: path, args: [`${o.long}=${v}`, '--', ...fill(v)] });
    }
  }
  return cases;
}
