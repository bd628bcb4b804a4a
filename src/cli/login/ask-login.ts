import { userInfo } from 'node:os';
import type { SessionStore } from '../../client/session-store/index.js';
import type { CliIO } from '../cli-io.js';
import { parseConnection } from './connection-string.js';
import { loginFailure } from './login-errors.js';

/**
 * Step 5 (reference cli §9.2): `Server: [<last host>:<port>]` on a terminal, the answer read as a
 * connection string (empty = the default). Without a terminal the last host is used.
 */
export async function askServer(
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

/** `Username: [<last user or the OS user>]`. */
export async function askUser(io: CliIO, last: string | null): Promise<string> {
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
