import type { Command } from 'commander';
import type { GroupImportRow } from '../../client/services/admin-service-prx.js';
import type { CliIO } from '../cli-io.js';
import { withConnection } from '../connection-scope.js';
import { GROUP_COLUMNS, groupRow } from '../import/group-rows.js';
import { columnsHelp } from '../import/import-columns.js';
import type { ImportFlags } from '../import/run-import.js';
import { subcommand } from '../usergroup/index.js';
import { addImportOptions, importSource } from './user-import.js';

const DESCRIPTION = `Create or update groups from a CSV file (- for standard input)

The first line names the columns (any order, any subset but name):
${columnsHelp(GROUP_COLUMNS)}

Each row makes the group match it: new groups are created, existing ones
updated (owners become exactly the listed ones; a permission change that would
sever links between owners is refused: see \`omero group perms --dry-run\`);
running the same file again changes nothing. Each row is reported; the status
is 1 when a row failed.`;

/** `omero group import FILE.csv` (issue 14): groups in bulk, through IAdmin.importGroups. */
export function groupImportCommand(io: CliIO): Command {
  const cmd = addImportOptions(subcommand('import', DESCRIPTION));
  cmd.action(async (file: string, flags: ImportFlags) => {
    const source = importSource(cmd, io, file);
    await withConnection(cmd, io, async (c) => {
      const admin = c.client.getSession().getAdminService();
      // The CSV reader and the progress bar load with the first import, not with the plugin.
      const { runImport } = await import('../import/run-import.js');
      await runImport<GroupImportRow>(io, source, {
        columns: GROUP_COLUMNS,
        key: 'name',
        secretColumns: [],
        toRow: groupRow,
        nameOf: (row) => row.name,
        hashes: () => false,
        send: (rows, options) => admin.importGroups(rows, options),
      }, flags);
    });
  });
  return cmd;
}
