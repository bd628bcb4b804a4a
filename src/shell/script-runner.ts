import { Console } from 'node:console';
import { Writable, Readable } from 'node:stream';
import repl, { type REPLServer } from 'node:repl';
import type { OmeroClient } from '../client/omero-client.js';
import { installAllModelMembers, setDefaultIceLayout } from '../model/index.js';
import { nameCache } from './name-cache.js';
import { QueryHints } from './query-hints.js';
import { seedContext } from './shell-context.js';
import { shellHelpers } from './shell-helpers.js';
import { formatError, formatValue, isError, type WriterOptions } from './shell-writer.js';
import { captureEvalErrors } from './eval-errors.js';
import { showsValue } from './eval-result.js';
import { splitStatements } from './split-statements.js';
import { transformInput } from './transform-input.js';

/** Where a script's output goes. */
export interface ScriptIO {
  readonly stdout: { write(s: string): unknown };
  readonly stderr: { write(s: string): unknown };
}

/**
 * Runs a whole script (piped standard input or a file) statement by statement, in order, as if
 * typed: values of expression statements are printed, errors go to stderr and the script goes on.
 * Resolves to the number of statements that failed. Piping lines into the interactive REPL is
 * racy with top-level await (node-ecosystem §1), hence this runner.
 */
export async function runScript(source: string, client: OmeroClient | null, io: ScriptIO, writer: WriterOptions): Promise<number> {
  const options: WriterOptions = { ...writer, names: writer.names ?? (client ? nameCache(() => client) : null) };
  // As `python script.py`: a script that does not parse runs none of its statements.
  const t = transformInput(source);
  if (t.kind !== 'js') {
    const lines = source.split('\n');
    io.stderr.write(t.kind === 'incomplete' ? `[line ${lines.length}] SyntaxError: unexpected end of input\n` : `${syntaxErrorLine(t.message)}\n`);
    return 1;
  }
  let statements;
  try {
    statements = splitStatements(t.code);
  } catch (e) {
    // acorn reads esbuild's output, whose lines may differ from the source's: name acorn's line.
    const loc = (e as { loc?: { line: number } }).loc;
    io.stderr.write(`[line ${loc?.line ?? '?'}] SyntaxError: ${(e as Error).message.replace(/ \(\d+:\d+\)$/, '')}\n`);
    return 1;
  }
  setDefaultIceLayout(options.format);
  const server = quietRepl();
  captureEvalErrors(server, (e) => pending?.(e));
  let stopped = false;
  const helpers = shellHelpers((text) => void io.stdout.write(text), options, () => {
    stopped = true;
  });
  // A script may list a class's methods before any instance exists (help, dir).
  installAllModelMembers();
  seedContext(server.context, client, helpers);
  // The borrowed REPL's console writes to its own (discarded) output: give the script ours.
  Object.defineProperty(server.context, 'console', {
    value: new Console({ stdout: io.stdout as NodeJS.WritableStream, stderr: io.stderr as NodeJS.WritableStream }),
    writable: true,
    configurable: true,
    enumerable: false,
  });
  QueryHints.install();
  let failures = 0;
  try {
    for (const s of statements) {
      if (stopped) break;
      try {
        QueryHints.reset();
        const value = await evaluate(server, s.code);
        const hint = QueryHints.hint(client);
        if (hint) io.stderr.write(`[line ${s.line}] ${hint}\n`);
        if (value !== undefined && showsValue(s.code, value, server.context)) io.stdout.write(`${formatValue(value, options)}\n`);
      } catch (e) {
        failures++;
        const text = isError(e) ? formatError(e, options) : `Uncaught ${formatValue(e, options)}`;
        io.stderr.write(`[line ${s.line}] ${text}\n`);
      }
    }
  } finally {
    server.close();
  }
  return failures;
}

/** `[line N] SyntaxError: …` from esbuild's `text (line:column)`. */
function syntaxErrorLine(message: string): string {
  const m = / \((\d+):(\d+)\)$/.exec(message);
  return m ? `[line ${m[1]}] SyntaxError: ${message.slice(0, m.index)} (column ${m[2]})` : `SyntaxError: ${message}`;
}

/** A REPL server with no terminal: we only borrow Node's eval (top-level await, const persistence). */
function quietRepl(): REPLServer {
  const input = new Readable({ read() {} });
  const output = new Writable({ write(_c, _e, cb) { cb(); } });
  return repl.start({ input, output, prompt: '', terminal: false, useGlobal: false, ignoreUndefined: true });
}

/** Rejects the statement being evaluated: set while one runs, called by the domain handler. */
let pending: ((e: unknown) => void) | null = null;

function evaluate(server: REPLServer, code: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    pending = reject;
    server.eval(code, server.context, 'omero-shell', (err, result) => (err ? reject(err) : resolve(result)));
  }).finally(() => {
    pending = null;
  });
}
