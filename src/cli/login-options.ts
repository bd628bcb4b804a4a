import { Option, type Command } from 'commander';

/** OMERO's login arguments (reference cli §0.1), as parsed from any level of the command line. */
export interface LoginArgs {
  readonly create?: boolean;
  readonly server?: string;
  readonly port?: string;
  readonly group?: string;
  readonly user?: string;
  readonly password?: string;
  readonly key?: string;
  readonly sudo?: string;
  readonly quiet?: boolean;
  /** Ours: read the password from the first line of standard input. */
  readonly passwordStdin?: boolean;
}

const KEYS = ['create', 'server', 'port', 'group', 'user', 'password', 'key', 'sudo', 'quiet', 'passwordStdin'] as const;

/** The environment help OMERO embeds in the login-argument group (seed 000, verbatim). */
export const ENV_HELP = `Environment variables:

  OMERO_USERDIR     Set the base directory containing the user's files.
                    Default: $HOME/omero
  OMERO_SESSIONDIR  Set the base directory containing local sessions.
                    Default: $OMERO_USERDIR/sessions
  OMERO_TMPDIR      Set the base directory containing temporary files.
                    Default: $OMERO_USERDIR/tmp
  OMERO_PASSWORD    Set the user's password for creating new sessions.
                    Ignored if -w or --password is used.`;

/** The help group title under which login options are listed. */
export const LOGIN_GROUP = 'Login arguments';

/** Adds the login arguments to a command (top level, plugin level or subcommand). */
export function withLoginOptions<C extends Command>(cmd: C): C {
  const opts: Option[] = [
    new Option('-C, --create', 'Create a new session regardless of existing ones'),
    new Option('-s, --server <SERVER>', 'OMERO server hostname'),
    new Option('-p, --port <PORT>', 'OMERO server port'),
    new Option('-g, --group <GROUP>', 'OMERO server default group'),
    new Option('-u, --user <USER>', 'OMERO username'),
    new Option('-w, --password <PASSWORD>', 'OMERO password'),
    new Option('-k, --key <KEY>', 'OMERO session key (UUID of an active session)'),
    new Option('--sudo <ADMINUSER>', 'Create session as this admin. Changes meaning of password!'),
    new Option('-q, --quiet', 'Quiet mode. Causes most warning and diagnostic messages to be suppressed.'),
    new Option('--password-stdin', 'Read the password from the first line of standard input'),
  ];
  for (const o of opts) cmd.addOption(o);
  (cmd as unknown as { _omeroLogin?: boolean })._omeroLogin = true;
  return cmd;
}

/**
 * The login arguments in force for `cmd`: values given on the command line at any level, the
 * innermost winning (`omero -s h -u a user -s x list` → server x, user a), as argparse merges.
 */
export function loginArgs(cmd: Command): LoginArgs {
  const chain: Command[] = [];
  for (let c: Command | null = cmd; c; c = c.parent) chain.unshift(c);
  const merged: Record<string, unknown> = {};
  for (const c of chain) {
    const o = c.opts() as Record<string, unknown>;
    for (const k of KEYS) {
      const src = c.getOptionValueSource(k);
      if (src === 'cli' || src === 'env') merged[k] = o[k];
    }
  }
  return merged as LoginArgs;
}
