import { createInterface } from 'node:readline';
import { InputCancelledError, NotATerminalError } from './input-error.js';
import type { InputStream } from './read-line.js';

/** A stream prompts are written to. */
export type PromptOutput = NodeJS.WritableStream & { readonly isTTY?: boolean };

/**
 * How questions are put to the user. The default asks on the terminal; tests inject their own.
 * Both methods resolve with the answer and reject with `InputCancelledError` on Ctrl-C/Ctrl-D.
 */
export interface Prompter {
  /** Asks with echo off (passwords). */
  hidden(message: string): Promise<string>;
  /** Asks with echo on (`Server: [localhost:4064]`, `Username: [root]`). */
  line(question: string): Promise<string>;
}

/** Where prompts read and write, and who asks; default: the real terminal. */
export interface PromptIO {
  /** Answers come from here. Default `process.stdin`. */
  readonly stdin?: InputStream;
  /** Prompts and prompt-related messages go here. Default `process.stderr`. */
  readonly stderr?: PromptOutput;
  /** Default: {@link terminalPrompter} on `stdin`/`stderr`. */
  readonly prompter?: Prompter;
}

/** The resolved streams and prompter of a {@link PromptIO}. */
export interface ResolvedPromptIO {
  readonly stdin: InputStream;
  readonly stderr: PromptOutput;
  readonly prompter: Prompter;
}

/**
 * Resolves defaults and enforces the terminal rule: prompting needs stdin and stderr to be
 * terminals, otherwise `NotATerminalError` (rc 564, `stdin is not a terminal: cannot request
 * <what>`) is thrown at once — nothing waits on a pipe or `/dev/null`.
 */
export function requireTerminal(io: PromptIO, what: string): ResolvedPromptIO {
  const stdin = io.stdin ?? process.stdin;
  const stderr = io.stderr ?? process.stderr;
  if (stdin.isTTY !== true) throw new NotATerminalError('stdin', what);
  if (stderr.isTTY !== true) throw new NotATerminalError('stderr', what);
  return { stdin, stderr, prompter: io.prompter ?? terminalPrompter(stdin, stderr) };
}

/**
 * Prompts on a terminal: hidden input through `@inquirer/password` (echoing nothing, not even
 * `*`, which would show the password's length, as OMERO's getpass does; loaded on first use), visible input through `node:readline`; both write to `output` (stderr), never to
 * stdout.
 */
export function terminalPrompter(input: InputStream, output: PromptOutput): Prompter {
  return {
    async hidden(message) {
      const { default: password } = await import('@inquirer/password');
      // The prompt settles on Ctrl-C but not when its input ends; abort it then ourselves.
      const ended = new AbortController();
      const onEnd = (): void => ended.abort();
      input.once('end', onEnd);
      try {
        return await password(
          { message: message.trimEnd(), mask: false, toggleMask: false, theme: { style: { maskedText: '' } } },
          { input, output, clearPromptOnDone: false, signal: ended.signal },
        );
      } catch (err) {
        if (err instanceof Error && (err.name === 'ExitPromptError' || err.name === 'AbortPromptError')) {
          throw new InputCancelledError();
        }
        throw err;
      } finally {
        input.removeListener('end', onEnd);
      }
    },
    line(question) {
      return new Promise((resolve, reject) => {
        const rl = createInterface({ input, output, terminal: true });
        let answered = false;
        rl.on('SIGINT', () => rl.close());
        rl.on('close', () => {
          if (!answered) reject(new InputCancelledError());
        });
        rl.question(question, (answer) => {
          answered = true;
          rl.close();
          resolve(answer);
        });
      });
    },
  };
}

/**
 * Asks one question with echo (OMERO's `Server:` / `Username:` prompts, reference cli §9.2
 * step 5), after the terminal rule: without terminals it throws `NotATerminalError` naming
 * `what` (`server`, `username`, …).
 */
export async function promptLine(question: string, options: PromptIO & { readonly what?: string } = {}): Promise<string> {
  const io = requireTerminal(options, options.what ?? 'input');
  return io.prompter.line(question);
}

/**
 * Asks once for a hidden value, which may be empty (e.g. `user password` asking for the
 * caller's own password, reference cli §2.5). Terminal rule as {@link promptLine}.
 */
export async function promptPassword(message: string, options: PromptIO = {}): Promise<string> {
  const io = requireTerminal(options, 'password');
  return io.prompter.hidden(message);
}
