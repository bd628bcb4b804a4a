import type { SessionStore } from '../../client/session-store/index.js';
import type { SessionTransports } from '../login/login-scope.js';
import type { Table } from '../output/index.js';
import { probeSession } from './probe-session.js';

/** The columns of `sessions list` (omero-py). */
export const LIST_HEADERS = ['Server', 'User', 'Group', 'Session', 'Active', 'Started'] as const;

/**
 * `sessions list [--no-purge]` (reference cli §9.3): one row per stored session file, joined to
 * read its group and start; the current one is `Logged in`. Sessions that cannot be joined are
 * deleted from the store and left out, unless `purge` is false. Unlike omero-py, listing does not
 * move the current-session pointer (§12).
 */
export async function collectSessionList(store: SessionStore, transports: SessionTransports, purge: boolean): Promise<Table> {
  const current = await store.getCurrent();
  const rows: string[][] = [];
  for (const s of await store.list()) {
    const probe = await probeSession(transports(s.host, s.props['omero.port'] ?? null), s.uuid);
    if (!probe.attached && purge) {
      await store.remove(s.host, s.user, s.uuid);
      continue;
    }
    const isCurrent = s.host === current.host && s.user === current.user && s.uuid !== null && s.uuid === current.uuid;
    const port = s.props['omero.port'];
    rows.push([
      port ? `${s.host}:${port}` : s.host,
      s.user,
      probe.group,
      s.uuid ?? 'None',
      isCurrent ? 'Logged in' : probe.active,
      probe.started,
    ]);
  }
  return { headers: LIST_HEADERS, rows };
}
