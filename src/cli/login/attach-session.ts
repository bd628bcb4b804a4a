import type { AsyncOmeroClient } from '../../client/async-client.js';
import { DEFAULT_PORT, type CurrentSession } from '../../client/session-store/index.js';
import { SessionException } from '../../model/index.js';
import { err, type CliIO } from '../cli-io.js';
import { loginBanner, type LoginAction } from './banner.js';
import type { Connection, LoginScope } from './login-scope.js';

/**
 * Joins `key` with a new client, or null when the server says the session is gone (closed, timed
 * out, unknown). Any other failure is not a dead session, and propagates with the session still
 * stored: a server that cannot be reached (rc 554, 555, 556), or one this command must not use (a
 * server started by hand with other settings or another version: that was reported as an
 * expired session, and the stored session was deleted).
 */
export async function tryAttach(client: AsyncOmeroClient, key: string): Promise<AsyncOmeroClient | null> {
  try {
    await client.joinSession(key);
    return client;
  } catch (e) {
    if (e instanceof SessionException) return null;
    throw e;
  }
}

/** How `finishLogin` reports and records a connected client. */
export interface FinishOptions {
  readonly action: LoginAction;
  readonly host: string;
  readonly port: string;
  /** The properties of a new session file; null to keep the stored ones. */
  readonly newProps: Record<string, string> | null;
  /** The idle timeout to show, when `login -t` changed it. */
  readonly idleMs?: number | null;
  /**
   * The store's current-session pointer as it stood: when it already names this session (the
   * common `Using session …`), it is not written again (four files less per command).
   */
  readonly current?: CurrentSession;
}

/**
 * Makes a connected client the store's current session, detached so that ending the command
 * leaves the server session alive, and prints OMERO's banner (`Created session for …`).
 */
export async function finishLogin(scope: LoginScope, client: AsyncOmeroClient, o: FinishOptions): Promise<Connection> {
  const { io, store } = scope;
  const info = client.getSessionInfo()!;
  client.getSession().detachOnDestroy();
  const props = o.newProps ?? (await store.get(o.host, info.userName, info.key)) ?? {};
  if (o.newProps) await store.add(o.host, info.userName, info.key, props);
  const c = o.current;
  const unchanged = c !== undefined && c.host === o.host && c.user === info.userName && c.uuid === info.key && c.port === (props['omero.port'] ?? DEFAULT_PORT);
  if (!unchanged) await store.setCurrent(o.host, info.userName, info.key, props);
  if (!scope.quiet) {
    err(io, loginBanner(o.action, info.userName, o.host, o.port, o.idleMs ?? info.timeToIdleMs, info.groupName, info.timeToLiveMs));
  }
  return { client, host: o.host, port: o.port, user: info.userName, action: o.action, store };
}

/** A new session file's properties, in omero-py's order (reference cli §9.1). */
export function sessionProps(group: string | undefined, host: string, user: string, port: string | null, timeout: number | null, sudo?: string): Record<string, string> {
  const props: Record<string, string> = {};
  if (group) props['omero.group'] = group;
  props['omero.host'] = host;
  props['omero.user'] = user;
  if (port !== null) props['omero.port'] = port;
  if (timeout !== null) props['omero.timeout'] = String(timeout);
  // `--sudo`: which administrator made the session (reference cli §9.2).
  if (sudo) props['omero.sudo'] = sudo;
  return props;
}

/**
 * `login -t SECS` (omero-py `SessionsStore.create`): sets the new session's idle timeout unless
 * it already has that value. A refusal (a non-admin may only lower it) is a warning, not an
 * error. Returns the idle timeout now in force (ms), or null when unknown.
 */
export async function applyLoginTimeout(client: AsyncOmeroClient, seconds: number, io: CliIO): Promise<number | null> {
  const info = client.getSessionInfo()!;
  if (seconds * 1000 === info.timeToIdleMs) return null;
  const svc = client.getSession().getSessionService();
  try {
    await svc.updateTimeToIdle(null, seconds * 1000);
  } catch {
    err(io, 'UserWarning: Invalid session timeout requested when creating session.');
  }
  try {
    return Number((await svc.getSession(info.key)).timeToIdle?.val ?? info.timeToIdleMs);
  } catch {
    return null;
  }
}
