import { join } from 'node:path';
import { Option, type Command } from 'commander';
import { withEnv, type CliIO } from '../cli-io.js';

/**
 * Adds OMERO's hidden, deprecated `--session-dir DIR` (on login, logout and most `sessions`
 * subcommands; reference cli §8, §9).
 */
export function withSessionDirOption<C extends Command>(cmd: C): C {
  cmd.addOption(new Option('--session-dir <SESSION_DIR>').hideHelp());
  return cmd;
}

/**
 * The environment a command with `--session-dir DIR` works in: sessions under
 * `DIR/omero/sessions`, unless OMERO_SESSIONDIR or OMERO_SESSION_DIR says otherwise (they take
 * precedence, as in omero-py's `SessionsControl.store`).
 */
export function sessionDirIO(cmd: Command, io: CliIO): CliIO {
  const dir = (cmd.opts() as { sessionDir?: string }).sessionDir;
  if (!dir || io.env.OMERO_SESSIONDIR || io.env.OMERO_SESSION_DIR) return io;
  return withEnv(io, { ...io.env, OMERO_SESSIONDIR: join(dir, 'omero', 'sessions') });
}
