import { spawn, type IPty } from '@lydell/node-pty';

/** A program on a pseudo-terminal, with ways to wait for its output and type into it. */
export interface PtySession {
  readonly term: IPty;
  /** Everything the program wrote so far. */
  output(): string;
  /** Resolves once the output written after `since` matches `re`. */
  waitFor(re: RegExp, since?: number): Promise<string>;
  /** Waits for `prompt` in the output since the last answer, then types `text`. */
  answer(prompt: RegExp, text: string): Promise<void>;
  /** Resolves with the exit code. */
  readonly exited: Promise<number>;
}

/** Starts `file args…` on a pty (200×30) with exactly `env`. */
export function onPty(file: string, args: readonly string[], env: NodeJS.ProcessEnv, timeoutMs = 30_000): PtySession {
  const term = spawn(file, [...args], { cols: 200, rows: 30, env: env as Record<string, string> });
  let seen = '';
  let lastData = Date.now();
  const waiters: { re: RegExp; since: number; resolve: (s: string) => void }[] = [];
  term.onData((d) => {
    seen += d;
    lastData = Date.now();
    for (const w of [...waiters]) {
      if (w.re.test(seen.slice(w.since))) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(seen);
      }
    }
  });
  const exited = new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => {
      term.kill();
      reject(new Error(`still running after ${timeoutMs} ms: ${JSON.stringify(seen.slice(-2000))}`));
    }, timeoutMs);
    term.onExit((e) => {
      clearTimeout(timer);
      // The exit may be reported before the program's last output has been read (seen in CI: a
      // summary line missing): resolve once 50 ms have passed since the exit and since the last
      // output (at most 1 s after the exit).
      const exitedAt = Date.now();
      const settle = (): void => {
        const now = Date.now();
        if ((now - exitedAt >= 50 && now - lastData >= 50) || now - exitedAt >= 1000) resolve(e.exitCode);
        else setTimeout(settle, 10);
      };
      settle();
    });
  });
  const waitFor = (re: RegExp, since = 0) =>
    new Promise<string>((resolve, reject) => {
      if (re.test(seen.slice(since))) return resolve(seen);
      const timer = setTimeout(() => {
        term.kill();
        reject(new Error(`timed out waiting for ${re} in ${JSON.stringify(seen.slice(-2000))}`));
      }, 15_000);
      waiters.push({ re, since, resolve: (s) => (clearTimeout(timer), resolve(s)) });
    });
  let mark = 0;
  const answer = async (prompt: RegExp, text: string) => {
    await waitFor(prompt, mark);
    await new Promise((r) => setTimeout(r, 30));
    mark = seen.length;
    term.write(text);
  };
  return { term, output: () => seen, waitFor, answer, exited };
}

/** Terminal output without colour and cursor escapes, with \r\n as \n. */
export function plainText(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '').replace(/\r\n/g, '\n').replace(/\r/g, '');
}
