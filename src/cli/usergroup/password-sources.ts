import { CliError } from '../cli-error.js';
import type { CliIO } from '../cli-io.js';
import { InputError } from '../input/input-error.js';

/** The environment variable holding the password to set (`user add`, `user password`). */
export const USER_PASSWORD_ENV = 'OMERO_USERPASSWORD';

/** Where the password to set may come from. */
export interface NewPasswordOptions {
  /** `-P/--userpassword` (kept for OMERO compatibility; visible to other local users). */
  readonly flag?: string | undefined;
  /** `--userpassword-stdin`: the next line of standard input. */
  readonly fromStdin?: boolean | undefined;
  /** The login shown in the prompts (`user add`), or null for `… to be set` (`user password`). */
  readonly login: string | null;
}

/**
 * The password to set, from the first source that has one: `-P`, `--userpassword-stdin` (one
 * line), `$OMERO_USERPASSWORD` (non-empty), else OMERO's double hidden prompt on the terminal
 * (`Please enter password for your new user (<login>): ` / `Please re-enter …`; empty and
 * mismatching answers ask again). Without a terminal: rc 564 `stdin is not a terminal: cannot
 * request password`; Ctrl-C: rc 1 `Cancelled`. The password is never printed.
 */
export async function readNewPassword(io: CliIO, options: NewPasswordOptions): Promise<string> {
  if (options.flag !== undefined) return options.flag;
  const { confirmNewPassword, readLine } = await import('../input/index.js');
  if (options.fromStdin) {
    const line = await readLine(io.stdin);
    if (line === null) throw new CliError(564, 'stdin is empty: cannot read password (--userpassword-stdin)');
    return line;
  }
  const fromEnv = io.env[USER_PASSWORD_ENV];
  if (fromEnv) return fromEnv;
  return asCliError(() => confirmNewPassword(options.login, { stdin: io.stdin, stderr: io.stderr }));
}

/**
 * The caller's own password, which `user password` verifies first: one hidden prompt
 * `Please enter password for your user (<login>): ` as in OMERO (an empty answer is allowed and
 * then fails verification). `-w/--password` is only the login password and does not answer it;
 * without `-w`, `$OMERO_PASSWORD` does (for scripts), as it answers the login.
 */
export async function readOwnPassword(io: CliIO, login: string, loginFlagGiven: boolean): Promise<string> {
  if (!loginFlagGiven && io.env.OMERO_PASSWORD) return io.env.OMERO_PASSWORD;
  const { promptPassword } = await import('../input/index.js');
  return asCliError(() => promptPassword(`Please enter password for your user (${login}): `, { stdin: io.stdin, stderr: io.stderr }));
}

/** Input failures (no terminal: 564; Ctrl-C: 1 `Cancelled`) as CLI errors with their rc. */
async function asCliError<T>(ask: () => Promise<T>): Promise<T> {
  try {
    return await ask();
  } catch (e) {
    if (e instanceof InputError) throw new CliError(e.rc, e.message);
    throw e;
  }
}
