import repl, { type REPLServer } from 'node:repl';
import type { OmeroClient } from '../client/omero-client.js';
import { installAllModelMembers, setDefaultIceLayout } from '../model/index.js';
import { captureEvalErrors } from './eval-errors.js';
import { showsValue } from './eval-result.js';
import { HISTORY_SIZE, HistoryFile } from './history-file.js';
import { HistoryFilter } from './history-filter.js';
import { finishInterruptedWrite, settled } from './interrupted-write.js';
import { nameCache } from './name-cache.js';
import { QueryHints } from './query-hints.js';
import { SessionKeeper, isSessionEnded } from './session-keeper.js';
import { defineShellCommands } from './shell-commands.js';
import { seedContext } from './shell-context.js';
import { shellHelpers } from './shell-helpers.js';
import { shellInput } from './shell-input.js';
import { formatError, formatValue, isError, type WriterOptions } from './shell-writer.js';
import { preloadTransformer, transformInput } from './transform-input.js';

/** What the interactive shell needs from its caller. */
export interface InteractiveOptions {
  readonly client: OmeroClient | null;
  readonly input: NodeJS.ReadableStream;
  readonly output: NodeJS.WritableStream & { isTTY?: boolean };
  /** The history file (0600); null keeps no history. */
  readonly historyFile: string | null;
  readonly writer: WriterOptions;
  /** A line printed before the first prompt. */
  readonly banner: string;
  /** The server's name for messages (`user-2@localhost`). Default `localhost`. */
  readonly host?: string;
  /**
   * The login password, when the shell had one (typed at login, or OMERO_PASSWORD): used to log
   * in again without asking, and its history never keeps a line holding it.
   */
  readonly password?: string | null;
  /** Where hints go (the empty-result hint). Default standard error. */
  readonly hints?: { write(s: string): unknown };
  /**
   * Closes the login's own connection, once the client's connection thread has been started (by
   * the first statement): until then it is the shell's only connection to its server.
   */
  readonly releaseLogin?: () => void;
}

// esbuild's default service (a worker thread and a child process, started by the first
// transform) made Ctrl-C unreliable: the terminal's SIGINT also kills that child, and a statement
// that started the service sometimes could not be interrupted. One esbuild process per transform
// (~8 ms, once per statement typed) has neither problem. Read when esbuild is first loaded.
process.env.ESBUILD_WORKER_THREADS ??= '0';

/** Node's code for a statement stopped by Ctrl-C under `breakEvalOnSigint`. */
const INTERRUPTED = 'ERR_SCRIPT_EXECUTION_INTERRUPTED';

/**
 * The interactive REPL: Node's own REPL with its default eval wrapped (TypeScript stripped
 * first, `...` continuation for incomplete input, `x?` and `exit` recognised), a compact writer,
 * dot-commands, Ctrl-C that interrupts the running statement, 1,000 lines of history without
 * secrets, and a session kept alive — or, once it has ended, an offer to log in again.
 * Resolves when the user leaves (exit, .exit, Ctrl-D, Ctrl-C twice).
 */
