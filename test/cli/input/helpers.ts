import { PassThrough, Writable } from 'node:stream';
import type { Prompter } from '../../../src/cli/input/prompter.js';

/** A prompter answering from a script and recording the questions. */
export function scripted(answers: string[]): Prompter & { asked: string[] } {
  const asked: string[] = [];
  const next = async (q: string) => {
    asked.push(q);
    const a = answers.shift();
    if (a === undefined) throw new Error(`unexpected prompt ${JSON.stringify(q)}`);
    return a;
  };
  return { asked, hidden: next, line: next };
}

/** Fake terminal streams: stdin/stderr flagged as TTYs, stderr recorded. */
export function tty(stdinTTY = true, stderrTTY = true) {
  const chunks: string[] = [];
  let onWrite = (): void => undefined;
  const stderr = Object.assign(
    new Writable({
      write(c: Buffer, _e, done) {
        chunks.push(c.toString());
        onWrite();
        done();
      },
    }),
    { isTTY: stderrTTY },
  );
  const stdin = Object.assign(new PassThrough(), { isTTY: stdinTTY });
  const text = () => chunks.join('');
  /** Resolves once stderr matches `re` (a prompt is on screen). */
  const waitFor = (re: RegExp) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${re} in ${JSON.stringify(text())}`)), 5000);
      const check = () => {
        if (!re.test(text())) return;
        clearTimeout(timer);
        onWrite = () => undefined;
        resolve();
      };
      onWrite = check;
      check();
    });
  return { stdin, stderr, text, waitFor };
}
