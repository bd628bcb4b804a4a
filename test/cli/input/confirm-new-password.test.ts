import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { confirmNewPassword } from '../../../src/cli/input/confirm-new-password.js';
import { NotATerminalError } from '../../../src/cli/input/input-error.js';
import { scripted, tty } from './helpers.js';

const ENTER = 'Please enter password for your new user (jsmith): ';
const AGAIN = 'Please re-enter password for your new user (jsmith): ';

describe('confirmNewPassword (omero-py _ask_for_password)', () => {
  it('returns the password once both answers agree', async () => {
    const io = tty();
    const prompter = scripted(['ążćę', 'ążćę']);
    assert.equal(await confirmNewPassword('jsmith', { ...io, prompter }), 'ążćę');
    assert.deepEqual(prompter.asked, [ENTER, AGAIN]);
    assert.equal(io.text(), '');
  });

  it('loops on an empty password and on a mismatch, with OMERO messages on stderr', async () => {
    const io = tty();
    const prompter = scripted(['', 'a', 'b', 'c', 'c']);
    assert.equal(await confirmNewPassword('jsmith', { ...io, prompter }), 'c');
    assert.deepEqual(prompter.asked, [ENTER, ENTER, AGAIN, ENTER, AGAIN]);
    assert.equal(io.text(), "Password cannot be empty\nPasswords don't match\n");
  });

  it('asks "to be set" without a login (user password)', async () => {
    const prompter = scripted(['x', 'x']);
    await confirmNewPassword(null, { ...tty(), prompter });
    assert.deepEqual(prompter.asked, ['Please enter password to be set: ', 'Please re-enter password to be set: ']);
  });

  it('refuses without a terminal', async () => {
    await assert.rejects(confirmNewPassword('jsmith', { ...tty(false), prompter: scripted([]) }), (err: unknown) => {
      assert.ok(err instanceof NotATerminalError);
      assert.equal(err.message, 'stdin is not a terminal: cannot request password');
      return true;
    });
  });
});
