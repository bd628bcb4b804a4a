import { CliError } from '../cli-error.js';
import { err } from '../cli-io.js';
import { loginBanner } from './banner.js';
import { applyLoginTimeout, finishLogin, sessionProps, tryAttach } from './attach-session.js';
import type { Connection, LoginScope } from './login-scope.js';

/**
 * `login -k KEY`: joins a session by its key. A key this store knows becomes the current session
 * again; a key from elsewhere is stored but does not move the current pointer (ticket 5975).
 * `host` is the explicit host, or null for the last one used.
 */
export async function joinByKey(scope: LoginScope, host: string | null, explicitPort: string | null, defaultPort: string): Promise<Connection> {
  const { args, io, store, quiet } = scope;
  if (!quiet) {
    if (args.user) err(io, 'Overriding name since session key set');
    if (args.group) err(io, 'Ignoring group since session key set');
    if (args.password) err(io, 'Ignoring password since session key set');
  }
  const theHost = host ?? (await store.lastHost());
  const port = explicitPort ?? defaultPort;
  const key = args.key!;
  const client = await tryAttach(scope.newClient(theHost, explicitPort), key);
  // The key is a secret: it is not repeated in the message (OMERO prints it).
  if (!client) {
    throw new CliError(523, `Bad session key. Cannot join the given session on ${theHost}${explicitPort === null ? '' : `:${explicitPort}`}.`);
  }
  const info = client.getSessionInfo()!;
  const known = await store.find(key, theHost);
  if (known) return finishLogin(scope, client, { action: 'Joined', host: theHost, port, newProps: null });
  const timeout = scope.timeoutSeconds;
  const idle = timeout === null ? null : await applyLoginTimeout(client, timeout, io);
  await store.add(theHost, info.userName, key, sessionProps(args.group, theHost, info.userName, explicitPort, timeout));
  client.getSession().detachOnDestroy();
  if (!quiet) {
    err(io, loginBanner('Joined', info.userName, theHost, port, idle ?? info.timeToIdleMs, info.groupName, info.timeToLiveMs));
  }
  return { client, host: theHost, port, user: info.userName, action: 'Joined', store };
}
