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

In OMERO it creates a session for another user with an
administrator's (or group owner's) password. This server does not
offer it yet: such a login is refused, and so is "sessions open".
Log in as the target user instead.
`,
};
