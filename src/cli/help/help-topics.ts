import { ENV_HELP } from '../login-options.js';

/**
 * The topics `omero help <topic>` prints besides commands (omero-py `ctx.topics`: debug, env,
 * sudo). `env` is OMERO's text; `debug` and `sudo` describe what this CLI does instead of
 * OMERO's `--debug=LEVEL` and `--sudo`.
 */
export const HELP_TOPICS: Readonly<Record<string, string>> = {
  debug: `
Show details of errors for developers

  --debug           Print the stack trace of an error after its message.
  OMERO_DEBUG=1     The same, from the environment.

OMERO's levels ('-d1'..'-d9', 'trace', 'profile') are not supported.

Examples:

    # Show where a failing command failed
    omero --debug sessions who
`,
  env: `${ENV_HELP}\n`,
  sudo: `
The --sudo option is available to all
commands accepting connection arguments.

It creates a session for another user (-u) with an administrator's
or group owner's password: the password asked for (or given with -w,
OMERO_PASSWORD or --password-stdin) is the one of the --sudo user.
Who may:
  - an administrator holding the Sudo privilege, as any user who
    holds no privilege the administrator lacks (never as root);
  - a group owner, as a member of a group they own, into that group
    only (-g, or the member's default group); the session then reaches
    no further than the owner's groups.
The session file records omero.sudo=<ADMINUSER>; the EventContext
names the sudoer (sudoerId, sudoerName); the audit log records it.

Examples:

    omero --sudo root -u user-2 user list
    omero login --sudo pi -u student -g lab-1
    omero shell --login --sudo root -u user-2
`,
};