export function startInteractive(o: InteractiveOptions): Promise<void> {
  const client = o.client;
  const user = client?.getSessionInfo()?.userName ?? null;
  const host = o.host ?? 'localhost';
  const state: WriterOptions = { ...o.writer, names: client ? nameCache(() => client) : null };
  let releaseLogin = (): void => {
    releaseLogin = () => undefined;
    o.releaseLogin?.();
  };
  setDefaultIceLayout(state.format);
  const say = (line: string) => void o.output.write(`${line}\n`);
  say(o.banner);
  const r = repl.start({
    // The login's answer named the session's current group a moment ago: no call for the first prompt.
    prompt: promptFor(client, client?.getSessionInfo()?.groupName),
    input: o.input,
    output: o.output,
    terminal: Boolean(o.output.isTTY),
    useGlobal: false,
    ignoreUndefined: true,
    preview: false,
    // Read by Node's default eval, which our wrapper still calls (STYLE §3.4; a custom `eval`
    // option would forbid it): Ctrl-C stops a busy loop, and V8's TerminateExecution also wakes
    // a call waiting on the server in Atomics.wait (worker-transport.ts).
    breakEvalOnSigint: true,
    historySize: HISTORY_SIZE,
    writer: (value: unknown) => formatValue(value, state),
  } as repl.ReplOptions);
  // The transformer loads once the user starts typing, not before the prompt (issue 10: start-up),
  // unless that input was the way out.
  let closed = false;
  r.once('exit', () => (closed = true));
  o.input.once('data', () => setImmediate(() => closed || preloadTransformer()));
  let leaving = false;
  let asking = false;
  const keeper = client && user ? new SessionKeeper(client) : null;
  keeper?.start();
  const helpers = shellHelpers((text) => void o.output.write(text), state, () => {
    leaving = true;
  });
  const seed = (ctx: Record<string, unknown>) => seedContext(ctx, client, helpers);

  /** Asks one question on the prompt line; `hidden` echoes nothing (passwords). */
  const ask = (query: string, hidden: boolean) =>
    new Promise<string>((resolve) => {
      asking = true;
      const rl = r as unknown as { _writeToOutput: (s: string) => void };
      const write = rl._writeToOutput;
      if (hidden) {
        o.output.write(query);
        rl._writeToOutput = () => undefined;
      }
      r.question(hidden ? '' : query, (answer) => {
        if (hidden) {
          rl._writeToOutput = write;
          o.output.write('\n');
        }
        asking = false;
        resolve(answer);
      });
    });

  const login = async (): Promise<void> => {
    if (!client || !user) return say('Not logged in: start the shell with `omero shell --login`.');
    const password = o.password || (r.terminal ? await ask('Password: ', true) : '');
    if (!password) return say('No password: cannot log in again here (set OMERO_PASSWORD or use a terminal).');
    try {
      client.closeSession();
    } catch {
      /* the old session is gone already */
    }
    try {
      client.createSession(user, password);
    } catch (e) {
      return say(isError(e) ? formatError(e, state) : String(e));
    }
    seed(r.context);
    keeper?.start();
    r.setPrompt(promptFor(client));
    say(`Logged in again as ${user}@${host} (group ${currentGroup(client) ?? client.getSessionInfo()?.groupName}).`);
  };

  const sessionEnded = async (e: Error): Promise<void> => {
    keeper?.stop();
    r.setPrompt('omero (no session)> ');
    say(`The session of ${user}@${host} has ended: ${e.message}.`);
    if (!r.terminal) return say('.login logs in again.');
    const again = await ask(`Log in again as ${user}@${host}? [Y/n] `, false);
    if (/^\s*n/i.test(again)) return say('Not logged in: .login logs in again, exit leaves.');
    await login();
  };

  const hints = o.hints ?? process.stderr;
  /** Reports a failed statement; resolves once the shell may show its prompt again. */
  const report = async (e: unknown): Promise<void> => {
    (r as unknown as { lastError: unknown }).lastError = e;
    if ((e as { code?: unknown } | null)?.code === INTERRUPTED) {
      // The interrupt may have cut a write to the terminal, which would then take no more output.
      await settled();
      for (const stream of new Set([o.output, hints])) finishInterruptedWrite(stream);
      return say('KeyboardInterrupt: the statement was stopped (Ctrl-C).');
    }
    if (user && isSessionEnded(e)) return sessionEnded(e as Error);
    say(isError(e) ? formatError(e, state) : `Uncaught ${formatValue(e, state)}`);
  };

  QueryHints.install();
  const nodeEval = r.eval;
  const wrapped: repl.REPLEval = function (this: REPLServer, code, context, file, cb) {
    const own = shellInput(code);
    if (own?.kind === 'exit') return void r.close();
    // A statement may list a class's methods before any instance exists (help, dir, and Tab,
    // whose completer evaluates what precedes the dot here): every model class gets its lazy
    // members first. Not on the first keystroke: a shell left with `.exit` never needs them.
    installAllModelMembers();
    // A connection thread started when needed (the first prompt needed none) starts now, while
    // the statement is transformed; the login's connection is then no longer needed.
    client?.getTransport().start?.();
    releaseLogin();
    const t = transformInput(own?.kind === 'help' ? helpCall(own.target) : code);
    if (t.kind === 'incomplete') return cb(new repl.Recoverable(new SyntaxError('Unexpected end of input')), undefined);
    if (t.kind === 'error') {
      say(`SyntaxError: ${t.message}`);
      return cb(null, undefined);
    }
    QueryHints.reset();
    nodeEval.call(r, t.code, context, file, (err, result) => {
      if (leaving) return void r.close();
      const hint = err ? null : QueryHints.hint(client);
      if (hint) hints.write(`${hint}\n`);
      if (err) {
        if (err instanceof repl.Recoverable) return cb(err, undefined);
        return void report(err).finally(() => cb(null, undefined));
      }
      // Node's completer evaluates `try { expr } catch {}` to list members: give it the value.
      const completing = /^try \{ [^]* \} catch \{\}$/.test(code);
      cb(null, completing || showsValue(t.code, result, context as Record<string, unknown>) ? result : undefined);
    });
  };
  (r as unknown as { eval: repl.REPLEval }).eval = wrapped;
  captureEvalErrors(r, (e) => {
    void report(e).finally(() => {
      r.clearBufferedCommand();
      r.displayPrompt();
    });
  });
  seed(r.context);
  r.on('reset', (ctx) => seed(ctx));
  defineShellCommands(r, {
    client,
    state,
    say,
    refreshPrompt: () => r.setPrompt(promptFor(client)),
    whoami: () => whoami(client, host),
    login,
  });
  // The key is read per line: a login again in place (or `client.createSession(...)`) brings a new one.
  const secrets = new HistoryFilter(() => [o.password, client?.getSessionInfo()?.key]);
  if (o.historyFile) keepHistory(r, new HistoryFile(o.historyFile), secrets, () => asking);
  return new Promise((resolve) =>
    r.on('exit', () => {
      keeper?.stop();
      resolve();
    }),
  );
}

