import { AsyncOmeroClient } from '../../client/async-client.js';
import type { SessionStore } from '../../client/session-store/index.js';
import type { SessionTransports } from '../login/login-scope.js';

/**
 * `sessions clear [--all]` (reference cli §9.3): deletes every stored session file and closes
 * those sessions on the server (errors ignored); the last host, port and user stay. Returns how
 * many files were removed. `--all` is accepted and changes nothing, as in omero-py.
 */
export async function clearSessions(store: SessionStore, transports: SessionTransports): Promise<number> {
  const removed = await store.clear();
  for (const s of removed) {
    if (s.uuid === null) continue;
    const client = new AsyncOmeroClient(transports(s.host, s.props['omero.port'] ?? null));
    try {
      await client.joinSession(s.uuid);
      await client.killSession();
    } catch {
      /* already gone */
    }
  }
  return removed.length;
}
