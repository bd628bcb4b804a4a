import { Command } from 'commander';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { OmeroClient } from '../../client/omero-client.js';
import { closeAsyncTransports } from '../../client/transport/shared-transport.js';
import { omeroDirs } from '../../env/omero-dirs.js';
import { exitAtOnceWhenDone } from '../../startup/exit-at-once.js';
import { CliError } from '../cli-error.js';
import { err, type CliIO } from '../cli-io.js';
import { loginArgs, withLoginOptions } from '../login-options.js';
import type { Connection } from '../login/connect.js';

/**
 * `omero [login args] shell [--login] [FILE]`: the TypeScript REPL with `client`, `session`,
 * `admin_service`, `query_service`, `update_service` preloaded (reference cli §7). Login
 * arguments are also accepted after `shell --login`. With standard input not a terminal, or a
 * FILE, the input runs statement by statement and the exit status is 1 if any failed.
 */
export function shellCommand(io: CliIO): Command {
  const cmd = withLoginOptions(
    new Command('shell')
      .description('Start an interactive shell; with --login, logged in with client, session and services preloaded')
      .option('--login', 'log in first (stored sessions are reused; the password is prompted if needed)')
      .option('--python', 'a Python prompt (CPython on WebAssembly) where the documents\' Python runs as written')
      .option('--format <LAYOUT>', "Ice print layout: 'seed' (as seed 002 shows it) or 'current'", 'seed')
      .argument('[file]', 'a TypeScript (or with --python, Python) file to run instead of reading standard input'),
  );
  cmd.action(async (file: string | undefined, opts: { login?: boolean; python?: boolean; format: string }) => {
    if (opts.format !== 'seed' && opts.format !== 'current') throw new CliError(2, `argument --format: invalid choice: '${opts.format}'`);
    if (opts.python) {
      const status = await runPython(cmd, io, file, opts.login === true, opts.format as 'seed' | 'current');
      if (status !== 0) throw new CliError(status, '');
      return;
    }
    let connection: Connection | null = null;
    const interactive = file === undefined && io.stdin.isTTY === true;
    // On a terminal the REPL will be needed: load it now, while the login's socket (opened as the
    // command line loaded, src/startup/early-server.ts) connects.
    if (opts.login && interactive) await import('../../shell/interactive-shell.js');
    let client: OmeroClient | null = null;
    if (opts.login) {
      const { blockingClient, connect } = await import('../login/connect.js');
      connection = await connect(loginArgs(cmd), io, { blocking: true });
      client = blockingClient(connection);
      // The login's socket (this thread's): the shell's calls go through its connection thread.
      // At a prompt that thread may start only with the first statement: until then the login's
      // connection stays, so that an auto-started server does not count the shell as gone.
      if (!interactive) closeAsyncTransports();
    }
    try {
      const status = await runShell(io, client, file, opts.format as 'seed' | 'current', connection);
      if (status !== 0) throw new CliError(status, '');
    } finally {
      client?.closeSession();
    }
  });
  return cmd;
}

/** `--python`: the Python shell (src/shell/python), over the same login. */
async function runPython(cmd: Command, io: CliIO, file: string | undefined, login: boolean, format: 'seed' | 'current'): Promise<number> {
  const { runPythonShell } = await import('../../shell/python/python-shell.js');
  const { connect } = await import('../login/connect.js');
  let connection: Connection | null = null;
  try {
    return await runPythonShell({
      io,
      file,
      format,
      login: login
        ? async () => {
            connection = await connect(loginArgs(cmd), io, { blocking: true });
            closeAsyncTransports();
            return connection;
          }
        : null,
    });
  } finally {
    await (connection as Connection | null)?.client.closeSession();
  }
}

async function runShell(io: CliIO, client: OmeroClient | null, file: string | undefined, format: 'seed' | 'current', c: Connection | null): Promise<number> {
  const writer = { format, stacks: false, colors: Boolean(io.stdout.isTTY) && !io.env.NO_COLOR };
  const who = client?.getSessionInfo();
  const banner = who
    ? `omero-shell: logged in as ${who.userName}@${c?.host ?? 'localhost'}. Preloaded: client, session, admin_service, query_service, update_service, omero (type .help)`
    : 'omero-shell: not logged in (use `omero shell --login`). Preloaded: omero (type .help)';
  if (file !== undefined || !io.stdin.isTTY) {
    const { runScript } = await import('../../shell/script-runner.js');
    let source: string;
    try {
      source = file !== undefined ? await readFile(file, 'utf8') : await readAll(io.stdin);
    } catch (e) {
      throw new CliError(1, `Cannot read ${file ?? 'standard input'}: ${(e as Error).message}`);
    }
    err(io, banner);
    const failures = await runScript(source, client, io, writer);
    return failures > 0 ? 1 : 0;
  }
  const { startInteractive } = await import('../../shell/interactive-shell.js');
  const historyFile = who ? join(omeroDirs(io.env).userDir, 'history', `shell-${who.userName}@${c?.host ?? 'localhost'}`) : join(omeroDirs(io.env).userDir, 'history', 'shell');
  const password = c?.password ?? (io.env.OMERO_PASSWORD || null);
  await startInteractive({ client, input: io.stdin, output: io.stdout, historyFile, writer, banner, host: c?.host ?? 'localhost', password, releaseLogin: closeAsyncTransports });
  // The REPL has closed and its history is written; the session is closed below, by a blocking call.
  exitAtOnceWhenDone();
  return 0;
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8');
}
