import type { LoginRequest } from '../contract/index.js';
import { ClientError } from '../model/index.js';

/**
 * The login request of `client.createSession(username, password)`, from the arguments or the
 * client's properties (`omero.user`, `omero.pass`, `omero.group`, `omero.agent`, `omero.sudo`),
 * for the blocking and the async client alike.
 */
export function loginRequest(props: ReadonlyMap<string, string>, username?: string | null, password?: string | null): LoginRequest {
  const user = username ?? props.get('omero.user');
  const pass = password ?? props.get('omero.pass');
  if (!user) throw new ClientError('No username specified');
  if (pass === undefined || pass === null) throw new ClientError('No password specified');
  return {
    op: 'login',
    username: String(user),
    password: String(pass),
    group: props.get('omero.group'),
    agent: props.get('omero.agent') ?? 'omero-shell',
    // `omero.sudo`: the password is this administrator's (or group owner's), the session the user's.
    ...(props.get('omero.sudo') ? { sudo: props.get('omero.sudo') } : {}),
  };
}

/** Refuses a second session on one client, as omero-py does. */
export function assertNoSession(active: boolean): void {
  if (active) throw new ClientError('Session already active. Create a new omero.client or closeSession()');
}

/** `value` of an attached session, or omero-py's ClientError "No session available". */
export function requireSession<T>(value: T | null): T {
  if (value === null) throw new ClientError('No session available');
  return value;
}
