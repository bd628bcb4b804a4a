import { InputError } from './input-error.js';
import { requireTerminal, type PromptIO } from './prompter.js';
import { readLine } from './read-line.js';

/** Where a login password may come from (reference cli §9.2 step 8). */
export interface ReadPasswordOptions extends PromptIO {
  /** The prompt. Default `Password:`; with `--sudo` OMERO asks `Password for <admin>:`. */
  readonly prompt?: string;
  /** Read for `OMERO_PASSWORD`. Default `process.env`. */
  readonly env?: NodeJS.ProcessEnv;
  /** The `-w/--password` value, if given. */
  readonly passwordFlag?: string | undefined;
  /** `--password-stdin`: take the first line of stdin. */
  readonly passwordStdin?: boolean;
}

/**
 * The password for a new session, from the first source that has one:
 * 1. `-w/--password` (non-empty);
 * 2. `$OMERO_PASSWORD` (non-empty; "Ignored if -w or --password is used");
 * 3. `--password-stdin`: exactly one line of stdin, the rest left unread for whoever reads next
 *    (an input that ends before any byte is an `InputError`, rc 564);
 * 4. a hidden prompt on the terminal, written to stderr; an empty answer prints
 *    `Input required` and asks again, as OMERO does.
 * Without a terminal for step 4 it throws `NotATerminalError`
 * (`stdin is not a terminal: cannot request password`, rc 564) at once.
 */
export async function readPassword(options: ReadPasswordOptions = {}): Promise<string> {
  if (options.passwordFlag) return options.passwordFlag;
  const fromEnv = (options.env ?? process.env).OMERO_PASSWORD;
  if (fromEnv) return fromEnv;
  if (options.passwordStdin) {
    const line = await readLine(options.stdin ?? process.stdin);
    if (line === null) throw new InputError('stdin is empty: cannot read password (--password-stdin)', 564);
    return line;
  }
  const io = requireTerminal(options, 'password');
  const prompt = options.prompt ?? 'Password:';
  for (;;) {
    const answer = await io.prompter.hidden(prompt);
    if (answer !== '') return answer;
    io.stderr.write('Input required\n');
  }
}
