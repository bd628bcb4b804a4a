import {
  ERR,
  ExperimenterI,
  OK,
  RemovedSessionException,
  SessionI,
  rlong,
  rstring,
  rtime,
  type Response,
  type RString,
} from '../../model/index.js';
import type { CurrentSessionRow, ISession, Served } from '../../contract/index.js';
import type { CallContext } from '../call/call-context.js';
import { canSeeUserDetails, sessionView } from '../security/index.js';
import { openSessionFor, type OpenedSession } from './sudo-session.js';
import { hashSessionKey, MAX_TIME_TO_IDLE_MS, sessionDeath, type SessionRow } from '../call/session-row.js';

/** The `category` of the ERRs `updateTimeToIdle` answers with (OMERO's request type). */
const UPDATE_TIMEOUT = '::omero::cmd::UpdateSessionTimeoutRequest';

export type { CurrentSessionRow };

/**
 * ISession, the part the CLI's `sessions` commands need (reference cli §9.3): a session by its
 * key, the live sessions (`sessions who`), the idle timeout (`sessions timeout`, `login -t`) and
 * closing by key (`sessions close`). Session keys are stored only as SHA-256 hashes: a session
 * is found by a key the caller already holds, and no method returns another session's key.
 */
export class SessionAdminService implements Served<ISession, CallContext> {
  /** A session for another user (`sessions open`): the `--sudo` rules; see `openSessionFor`. */
  async createSessionFor(call: CallContext, user: string | number, group: string | number | null = null, timeToIdleMs: number | null = null): Promise<OpenedSession> {
    return openSessionFor(call, user, group, timeToIdleMs);
  }

  /**
   * The live session with this key (`ISession.getSession`); holding the key is the right to read
   * it, as in OMERO. RemovedSessionException "No session with the given key" otherwise.
   */
  async getSession(call: CallContext, uuid: string | RString | null): Promise<SessionI> {
    const key = uuid === null || uuid === undefined ? call.sessionKey : keyOf(uuid);
    const row = key === null ? null : await liveRow(call, key);
    if (!row || key === null) throw new RemovedSessionException('No session with the given key');
    return toSession(row, key);
  }

  /**
   * Every live session the caller may see, oldest first (OMERO's `CurrentSessionsRequest`), as
   * `sessionView` decides: holders of ReadSession (full admins) see all details and
   * `lastAccessTime`; everyone sees the details of their own sessions; non-admins see only the
   * user and group of others' sessions, and only of users whose details they may see (2019-SV3);
   * admins lacking ReadSession see nothing of others' sessions.
   */
  async getCurrentSessions(call: CallContext): Promise<CurrentSessionRow[]> {
    const now = Date.now();
    const rows = (await call
      .trx('session as s')
      .join('experimenter as e', 'e.id', 's.owner')
      .join('experimentergroup as g', 'g.id', 's.group_id')
      .whereNull('s.closed')
      .select('s.*', 'e.omename as user_name', 'g.name as group_name')
      .orderBy([{ column: 's.started' }, { column: 's.id' }])) as (SessionRow & { user_name: string; group_name: string })[];
    const mine = hashSessionKey(call.sessionKey);
    const scope = await call.scope();
    const result: CurrentSessionRow[] = [];
    for (const raw of rows) {
      const row = normalise(raw);
      if (sessionDeath(row, now)) continue;
      const view = sessionView(call.caller, row.owner, canSeeUserDetails(scope, row.owner));
      if (view === 'hidden') continue;
      const current = row.uuid_hash === mine;
      result.push({
        userName: raw.user_name,
        groupName: raw.group_name,
        session: view === 'details' ? toSession(row, current ? call.sessionKey : null) : null,
        current,
        data: scope.readsAllSessions ? { lastAccessTime: row.last_access.getTime() } : {},
      });
    }
    return result;
  }

