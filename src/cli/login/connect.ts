import { userInfo } from 'node:os';
import { OmeroClient } from '../../client/omero-client.js';
import { openSessionStore as openStore, type SessionStore } from '../../client/session-store/index.js';
import { sharedTransport } from '../../client/transport/shared-transport.js';
import type { Transport } from '../../client/transport/transport.js';
import { PermissionDeniedException } from '../../model/index.js';
import { databaseConfigFromEnv } from '../../server/db/database-config.js';
import { CliError } from '../cli-error.js';
import { err, out, type CliIO } from '../cli-io.js';
import type { LoginArgs } from '../login-options.js';
import { loginBanner, type LoginAction } from './banner.js';
import { loginFailure } from './login-errors.js';

/** A logged-in CLI connection. */
export interface Connection {
  readonly client: OmeroClient;
  readonly host: string;
  readonly port: string;
  readonly user: string;
  readonly action: LoginAction;
  readonly store: SessionStore;
}

/** Dependencies a test may replace, and what only `login` asks for. */
export interface ConnectOptions {
  readonly transport?: Transport;
  readonly store?: SessionStore;
  /**
   * `login -t SECS`: the idle timeout, in seconds, of a session this login creates or joins by
   * key; stored as `omero.timeout`. 0 or absent: the server's default.
   */
  readonly timeoutSeconds?: number;
}

const LOCAL_PORT = '4064';

/** The session store of this environment (OMERO_SESSIONDIR …; keyring when one answers). */
export function openSessionStore(io: CliIO): Promise<SessionStore> {
  return openStore({ env: io.env });
}

/** The transport of this environment's engine (OMERO_DB_URL or the embedded database). */
export function environmentTransport(io: CliIO): Transport {
  return sharedTransport(databaseConfigFromEnv(io.env));
}

/**
 * OMERO's `sessions login` (reference cli §9.2): join `-k KEY`; else reuse the current stored
 * session when nothing asks otherwise; else reconnect to another stored session of that user;
 * else create one with a password from `-w`, OMERO_PASSWORD, `--password-stdin` or a hidden
 * prompt on a terminal. The banner goes to stderr; nothing to stdout but OMERO's notices.
 */
export async function connect(args: LoginArgs, io: CliIO, options: ConnectOptions = {}): Promise<Connection> {
  const store = options.store ?? (await openSessionStore(io));
  const transport = options.transport ?? environmentTransport(io);
  const parsed = parseConnection(args.server);
  let port = args.port ?? parsed.port ?? null;
  if (port !== null && !/^\d{1,5}$/.test(port)) throw new CliError(5, `Invalid port: ${port}`);
  const quiet = Boolean(args.quiet);
  const timeout = options.timeoutSeconds ? options.timeoutSeconds : null;
  // `--sudo ADMIN` travels as the client property `omero.sudo`: the login then checks ADMIN's password.
  const props: Record<string, string> = { ...(args.group ? { 'omero.group': args.group } : {}), ...(args.sudo ? { 'omero.sudo': args.sudo } : {}) };
  const newClient = () => new OmeroClient('localhost', transport, props);

  if (args.key) return joinByKey(args, io, store, newClient, parsed.host, port, quiet, timeout);

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
        const c = tryAttach(newClient(), current.uuid);
        if (c) return finish(io, store, c, 'Using', current.host, current.port, current.user, quiet, null);
        out(io, `Previous session expired for ${current.user} on ${current.host}:${current.port}`);
        await store.remove(current.host, current.user, current.uuid);
        expired = true;
      }
    }
    if (!expired && !quiet) out(io, `Previously logged in to ${current.host}:${current.port} as ${current.user}`);
  }
  // Step 5: ask for what is missing.
  if (host === null) ({ host, user, port } = await askServer(io, store, user, port));
  user ??= await askUser(io, current.host === host ? current.user : null);
  const thePort = port ?? LOCAL_PORT;

  // Step 7: another stored session of this user whose properties match.
  if (!args.create) {
    for (const uuid of await store.available(host, user)) {
      const conflict = await store.conflicts(host, user, uuid, { 'omero.port': port, 'omero.group': args.group ?? null }, false, true);
      if (conflict) {
        if (!quiet && !conflict.includes('omero.port')) err(io, `Skipped a stored session due to property conflicts: ${conflict}`);
        continue;
      }
      const c = tryAttach(newClient(), uuid);
      if (c) return finish(io, store, c, 'Reconnected to', host, thePort, user, quiet, null);
      await store.remove(host, user, uuid);
    }
  }
  return createSession(args, io, store, newClient, host, thePort, user, quiet, port, timeout);
}

