import { Writable, Readable } from 'node:stream';
import repl, { type REPLServer } from 'node:repl';
import type { OmeroClient } from '../client/omero-client.js';
import { seedContext } from './shell-context.js';
import { formatError, formatValue, isError, pythonPrintText, pythonRepr, type WriterOptions } from './shell-writer.js';
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
export async function runScript(source: string, client: OmeroClient | null, io: ScriptIO, options: WriterOptions): Promise<number> {
  const t = transformInput(source);
  if (t.kind !== 'js') {
    io.stderr.write(`SyntaxError: ${t.kind === 'incomplete' ? 'unexpected end of input' : t.message}\n`);
    return 1;
  }
  let statements;
  try {
    statements = splitStatements(t.code);
  } catch (e) {
    io.stderr.write(`SyntaxError: ${(e as Error).message}\n`);
    return 1;
  }
  const server = quietRepl();
  captureEvalErrors(server, (e) => pending?.(e));
  const print = (...args: unknown[]) => void io.stdout.write(`${pythonPrintText(args, options)}\n`);
  seedContext(server.context, client, print, (v) => pythonRepr(v, options));
  let failures = 0;
  try {
    for (const s of statements) {
      try {
        const value = await evaluate(server, s.code);
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
