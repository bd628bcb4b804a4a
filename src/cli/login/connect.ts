import { AsyncOmeroClient } from '../../client/async-client.js';
import type { OmeroClient } from '../../client/omero-client.js';
import { DEFAULT_PORT, openSessionStore as openStore, type SessionStore } from '../../client/session-store/index.js';
import { asAsync, type AsyncTransport } from '../../client/transport/async-transport.js';
import { asyncTransportFor, transportFor } from '../../client/transport/shared-transport.js';
import type { Transport } from '../../client/transport/transport.js';
import { CliError } from '../cli-error.js';
import { err, out, type CliIO } from '../cli-io.js';
import type { LoginArgs } from '../login-options.js';
import { askServer, askUser } from './ask-login.js';
import { finishLogin, tryAttach } from './attach-session.js';
import { parseConnection } from './connection-string.js';
import { createSession } from './create-session.js';
import { joinByKey } from './join-by-key.js';
import type { Connection, LoginScope, SessionTransports } from './login-scope.js';

export type { Connection } from './login-scope.js';
export { parseConnection } from './connection-string.js';

/** Dependencies a test may replace, and what only `login` asks for. */
export interface ConnectOptions {
  readonly transport?: Transport;
  /**
   * Calls will block (the shell, which takes `blockingClient(connection)`): the login still goes
   * through this thread's own socket, which is open long before the connection thread (a second
   * Node environment) is ready, and the session is then handed to the blocking transport. Either
   * way the server is reached from this thread, without waiting for a worker.
   */
  readonly blocking?: boolean;
  readonly store?: SessionStore;
  /**
   * `login -t SECS`: the idle timeout, in seconds, of a session this login creates or joins by
   * key; stored as `omero.timeout`. 0 or absent: the server's default.
   */
  readonly timeoutSeconds?: number;
}

/** The session store of this environment (OMERO_SESSIONDIR …; keyring when one answers). */
export function openSessionStore(io: CliIO): Promise<SessionStore> {
  return openStore({ env: io.env });
}

/**
 * The transport to the server a stored session was made on: its host, and the port its file
 * records (none: the host's default server, for this machine the user directory's).
 */
export function transportForSession(io: CliIO, host: string, port: string | null): Transport {
  return transportFor({ host, port: port === null ? null : Number(port), env: io.env });
}

/** The same server as `transportForSession`, for calls that answer promises (no worker thread). */
export function asyncTransportForSession(io: CliIO, host: string, port: string | null): AsyncTransport {
  return asyncTransportFor({ host, port: port === null ? null : Number(port), env: io.env });
}

/** The shell's blocking client, holding the session a `connect(…, { blocking: true })` made. */
export function blockingClient(connection: Connection): OmeroClient {
  return connection.client.blocking();
}

/** `transportForSession` of this command's environment, for commands that visit many stored sessions. */
export function sessionTransports(io: CliIO): SessionTransports {
  return (host, port) => asyncTransportForSession(io, host, port);
}

/**
 * OMERO's `sessions login` (reference cli §9.2): join `-k KEY`; else reuse the current stored
 * session when nothing asks otherwise; else reconnect to another stored session of that user;
 * else create one with a password from `-w`, OMERO_PASSWORD, `--password-stdin` or a hidden
 * prompt on a terminal. The banner goes to stderr; nothing to stdout but OMERO's notices.
 */
export async function connect(args: LoginArgs, io: CliIO, options: ConnectOptions = {}): Promise<Connection> {
  const store = options.store ?? (await openSessionStore(io));
  const parsed = parseConnection(args.server);
  let port = args.port ?? parsed.port ?? null;
  if (port !== null && !/^\d{1,5}$/.test(port)) throw new CliError(5, `Invalid port: ${port}`);
  const scope: LoginScope = {
    args,
    io,
    store,
    quiet: Boolean(args.quiet),
    timeoutSeconds: options.timeoutSeconds ? options.timeoutSeconds : null,
    newClient: (host, port) => {
      // `--sudo ADMIN` travels as the client property `omero.sudo`: the login then checks ADMIN's password.
      const props: Record<string, string> = { ...(args.group ? { 'omero.group': args.group } : {}), ...(args.sudo ? { 'omero.sudo': args.sudo } : {}) };
      const where = { 'omero.host': host, ...(port === null ? {} : { 'omero.port': port }) };
      if (options.transport) return new AsyncOmeroClient(asAsync(options.transport), { ...where, ...props });
      const blocking = options.blocking ? transportForSession(io, host, port) : undefined;
      return new AsyncOmeroClient(asyncTransportForSession(io, host, port), { ...where, ...props }, blocking);
    },
  };

  if (args.key) return joinByKey(scope, parsed.host, port, DEFAULT_PORT);
  const storedPort = async (h: string, u: string, uuid: string): Promise<string | null> => (await store.get(h, u, uuid))?.['omero.port'] ?? null;

  const current = await store.getCurrent();
  let host = parsed.host;
  let user = args.user ?? parsed.user ?? null;
  // Step 4: the current session, unless something asks for another one.
  const sameHost = host === null || host === current.host;
  if (current.user && !args.create && sameHost && (user === null || user === current.user) && (port === null || port === current.port)) {
    let expired = false;
    if (current.uuid) {
      const conflict = args.group ? await store.conflicts(current.host, current.user, current.uuid, { 'omero.group': args.group }, true, true) : '';
      if (!conflict) {
        const c = await tryAttach(scope.newClient(current.host, await storedPort(current.host, current.user, current.uuid)), current.uuid);
        if (c) return finishLogin(scope, c, { action: 'Using', host: current.host, port: current.port, newProps: null, current });
        out(io, `Previous session expired for ${current.user} on ${current.host}:${current.port}`);
        await store.remove(current.host, current.user, current.uuid);
        expired = true;
      }
    }
    if (!expired && !scope.quiet) out(io, `Previously logged in to ${current.host}:${current.port} as ${current.user}`);
  }
  // Step 5: ask for what is missing.
  if (host === null) ({ host, user, port } = await askServer(io, store, user, port));
  user ??= await askUser(io, current.host === host ? current.user : null);
  const target = { host, port: port ?? DEFAULT_PORT, explicitPort: port };

  // Step 7: another stored session of this user whose properties match.
  if (!args.create) {
    for (const uuid of await store.available(host, user)) {
      const conflict = await store.conflicts(host, user, uuid, { 'omero.port': port, 'omero.group': args.group ?? null }, false, true);
      if (conflict) {
        if (!scope.quiet && !conflict.includes('omero.port')) err(io, `Skipped a stored session due to property conflicts: ${conflict}`);
        continue;
      }
      const c = await tryAttach(scope.newClient(host, port ?? (await storedPort(host, user, uuid))), uuid);
      if (c) return finishLogin(scope, c, { action: 'Reconnected to', host, port: target.port, newProps: null });
      await store.remove(host, user, uuid);
    }
  }
  return createSession(scope, target, user);
}