async function createSession(
  args: LoginArgs,
  io: CliIO,
  store: SessionStore,
  newClient: () => OmeroClient,
  host: string,
  port: string,
  user: string,
  quiet: boolean,
  explicitPort: string | null,
  timeout: number | null,
): Promise<Connection> {
  const { readPassword } = await import('../input/index.js');
  const fromPrompt = !args.password && !io.env.OMERO_PASSWORD && !args.passwordStdin;
  for (let attempt = 1; ; attempt++) {
    let password: string;
    try {
      password = await readPassword({
        passwordFlag: args.password,
        env: io.env,
        passwordStdin: args.passwordStdin,
        stdin: io.stdin,
        stderr: io.stderr,
        ...(args.sudo ? { prompt: `Password for ${args.sudo}:` } : {}),
      });
    } catch (e) {
      throw loginFailure(e);
    }
    const client = newClient();
    try {
      client.createSession(user, password);
    } catch (e) {
      if (e instanceof PermissionDeniedException && fromPrompt && attempt < 3) {
        err(io, e.message);
        continue;
      }
      if (e instanceof PermissionDeniedException) {
        throw new CliError(524, fromPrompt ? '3 incorrect password attempts' : e.message);
      }
      throw loginFailure(e);
    }
    const props = sessionProps(args.group, host, user, explicitPort, timeout, args.sudo);
    const idle = timeout === null ? null : applyLoginTimeout(client, timeout, io);
    return finish(io, store, client, 'Created', host, port, user, quiet, props, idle);
  }
}

async function joinByKey(
  args: LoginArgs,
  io: CliIO,
  store: SessionStore,
  newClient: () => OmeroClient,
  host: string | null,
  explicitPort: string | null,
  quiet: boolean,
  timeout: number | null,
): Promise<Connection> {
  if (!quiet) {
    if (args.user) err(io, 'Overriding name since session key set');
    if (args.group) err(io, 'Ignoring group since session key set');
    if (args.password) err(io, 'Ignoring password since session key set');
  }
  const theHost = host ?? (await store.lastHost());
  const port = explicitPort ?? LOCAL_PORT;
  const key = args.key!;
  const client = tryAttach(newClient(), key);
  // The key is a secret: it is not repeated in the message (OMERO prints it).
  if (!client) {
    throw new CliError(523, `Bad session key. Cannot join the given session on ${theHost}${explicitPort === null ? '' : `:${explicitPort}`}.`);
  }
  const info = client.getSessionInfo()!;
  const known = await store.find(key, theHost);
  if (known) {
    // A key this store knows becomes the current session again (omero-py attaches it).
    return finish(io, store, client, 'Joined', theHost, port, known.user, quiet, null);
  }
  // A key from elsewhere is stored but does not move the current pointer (ticket 5975).
  const idle = timeout === null ? null : applyLoginTimeout(client, timeout, io);
  await store.add(theHost, info.userName, key, sessionProps(args.group, theHost, info.userName, explicitPort, timeout));
  client.getSession().detachOnDestroy();
  if (!quiet) {
    err(io, loginBanner('Joined', info.userName, theHost, port, idle ?? info.timeToIdleMs, currentGroupName(client) ?? info.groupName, info.timeToLiveMs));
  }
  return { client, host: theHost, port, user: info.userName, action: 'Joined', store };
}

/** A new session file's properties, in omero-py's order (reference cli §9.1). */
function sessionProps(group: string | undefined, host: string, user: string, port: string | null, timeout: number | null, sudo?: string): Record<string, string> {
  const props: Record<string, string> = {};
  if (group) props['omero.group'] = group;
  props['omero.host'] = host;
  props['omero.user'] = user;
  if (port !== null) props['omero.port'] = port;
  if (timeout !== null) props['omero.timeout'] = String(timeout);
  if (sudo) props['omero.sudo'] = sudo;
  return props;
}

