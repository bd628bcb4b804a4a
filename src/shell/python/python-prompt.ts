import { appendFileSync, chmodSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { createInterface, type Interface } from 'node:readline';
import { isSecretLine } from '../history-filter.js';
import type { PythonHost } from './python-host.js';

/** What the Python prompt needs from its caller. */
export interface PythonPromptOptions {
  readonly host: PythonHost;
  readonly input: NodeJS.ReadableStream;
  readonly output: NodeJS.WritableStream;
  /** The history file (0600); null keeps no history. */
  readonly historyFile: string | null;
  readonly banner: string;
}

const PS1 = '>>> ';
const PS2 = '... ';
const HISTORY_SIZE = 1000;

/**
 * The interactive Python prompt on a terminal: Python's `>>> ` and `... ` prompts, lines run in
 * order (a pasted block too), Tab completion by Python's rlcompleter, Ctrl-C interrupting the
 * running statement (or dropping the typed lines), Ctrl-D or exit() to leave, and a history
 * file that never keeps a line that may hold a password or a session key. Resolves with the
 * exit status.
 */
export function startPythonPrompt(o: PythonPromptOptions): Promise<number> {
  o.output.write(`${o.banner}\n`);
  const rl = createInterface({
    input: o.input,
    output: o.output,
    terminal: true,
    prompt: PS1,
    history: o.historyFile ? loadHistory(o.historyFile) : [],
    historySize: HISTORY_SIZE,
    completer: (line: string, cb: (err: null, result: [string[], string]) => void) => {
      void o.host.send({ t: 'complete', line }).then((r) => cb(null, [[...(r.completions ?? [])], r.token ?? '']));
    },
  });
  const queue: string[] = [];
  let running = false;
  let closing = false;
  return new Promise((resolve) => {
    const finish = (status: number) => {
      closing = true;
      rl.close();
      resolve(status);
    };
    const drain = async () => {
      if (running) return;
      running = true;
      while (queue.length > 0) {
        const line = queue.shift()!;
        const reply = await o.host.send({ t: 'push', line });
        if (reply.exit !== undefined) return finish(reply.exit);
        rl.setPrompt(reply.more ? PS2 : PS1);
      }
      running = false;
      if (!closing) rl.prompt();
    };
    rl.on('line', (line: string) => {
      if (o.historyFile) remember(rl, o.historyFile, line);
      queue.push(line);
      void drain();
    });
    rl.on('SIGINT', () => {
      if (running) {
        // Stop the statement running now and drop the lines queued behind it (a pasted block).
        queue.length = 0;
        o.host.interrupt();
        return;
      }
      o.output.write('\nKeyboardInterrupt\n');
      (rl as unknown as { line: string }).line = '';
      void o.host.send({ t: 'reset' }).then(() => {
        rl.setPrompt(PS1);
        rl.prompt();
      });
    });
    rl.on('close', () => {
      if (closing) return;
      o.output.write('\n');
      closing = true;
      resolve(0);
    });
    rl.prompt();
  });
}

function loadHistory(file: string): string[] {
  try {
    const lines = readFileSync(file, 'utf8').split('\n').filter((l) => l.length > 0);
    return lines.slice(-HISTORY_SIZE).reverse();
  } catch {
    return [];
  }
}

/** Python's `pass` statement (`while True: pass`), which is no password: the filter must not see it. */
const PASS_STATEMENT = /(^\s*|[:;]\s*)pass(?=\s*(?:[;#]|$))/g;

/** Appends a line to the history file, unless it may hold a secret (then it leaves memory too). */
function remember(rl: Interface, file: string, line: string): void {
  if (!line.trim()) return;
  if (isSecretLine(line.replace(PASS_STATEMENT, '$1'))) {
    const h = (rl as unknown as { history: string[] }).history;
    if (h[0] === line) h.shift();
    return;
  }
  try {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    appendFileSync(file, `${line}\n`, { mode: 0o600 });
    chmodSync(file, 0o600);
  } catch {
    /* history is a convenience: a read-only home must not stop the shell */
  }
}
