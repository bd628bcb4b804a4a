import { requireTerminal, type PromptIO } from './prompter.js';

/**
 * OMERO's double prompt for a password to set (omero-py `_ask_for_password`, reference cli
 * §2.1 and §2.5). With a login (`user add`):
 *
 *     Please enter password for your new user (<login>):
 *     Please re-enter password for your new user (<login>):
 *
 * without one (`user password`): `Please enter password to be set: ` /
 * `Please re-enter password to be set: `. An empty first answer prints
 * `Password cannot be empty`, a different second one `Passwords don't match` (both to stderr),
 * and it starts over until the two agree. Terminal rule: `NotATerminalError` (rc 564) without
 * terminals.
 */
export async function confirmNewPassword(login: string | null, options: PromptIO = {}): Promise<string> {
  const io = requireTerminal(options, 'password');
  const reason = login === null ? ' to be set' : ` for your new user (${login})`;
  for (;;) {
    const first = await io.prompter.hidden(`Please enter password${reason}: `);
    if (first === '') {
      io.stderr.write('Password cannot be empty\n');
      continue;
    }
    const second = await io.prompter.hidden(`Please re-enter password${reason}: `);
    if (first === second) return first;
    io.stderr.write("Passwords don't match\n");
  }
}
