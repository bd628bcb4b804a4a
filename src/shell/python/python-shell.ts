import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { OmeroClient } from '../../client/omero-client.js';
import { CliError } from '../../cli/cli-error.js';
import { err, type CliIO } from '../../cli/cli-io.js';
import type { Connection } from '../../cli/login/connect.js';
import { omeroDirs } from '../../env/omero-dirs.js';
import { PythonHost } from './python-host.js';

/** What `omero shell --python` hands to the Python shell. */
export interface PythonShellOptions {
  readonly io: CliIO;
  /** A script to run instead of the prompt (`omero shell --login --python script.py`). */
  readonly file: string | undefined;
  readonly format: 'seed' | 'current';
  /** Logs in (`--login`); null for a shell without a session. */
  readonly login: (() => Promise<Connection>) | null;
}

/**
 * `omero shell [--login] --python [FILE]`: Python (CPython on WebAssembly, Pyodide) with the
 * package `omero` over the shell's connection. Python starts loading before the login, so the
 * two overlap. On a terminal, the prompt; otherwise (a FILE, or standard input not a terminal)
 * the whole script runs and the status is 1 if any statement failed. Returns the exit status.
 */
export async function runPythonShell(o: PythonShellOptions): Promise<number> {
  const { io } = o;
  const interactive = o.file === undefined && Boolean(io.stdin.isTTY);
  const write = (fd: 1 | 2, text: string) => void (fd === 1 ? io.stdout : io.stderr).write(text);
  io.stderr.write('starting Python…\n');
  const host = new PythonHost(o.format, { write });
  try {
    const connection = o.login ? await o.login() : null;
    // Python joins the connection's session over the connection's own transport; without a login,
    // `omero.client('localhost')` in Python goes where it would go here.
    host.useTransport(() => (connection ? connection.client.blocking().getTransport() : new OmeroClient('localhost').getTransport()));
    try {
      await host.ready();
    } catch (e) {
      throw new CliError(1, (e as Error).message);
    }
    const loggedIn = await host.send({ t: 'login', key: connection?.client.getSessionId() ?? null });
    if (loggedIn.failures) throw new CliError(1, 'Could not preload the session in Python (see the traceback above)');
    const who = connection?.client.getSessionInfo();
    const banner = who
      ? `omero-shell (Python): logged in as ${who.userName}@${connection!.host}. Preloaded: client, session, admin_service, query_service, update_service, omero. help(obj), dir(obj), Tab; exit() or Ctrl-D to leave.`
      : 'omero-shell (Python): not logged in (use `omero shell --login --python`). Preloaded: omero.';
    if (!interactive) return await runScript(o, host, banner);
    const { startPythonPrompt } = await import('./python-prompt.js');
    const dirs = omeroDirs(io.env);
    const historyFile = join(dirs.userDir, 'history', who ? `python-${who.userName}@${connection!.host}` : 'python');
    return await startPythonPrompt({ host, input: io.stdin, output: io.stdout, historyFile, banner });
  } finally {
    await host.close();
  }
}

async function runScript(o: PythonShellOptions, host: PythonHost, banner: string): Promise<number> {
  let source: string;
  try {
    source = o.file !== undefined ? await readFile(o.file, 'utf8') : await readAll(o.io.stdin);
  } catch (e) {
    throw new CliError(1, `Cannot read ${o.file ?? 'standard input'}: ${(e as Error).message}`);
  }
  err(o.io, banner);
  const onSigint = () => host.interrupt();
  process.on('SIGINT', onSigint);
  try {
    const reply = await host.send({ t: 'script', source, filename: o.file ?? '<stdin>' });
    if (reply.exit !== undefined) return reply.exit;
    return (reply.failures ?? 0) > 0 ? 1 : 0;
  } finally {
    process.off('SIGINT', onSigint);
  }
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8');
}
