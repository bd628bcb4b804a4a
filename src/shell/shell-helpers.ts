import { helpText, dirNames } from './introspection.js';
import { PRELOADED, type ShellHelpers } from './shell-context.js';
import { pythonPrintText, pythonRepr, type WriterOptions } from './shell-writer.js';

/** What `help()` without an argument prints: the preloaded names. */
export function generalHelp(): string {
  const lines = ['Preloaded names:'];
  for (const p of PRELOADED) lines.push(`  ${p.name.padEnd(18)}${p.help}`);
  lines.push("  ProjectI, rstring, ParametersI, Delete2, DoAll, CmdCallbackI, …: as after the seed's `from omero.model import *` etc.");
  lines.push('help(x) or x? describes x; dir(x) lists its names; .help lists the dot-commands.');
  return lines.join('\n');
}

/**
 * The shell's own functions, bound to where output goes: Python's print and repr, IPython's
 * help and dir, and exit/quit.
 */
export function shellHelpers(out: (text: string) => void, options: WriterOptions, exit: () => void): ShellHelpers {
  return {
    print: (...args: unknown[]) => out(`${pythonPrintText(args, options)}\n`),
    repr: (value: unknown) => pythonRepr(value, options),
    help: (...args: unknown[]) => {
      if (args.length === 0) return out(`${generalHelp()}\n`);
      const [value, label, owner] = args;
      out(`${helpText(value, typeof label === 'string' ? label : defaultLabel(value), owner)}\n`);
    },
    dir: (value?: unknown) => dirNames(value),
    exit,
  };
}

function defaultLabel(value: unknown): string {
  if (typeof value === 'function') return value.name || 'function';
  const name = (value as { constructor?: { name?: string } } | null)?.constructor?.name;
  return name ?? String(value);
}