/** Loads the history and saves it after each line, leaving out secrets and answers to questions. */
function keepHistory(r: REPLServer, file: HistoryFile, secrets: HistoryFilter, asking: () => boolean): void {
  const history = (r as unknown as { history?: string[] }).history;
  if (!history) return;
  history.splice(0, history.length, ...file.load());
  r.on('history', (h: string[]) => {
    if (h.length > 0 && (asking() || secrets.isSecret(h[0]!))) h.shift();
    if (asking()) return;
    const failed = file.save(h);
    if (failed) r.output.write(`(history not saved: ${failed.message})\n`);
  });
}

/** `help(a.b, 'a.b', a)`: the owner lets help name the class of a method. */
function helpCall(target: string): string {
  const dot = target.lastIndexOf('.');
  const owner = dot > 0 && !target.endsWith(')') ? target.slice(0, dot) : 'undefined';
  return `help(${target}, ${JSON.stringify(target)}, ${owner})`;
}

/** The prompt, with the session's current group (`group` when the caller knows it, else asked). */
function promptFor(client: OmeroClient | null, group?: string): string {
  const info = client?.getSessionInfo();
  return info ? `omero ${info.userName}@${group ?? currentGroup(client!) ?? info.groupName}> ` : 'omero> ';
}

function currentGroup(client: OmeroClient): string | null {
  try {
    return client.getSession().getAdminService().getEventContext().groupName;
  } catch {
    return null;
  }
}

function whoami(client: OmeroClient | null, host: string): string {
  const info = client?.getSessionInfo();
  if (!client || !info) return 'Not logged in (.login logs in again; start with `omero shell --login`).';
  try {
    const ec = client.getSession().getAdminService().getEventContext();
    return `${ec.userName}@${host}, group ${ec.groupName} (session idle timeout ${Math.round(Number(info.timeToIdleMs) / 60000)} min)`;
  } catch (e) {
    if (isSessionEnded(e)) return `${info.userName}@${host}: the session has ended (${(e as Error).message}); .login logs in again`;
    return `${info.userName}@${host}: ${(e as Error).message}`;
  }
}
