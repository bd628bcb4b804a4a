import { Command, InvalidArgumentError, Option } from 'commander';
import type { UserImportRow } from '../../client/services/admin-service-prx.js';
import { CliError } from '../cli-error.js';
import type { CliIO } from '../cli-io.js';
import { withConnection } from '../connection-scope.js';
import { columnsHelp } from '../import/import-columns.js';
import { PasswordFile, generatePassword } from '../import/password-file.js';
import type { ImportFlags } from '../import/run-import.js';
import { USER_COLUMNS, userRow } from '../import/user-rows.js';
import { loginArgs, withLoginOptions } from '../login-options.js';
import { addStyleArgument, subcommand } from '../usergroup/index.js';

/** The flags of `user import`. */
interface UserImportFlags extends ImportFlags {
  readonly generatePasswords?: string;
}

const DESCRIPTION = `Create or update users from a CSV file (- for standard input)

The first line names the columns (any order, any subset but login):
${columnsHelp(USER_COLUMNS)}

The CSV that \`omero user list --style csv\` writes is accepted too. Each row
makes the user match it: new users are created, existing ones updated (their
groups become exactly the listed ones), others left alone; running the same
file again changes nothing. A password is set only on users the run creates,
from the file or --generate-passwords, never from the command line. Each row
is reported (created, updated, unchanged, failed and why); the status is 1
when a row failed.`;

/** A positive whole number option value. */
export function positiveInt(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1 || n > 100_000) throw new InvalidArgumentError('expected a whole number from 1 to 100000');
  return n;
}

/** The options `user import` and `group import` share. */
export function addImportOptions(cmd: Command): Command {
  cmd
    .argument('<file>', 'CSV file, or - for standard input')
    .option('--dry-run', 'Check and report every row, change nothing')
    .option('--add-only', 'Never remove a membership or an ownership')
    .addOption(noUpdateOption())
    .option('--atomic', 'All rows or none: one transaction for the whole file (held in memory)')
    .addOption(new Option('--chunk-size <N>', 'Rows per server call (default 500)').argParser(positiveInt));
  addStyleArgument(cmd);
  return withLoginOptions(cmd);
}

/** `--no-update`: commander would read it as the negation of an `--update` flag; a plain flag, stored as noUpdate. */
function noUpdateOption(): Option {
  const option = new Option('--no-update', 'Only create; leave existing entries as they are');
  option.negate = false;
  option.attributeName = () => 'noUpdate';
  return option;
}

/** Refuses reading both the login password and the file from standard input. */
export function importSource(cmd: Command, io: CliIO, file: string) {
  if (file === '-' && loginArgs(cmd).passwordStdin) {
    throw new CliError(2, 'cannot read both the password (--password-stdin) and the file (-) from standard input');
  }
  return { path: file, stdin: io.stdin };
}

/** `omero user import FILE.csv` (issue 14): provisioning users in bulk, through IAdmin.importExperimenters. */
export function userImportCommand(io: CliIO): Command {
  const cmd = subcommand('import', DESCRIPTION)
    .option('--create-groups', 'Create the groups rows name that do not exist (private)')
    .option('--generate-passwords <FILE>', 'Give new users without a password a random one, written to FILE (new, mode 0600)');
  addImportOptions(cmd);
  cmd.action(async (file: string, flags: UserImportFlags) => {
    const source = importSource(cmd, io, file);
    await withConnection(cmd, io, async (c) => {
      const admin = c.client.getSession().getAdminService();
      // A dry run checks the file could be made, reports "generated password", and writes nothing.
      const passwords = flags.generatePasswords ? new PasswordFile(flags.generatePasswords) : null;
      try {
        // The CSV reader and the progress bar load with the first import, not with the plugin.
        const { runImport } = await import('../import/run-import.js');
        await runImport<UserImportRow>(io, source, {
          columns: USER_COLUMNS,
          key: 'login',
          secretColumns: ['password', 'passwordHash'],
          toRow: (line, values) => {
            const row = userRow(line, values);
            return passwords && !row.password && !row.passwordHash && !row.ldap ? { ...row, generatedPassword: generatePassword() } : row;
          },
          nameOf: (row) => row.login,
          hashes: (row) => !flags.dryRun && Boolean(row.password || row.generatedPassword),
          send: (rows, options) => admin.importExperimenters(rows, options),
          applied: (rows, results) => {
            if (!passwords || flags.dryRun) return;
            const byLine = new Map(rows.map((r) => [r.line, r]));
            for (const r of results) {
              const row = byLine.get(r.line);
              if (r.status === 'created' && row?.generatedPassword) passwords.add(row.login, row.generatedPassword);
            }
          },
        }, flags);
      } finally {
        passwords?.close();
      }
    });
  });
  return cmd;
}
