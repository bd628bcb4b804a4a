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

/** The version printed by `omero --version`. */
export const VERSION = '5.6.16-ts.0.3.0';

/** The `omero` command tree: the root only wires plugins together (one file per plugin). */
export function buildProgram(io: CliIO): Command {
  const program = withLoginOptions(
    new Command('omero')
      .description('OMERO command line: users, groups, sessions, permissions and queries')
      .version(VERSION, '-v, --version', 'show the version and exit')
      .option('--debug', 'show stack traces of errors')
      .enablePositionalOptions(),
  );
  program.addCommand(loginCommand(io));
  program.addCommand(logoutCommand(io));
  program.addCommand(sessionsCommand(io));
  program.addCommand(shellCommand(io));
  program.addCommand(adminCommand(io));
  program.addCommand(dbCommand(io));
  program.addCommand(demoCommand(io));
  program.addCommand(userCommand(io));
  program.addCommand(groupCommand(io));
  program.addCommand(ldapCommand(io));
  program.addCommand(objCommand(io));
  program.addCommand(hqlCommand(io));
  program.addCommand(errorsCommand(io));
  program.addCommand(auditCommand(io));
  applyConventions(program, io);
  return program;
}