  /**
   * Sets a session's idle timeout (OMERO's `UpdateSessionTimeoutRequest`; `uuid` null = the
   * calling session). Answers OK, or an ERR as the command would: `no-session`, and
   * `non-admin-increase` when a non-admin asks for more than the current value. Ours: a value not
   * above 0 (`invalid-timeout`: "never idle" is not offered) or above the server maximum of 24 h
   * (`maximum-exceeded`) is refused.
   */
  async updateTimeToIdle(call: CallContext, uuid: string | RString | null, timeToIdleMs: number): Promise<Response> {
    const key = uuid === null || uuid === undefined ? call.sessionKey : keyOf(uuid);
    const row = key === null ? null : await liveRow(call, key);
    if (!row) return new ERR(UPDATE_TIMEOUT, 'no-session', {});
    const target = Math.floor(Number(timeToIdleMs));
    const current = row.time_to_idle;
    const params = { target: String(target), current: String(current) };
    if (!Number.isFinite(target) || target <= 0) return new ERR(UPDATE_TIMEOUT, 'invalid-timeout', params);
    if (!call.caller.isAdmin && target > current) return new ERR(UPDATE_TIMEOUT, 'non-admin-increase', params);
    if (target > MAX_TIME_TO_IDLE_MS) return new ERR(UPDATE_TIMEOUT, 'maximum-exceeded', { ...params, maximum: String(MAX_TIME_TO_IDLE_MS) });
    await call.trx('session').where({ id: row.id }).update({ time_to_idle: target });
    return new OK();
  }

  /**
   * Closes the session with this key (`ISession.closeSession`); holding the key is the right to
   * close it. Returns 0, or -1 when no such session is alive (nothing happens).
   */
  async closeSession(call: CallContext, session: string | RString | SessionI): Promise<number> {
    const key = session instanceof SessionI ? keyOf(session.uuid) : keyOf(session);
    if (!key) return -1;
    const row = await liveRow(call, key);
    if (!row) return -1;
    await call.trx('session').where({ id: row.id }).update({ closed: new Date() });
    return 0;
  }
}

/** A key from a string or RString argument; null when absent or not a plausible key. */
function keyOf(value: string | RString | null | undefined): string | null {
  const v = typeof value === 'string' ? value : (value as { val?: unknown } | null | undefined)?.val;
  return typeof v === 'string' && v.length > 0 && v.length <= 200 ? v : null;
}

async function liveRow(call: CallContext, key: string): Promise<SessionRow | null> {
  const raw = (await call.trx('session').where({ uuid_hash: hashSessionKey(key) }).first()) as SessionRow | undefined;
  if (!raw) return null;
  const row = normalise(raw);
  return sessionDeath(row, Date.now()) ? null : row;
}

/** Numbers as numbers (PostgreSQL returns bigints as strings). */
function normalise(row: SessionRow): SessionRow {
  return {
    ...row,
    id: Number(row.id),
    owner: Number(row.owner),
    group_id: Number(row.group_id),
    sudoer: row.sudoer === null ? null : Number(row.sudoer),
    time_to_idle: Number(row.time_to_idle),
    time_to_live: Number(row.time_to_live),
    started: new Date(row.started),
    last_access: new Date(row.last_access),
    closed: row.closed === null ? null : new Date(row.closed),
  };
}

/** `omero.model.SessionI` for a row; `uuid` only when the caller gave the key. */
function toSession(row: SessionRow, key: string | null): SessionI {
  const s = new SessionI(row.id, true);
  s.uuid = key === null ? null : rstring(key);
  s.owner = new ExperimenterI(row.owner, false);
  s.sudoer = row.sudoer === null ? null : new ExperimenterI(row.sudoer, false);
  s.timeToIdle = rlong(row.time_to_idle);
  s.timeToLive = rlong(row.time_to_live);
  s.started = rtime(row.started);
  s.closed = row.closed === null ? null : rtime(row.closed);
  s.defaultEventType = rstring('User');
  s.userAgent = row.user_agent === null ? null : rstring(row.user_agent);
  return s;
}
