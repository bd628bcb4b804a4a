import { AsyncOmeroClient } from '../../client/async-client.js';
import type { AsyncTransport } from '../../client/transport/async-transport.js';
import { PermissionDeniedException, SessionException } from '../../model/index.js';
import { pyCtime } from './py-time.js';

/** What `sessions list` learns about one stored session by joining it. */
export interface SessionProbe {
  /** Whether the session could be joined (omero-py: `rv` is not None). */
  readonly attached: boolean;
  /** `True`, the refusal's reason, or `Unknown exception`. */
  readonly active: string;
  /** The session's current group, or `Unknown`. */
  readonly group: string;
  /** `time.ctime` of its start, or `Unknown`. */
  readonly started: string;
}

/**
 * Joins a stored session without taking it over (the server session stays open) and reads its
 * group and start time, as omero-py's `sessions list` does for each session file.
 */
export async function probeSession(transport: AsyncTransport, uuid: string | null): Promise<SessionProbe> {
  const unknown = { group: 'Unknown', started: 'Unknown' };
  if (uuid === null) return { attached: false, active: 'Unknown exception', ...unknown };
  const client = new AsyncOmeroClient(transport);
  try {
    await client.joinSession(uuid);
  } catch (e) {
    const reason = e instanceof PermissionDeniedException || e instanceof SessionException ? e.message : 'Unknown exception';
    return { attached: false, active: reason, ...unknown };
  }
  try {
    const sf = client.getSession();
    sf.detachOnDestroy();
    const [ec, session] = await Promise.all([sf.getAdminService().getEventContext(), sf.getSessionService().getSession(uuid)]);
    const group = ec.groupName;
    const started = session.started?.val;
    return { attached: true, active: 'True', group, started: typeof started === 'number' ? pyCtime(started) : 'Unknown' };
  } catch {
    return { attached: true, active: 'Unknown exception', ...unknown };
  } finally {
    await client.closeSession();
  }
}
