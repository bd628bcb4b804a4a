import type { AsyncServiceFactory } from '../../client/async-proxies.js';
import { formatTimeout } from '../login/banner.js';
import type { Table } from '../output/index.js';
import { pyLocalTimestamp } from './py-time.js';

const MISSING = '---';

/**
 * `sessions who [--show-uuid]` (reference cli §9.3): every live server session with `name`,
 * `group`, `logged in` (` (*)` marks the caller's), `agent`, `timeout`, then the extra data
 * admins get (`lastAccessTime`), sorted. Another user's session seen by a non-admin shows only
 * name and group. With `showUuid` a `uuid` column shows the caller's own session key; other keys
 * cannot be shown (the server stores only their hashes).
 */
export async function collectWho(sf: AsyncServiceFactory, showUuid: boolean, ownKey: string): Promise<Table> {
  const sessions = await sf.getSessionService().getCurrentSessions();
  const extra = [...new Set(sessions.flatMap((s) => Object.keys(s.data)))].sort();
  const headers = ['name', 'group', 'logged in', 'agent', 'timeout', ...(showUuid ? ['uuid'] : []), ...extra];
  const rows = sessions.map((s) => {
    const row: unknown[] = [s.userName, s.groupName];
    const session = s.session;
    if (session) {
      const started = pyLocalTimestamp(Number(session.started?.val ?? 0));
      row.push(s.current ? `${started} (*)` : started, session.userAgent?.val ?? null, formatTimeout(Number(session.timeToIdle?.val ?? 0)));
    } else {
      row.push(MISSING, MISSING, MISSING);
    }
    if (showUuid) row.push(s.current ? ownKey : MISSING);
    for (const key of extra) {
      const v = s.data[key];
      row.push(v === undefined ? MISSING : key.endsWith('Time') ? pyLocalTimestamp(v) : v);
    }
    return row;
  });
  return { headers, rows };
}
