import { Command } from 'commander';
import { CliError } from '../cli-error.js';
import type { CliIO } from '../cli-io.js';
import { parseIntArgument } from '../conventions.js';
import { loginArgs, withLoginOptions } from '../login-options.js';
import { sessionDirIO, withSessionDirOption } from '../sessions/session-dir-option.js';

/** omero-py's `sessions.login` docstring, for this CLI (only the local engine can be reached). */
const LOGIN_HELP = `Login to a given server, and store session key locally.

USER, HOST, and PORT are set as args or in a ssh-style connection string.
PASSWORD can be entered interactively, or passed via -w (insecure!),
OMERO_PASSWORD, or the first line of standard input with --password-stdin.
Alternatively, a session KEY can be passed with '-k'.

Examples:
  omero login localhost
  omero login root@localhost
  omero login root@localhost:4064
  omero login -k SESSIONKEY localhost
  omero login -t 300 root@localhost
`;

/** What `sessions logout` says about itself (omero-py). */
const LOGOUT_HELP = 'Logout and remove current session key';

/**
 * `omero login [-t SECS] [connection]` and `omero sessions login` (reference cli §9.2): create or
 * reuse a session and store it under OMERO_SESSIONDIR. The connection string
 * `[USER@]HOST[:PORT]` may replace `-s`, `-u`, `-p` (giving both is rc 3, 4 or 5). `-t` sets the
 * idle timeout of a session this login creates and is stored as `omero.timeout`.
 */
export function loginCommand(io: CliIO, name = 'login'): Command {
  const cmd = withSessionDirOption(
    withLoginOptions(new Command(name).summary("Shortcut for 'sessions login'").description(LOGIN_HELP))
      .option('-t, --timeout <TIMEOUT>', 'Timeout for session. After this many inactive seconds, the session will be closed', parseIntArgument)
      .argument('[connection]', 'Connection string. See extended help for examples'),
  );
  cmd.action(async (connection: string | undefined, opts: { timeout?: number }) => {
    const args = { ...loginArgs(cmd) };
    if (connection) {
      const { parseConnection } = await import('../login/connect.js');
      if (args.server) throw new CliError(3, `Server specified twice: ${connection} and ${args.server}`);
      const c = parseConnection(connection);
      if (args.user && c.user) throw new CliError(4, `Username specified twice: ${c.user} and ${args.user}`);
      if (args.port && c.port) throw new CliError(5, `Port specified twice: ${c.port} and ${args.port}`);
      Object.assign(args, { server: c.host ?? undefined, user: args.user ?? c.user ?? undefined, port: args.port ?? c.port ?? undefined });
    }
    const { connect } = await import('../login/connect.js');
    const c = await connect(args, sessionDirIO(cmd, io), { timeoutSeconds: opts.timeout });
    await c.client.closeSession();
  });
  return cmd;
}

/**
 * `omero logout` and `omero sessions logout` (reference cli §9.3): close the current session on
 * the server (errors ignored) and forget it locally; the last host and user stay. Silent, rc 0.
 */
export function logoutCommand(io: CliIO, name = 'logout'): Command {
  const cmd = withSessionDirOption(new Command(name).summary("Shortcut for 'sessions logout'").description(LOGOUT_HELP));
  cmd.action(async () => {
    const { asyncTransportForSession, openSessionStore } = await import('../login/connect.js');
    const { AsyncOmeroClient } = await import('../../client/async-client.js');
    const sio = sessionDirIO(cmd, io);
    const store = await openSessionStore(sio);
    const current = await store.getCurrent();
    if (!current.user || !current.uuid) return;
    const port = (await store.get(current.host, current.user, current.uuid))?.['omero.port'] ?? null;
    const client = new AsyncOmeroClient(asyncTransportForSession(sio, current.host, port));
    try {
      await client.joinSession(current.uuid);
      await client.killSession();
    } catch {
      /* already gone on the server */
    }
    await store.remove(current.host, current.user, current.uuid);
  });
  return cmd;
}
