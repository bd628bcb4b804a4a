import type { PtySession } from './pty.js';

/**
 * Waits for `re` in what the program wrote after `since`, up to `timeoutMs` (Python's start-up
 * takes several seconds, and far more on a loaded machine than PtySession.waitFor's 15 s allow).
 */
export async function waitForOutput(pty: PtySession, re: RegExp, since = 0, timeoutMs = 180_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!re.test(pty.output().slice(since))) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${re} in ${JSON.stringify(pty.output().slice(-2000))}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Waits for `prompt` after the last answer, then types `text` (PtySession.answer with a longer wait). */
export function answerer(pty: PtySession): (prompt: RegExp, text: string) => Promise<void> {
  let mark = 0;
  return async (prompt, text) => {
    await waitForOutput(pty, prompt, mark);
    await new Promise((r) => setTimeout(r, 30));
    mark = pty.output().length;
    pty.term.write(text);
  };
}
