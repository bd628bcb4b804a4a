import { CliError } from '../cli-error.js';
import { Command } from 'commander';
import { out, type CliIO } from '../cli-io.js';
import { parseIntArgument } from '../conventions.js';
import { ERROR_TABLE } from '../errors/error-table.js';

/**
 * `omero errors [--length N] [plugins…]` (reference cli §0.1, §10): the plugins' return codes as
 * omero-py prints its registered errors, `"%5d\t%10s\t%10s\t'%s'"` (rc, plugin, key, message),
 * messages cut to N characters; by rc, then plugin.
 */
export function errorsCommand(io: CliIO): Command {
  return new Command('errors')
    .description('Display all plugin error codes')
    .option('--length <LENGTH>', 'Length of message to print', parseIntArgument, 50)
    .argument('[plugins...]', 'Plugins to display errors for (default: all)')
    .action((plugins: string[], opts: { length: number }) => {
      const known = [...new Set(ERROR_TABLE.map((e) => e.plugin))].sort();
      const unknown = plugins.find((p) => !known.includes(p));
      if (unknown !== undefined) throw new CliError(2, `argument plugins: invalid choice: '${unknown}' (choose from ${known.map((k) => `'${k}'`).join(', ')})`);
      const wanted = new Set(plugins);
      const rows = ERROR_TABLE.filter((e) => wanted.size === 0 || wanted.has(e.plugin)).sort((a, b) => a.rc - b.rc || a.plugin.localeCompare(b.plugin));
      for (const e of rows) {
        const message = opts.length > 0 && e.message.length > opts.length ? e.message.slice(0, opts.length) : e.message;
        out(io, `${String(e.rc).padStart(5)}\t${e.plugin.padStart(10)}\t${e.key.padStart(10)}\t'${message}'`);
      }
    });
}
