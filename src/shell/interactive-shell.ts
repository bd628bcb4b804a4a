import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import repl, { type REPLServer } from 'node:repl';
import type { OmeroClient } from '../client/omero-client.js';
import { HistoryFilter } from './history-filter.js';
import { PRELOADED, seedContext } from './shell-context.js';
import { formatError, formatValue, isError, pythonPrintText, pythonRepr, type WriterOptions } from './shell-writer.js';
import { captureEvalErrors } from './eval-errors.js';
import { showsValue } from './eval-result.js';
import { transformInput } from './transform-input.js';

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
  /** The login password, when the shell had one: its history never keeps a line holding it. */
  readonly password?: string | null;
}

/**
 * The interactive REPL: Node's own REPL with its default eval wrapped (TypeScript stripped
 * first, `...` continuation for incomplete input), a pure Ice-style writer, dot-commands, and
 * history without secrets. Resolves when the user leaves (.exit, Ctrl-D, Ctrl-C twice).
 */
export function startInteractive(o: InteractiveOptions): Promise<void> {
  const state = { ...o.writer };
  const print = (...args: unknown[]) => void o.output.write(`${pythonPrintText(args, state)}\n`);
  o.output.write(`${o.banner}\n`);
  const r = repl.start({
    prompt: promptFor(o.client),
    input: o.input,
    output: o.output,
    terminal: Boolean(o.output.isTTY),
    useGlobal: false,
    ignoreUndefined: true,
    preview: false,
    writer: (value: unknown) => formatValue(value, state),
  });
  const nodeEval = r.eval;
  const wrapped: repl.REPLEval = function (this: REPLServer, code, context, file, cb) {
    const t = transformInput(code);
    if (t.kind === 'incomplete') return cb(new repl.Recoverable(new SyntaxError('Unexpected end of input')), undefined);
    if (t.kind === 'error') {
      o.output.write(`SyntaxError: ${t.message}\n`);
      return cb(null, undefined);
    }
    nodeEval.call(r, t.code, context, file, (err, result) => {
      if (err) {
        if (err instanceof repl.Recoverable) return cb(err, undefined);
        (r as unknown as { lastError: unknown }).lastError = err;
        o.output.write(`${isError(err) ? formatError(err, state) : `Uncaught ${formatValue(err, state)}`}\n`);
        return cb(null, undefined);
      }
      // Node's completer evaluates `try { expr } catch {}` to list members: give it the value.
      const completing = /^try \{ [^]* \} catch \{\}$/.test(code);
      cb(null, completing || showsValue(t.code, result, context as Record<string, unknown>) ? result : undefined);
    });
  };
  (r as unknown as { eval: repl.REPLEval }).eval = wrapped;
  captureEvalErrors(r, (e) => {
    // `_error` reads lastError; assigning `_error` itself would switch that off.
    (r as unknown as { lastError: unknown }).lastError = e;
    o.output.write(`${isError(e) ? formatError(e, state) : `Uncaught ${formatValue(e, state)}`}\n`);
    r.clearBufferedCommand();
    r.displayPrompt();
  });
  seedContext(r.context, o.client, print, (v) => pythonRepr(v, state));
  r.on('reset', (ctx) => seedContext(ctx, o.client, print, (v) => pythonRepr(v, state)));
  defineCommands(r, o, state);
  if (o.historyFile) {
    mkdirSync(dirname(o.historyFile), { recursive: true, mode: 0o700 });
    r.setupHistory(o.historyFile, () => undefined);
    // The key is read per line: `client.createSession(...)` in the REPL gives the client a new one.
    const filter = new HistoryFilter(() => [o.password, o.client?.getSessionInfo()?.key]);
    r.on('history', () => {
      const h = (r as unknown as { history: string[] }).history;
      if (h.length > 0 && filter.isSecret(h[0]!)) h.shift();
    });
  }
  return new Promise((resolve) => r.on('exit', () => resolve()));
}

function promptFor(client: OmeroClient | null): string {
  const info = client?.getSessionInfo();
  return info ? `omero ${info.userName}@${currentGroup(client!) ?? info.groupName}> ` : 'omero> ';
}

function currentGroup(client: OmeroClient): string | null {
  try {
    return client.getSession().getAdminService().getEventContext().groupName;
  } catch {
    return null;
  }
}

function defineCommands(r: REPLServer, o: InteractiveOptions, state: WriterOptions): void {
  const done = () => {
    r.clearBufferedCommand();
    r.displayPrompt();
  };
  const say = (line: string) => o.output.write(`${line}\n`);
  r.defineCommand('help', {
    help: 'Print this help message',
    action() {
      const cmds = Object.entries((r as unknown as { commands: Record<string, { help?: string }> }).commands).sort(([a], [b]) => a.localeCompare(b));
      for (const [name, c] of cmds) say(`.${name.padEnd(10)}${c.help ?? ''}`);
      say('');
      say('Preloaded names:');
      for (const p of PRELOADED) say(`  ${p.name.padEnd(18)}${p.help}`);
      say('  ProjectI, rstring, ParametersI, Delete, DoAll, CmdCallbackI, …: as after the seed\'s `from omero.model import *` etc.');
      say('');
      say('Press Ctrl+C to abort the current line, Ctrl+D to exit the shell.');
      done();
    },
  });
  r.defineCommand('whoami', {
    help: 'Show the user, group and session of this shell',
    action() {
      const info = o.client?.getSessionInfo();
      if (!info) say('Not logged in (start with `omero shell --login`).');
      else say(`${info.userName}@${currentGroup(o.client!) ?? info.groupName} (session idle timeout ${Math.round(info.timeToIdleMs / 60000)} min)`);
      done();
    },
  });
  r.defineCommand('group', {
    help: 'Switch the session group: .group NAME (prefer {\'omero.group\': id} per call)',
    action(name: string) {
      const target = name.trim();
      if (!o.client || !target) {
        say(o.client ? 'usage: .group NAME' : 'Not logged in.');
        return done();
      }
      try {
        const sf = o.client.getSession();
        const admin = sf.getAdminService();
        const group = /^\d+$/.test(target) ? admin.getGroup(Number(target)) : admin.lookupGroup(target);
        sf.setSecurityContext(group);
        say(
          `Switched to group '${group.name!.val}' (id=${group.id!.val}). Note: switching the active group is ` +
            "discouraged (seed 002): it fails while stateful services are open; pass {'omero.group': id} per call instead.",
        );
        r.setPrompt(promptFor(o.client));
      } catch (e) {
        say(isError(e) ? formatError(e, state) : String(e));
      }
      done();
    },
  });
  r.defineCommand('format', {
    help: "Ice print layout: '.format seed' (as seed 002 shows it, default) or '.format current' (OMERO ≥ 5.4 fields)",
    action(arg: string) {
      const v = arg.trim();
      if (v === 'seed' || v === 'current') state.format = v;
      say(`format: ${state.format}`);
      done();
    },
  });
  r.defineCommand('stack', {
    help: "Show stack traces of errors: '.stack on' or '.stack off'",
    action(arg: string) {
      const v = arg.trim();
      if (v === 'on' || v === 'off') state.stacks = v === 'on';
      say(`stack traces: ${state.stacks ? 'on' : 'off'}`);
      done();
    },
  });
}
