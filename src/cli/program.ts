import { Command } from 'commander';
import type { CliIO } from './cli-io.js';
import { applyConventions } from './conventions.js';
import { withLoginOptions } from './login-options.js';
import { adminCommand } from './commands/admin.js';
import { auditCommand } from './commands/audit.js';
import { dbCommand } from './commands/db.js';
import { demoCommand } from './commands/demo.js';
import { errorsCommand } from './commands/errors.js';
import { groupCommand } from './commands/group.js';
import { hqlCommand } from './commands/hql.js';
import { ldapCommand } from './commands/ldap.js';
import { loginCommand, logoutCommand } from './commands/login.js';
import { objCommand } from './commands/obj.js';
import { sessionsCommand } from './commands/sessions.js';
import { shellCommand } from './commands/shell.js';
import { userCommand } from './commands/user.js';
import { pluginToBuild } from './plugin-to-build.js';

/** The version printed by `omero --version`. */
export const VERSION = '5.6.16-ts.0.4.0';

/** The plugins, by the name they are called by, in the order `omero -h` lists them. */
export const PLUGINS: ReadonlyMap<string, (io: CliIO) => Command> = new Map([
  ['login', loginCommand],
  ['logout', logoutCommand],
  ['sessions', sessionsCommand],
  ['shell', shellCommand],
  ['admin', adminCommand],
  ['db', dbCommand],
  ['demo', demoCommand],
  ['user', userCommand],
  ['group', groupCommand],
  ['ldap', ldapCommand],
  ['obj', objCommand],
  ['hql', hqlCommand],
  ['errors', errorsCommand],
  ['audit', auditCommand],
]);

/**
 * The `omero` command tree: the root only wires plugins together (one file per plugin). Given the
 * command line, only the plugin it runs is built (building every plugin's options was a tenth of
 * a command's start-up); the root's help, `help`, a root option or an unknown name get all of them.
 */
export function buildProgram(io: CliIO, argv?: readonly string[]): Command {
  const program = withLoginOptions(
    new Command('omero')
      .description('OMERO command line: users, groups, sessions, permissions and queries')
      .version(VERSION, '-v, --version', 'show the version and exit')
      .option('--debug', 'show stack traces of errors')
      .enablePositionalOptions(),
  );
  const only = argv ? pluginToBuild(argv, PLUGINS) : null;
  for (const [name, make] of PLUGINS) if (only === null || name === only) program.addCommand(make(io));
  applyConventions(program, io);
  return program;
}