/**
 * `login -t SECS` (omero-py `SessionsStore.create`): sets the new session's idle timeout unless
 * it already has that value. A refusal (a non-admin may only lower it) is a warning, not an
 * error. Returns the idle timeout now in force (ms), or null when unknown.
 */
function applyLoginTimeout(client: OmeroClient, seconds: number, io: CliIO): number | null {
  const info = client.getSessionInfo()!;
  if (seconds * 1000 === info.timeToIdleMs) return null;
  const svc = client.getSession().getSessionService();
  try {
    svc.updateTimeToIdle(null, seconds * 1000);
  } catch {
    err(io, 'UserWarning: Invalid session timeout requested when creating session.');
  }
  try {
    return Number(svc.getSession(info.key).timeToIdle?.val ?? info.timeToIdleMs);
  } catch {
    return null;
  }
}

async function finish(
  io: CliIO,
  store: SessionStore,
  client: OmeroClient,
  action: LoginAction,
  host: string,
  port: string,
  user: string,
  quiet: boolean,
  newProps: Record<string, string> | null,
  idleMs: number | null = null,
): Promise<Connection> {
  const info = client.getSessionInfo()!;
  client.getSession().detachOnDestroy();
  const props = newProps ?? (await store.get(host, info.userName, info.key)) ?? {};
  if (newProps) await store.add(host, info.userName, info.key, props);
  await store.setCurrent(host, info.userName, info.key, props);
  if (!quiet) err(io, loginBanner(action, info.userName, host, port, idleMs ?? info.timeToIdleMs, currentGroupName(client) ?? info.groupName, info.timeToLiveMs));
  return { client, host, port, user: info.userName, action, store };
}

function tryAttach(client: OmeroClient, key: string): OmeroClient | null {
  try {
    client.joinSession(key);
    return client;
  } catch {
    return null;
  }
}

function currentGroupName(client: OmeroClient): string | null {
  try {
    return client.getSession().getAdminService().getEventContext().groupName;
  } catch {
    return null;
  }
}

/**
 * Step 5 (reference cli §9.2): `Server: [<last host>:<port>]` on a terminal, the answer read as a
 * connection string (empty = the default). Without a terminal the last host is used: this CLI
 * only reaches the engine configured on this machine, so there is nothing to choose (OMERO fails
 * with rc 564 `stdin is not a terminal: cannot request server`).
 */
async function askServer(
  io: CliIO,
  store: SessionStore,
  user: string | null,
  port: string | null,
): Promise<{ host: string; user: string | null; port: string | null }> {
  const lastHost = await store.lastHost();
  if (io.stdin.isTTY !== true || io.stderr.isTTY !== true) return { host: lastHost, user, port };
  const shownPort = port ?? (await store.lastPort());
  const { promptLine } = await import('../input/index.js');
  let answer: string;
  try {
    answer = (await promptLine(`Server: [${lastHost}:${shownPort}] `, { stdin: io.stdin, stderr: io.stderr, what: 'server' })).trim();
  } catch (e) {
    throw loginFailure(e);
  }
  // The default keeps the port shown (omero-py then stores it as omero.port).
  if (!answer) return { host: lastHost, user, port: shownPort };
  const c = parseConnection(answer);
  return { host: c.host ?? lastHost, user: c.user ?? user, port: c.port ?? port };
}

async function askUser(io: CliIO, last: string | null): Promise<string> {
  const fallback = last ?? safeUserName();
  const { promptLine } = await import('../input/index.js');
  try {
    const answer = await promptLine(`Username: [${fallback}] `, { stdin: io.stdin, stderr: io.stderr, what: 'username' });
    return answer.trim() || fallback;
  } catch (e) {
    throw loginFailure(e);
  }
}

function safeUserName(): string {
  try {
    return userInfo().username;
  } catch {
    return 'root';
  }
}

/** `[USER@]HOST[:PORT]` (reference cli §9.2): the last `@` splits the user. */
export function parseConnection(s: string | undefined): { user: string | null; host: string | null; port: string | null } {
  if (!s) return { user: null, host: null, port: null };
  const m = /^((.+)@)?(.*?)(:(\d{1,5}))?$/.exec(s)!;
  return { user: m[2] ?? null, host: m[3] || null, port: m[5] ?? null };
}
