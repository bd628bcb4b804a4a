import type { Response, RString, SessionI } from '../model/index.js';

/** One live session as `getCurrentSessions` reports it (OMERO's `CurrentSessionsResponse` row). */
export interface CurrentSessionRow {
  /** The session owner's login name. */
  readonly userName: string;
  /** The session's current group. */
  readonly groupName: string;
  /**
   * The session, for the caller's own sessions and for holders of ReadSession (full admins);
   * null for another user's session seen by a non-admin. Its `uuid` is set only for the calling
   * session (keys are stored hashed).
   */
  readonly session: SessionI | null;
  /** Whether this is the session making the call. */
  readonly current: boolean;
  /** Extra columns, holders of ReadSession only: `lastAccessTime` (ms since the epoch). */
  readonly data: Readonly<Record<string, number>>;
}

/** What `createSessionFor` answers: the new session's key and facts. */
export interface OpenedSession {
  readonly key: string;
  readonly userName: string;
  readonly groupName: string;
  readonly timeToIdleMs: number;
  readonly timeToLiveMs: number;
}

/**
 * ISession (`sf.getSessionService()`). A session is named by its key, which the caller must
 * already hold: the server keeps only hashes, so no call returns another session's key.
 */
export interface ISession {
  /** The live session with this key (`session.timeToIdle.val` is in ms); RemovedSessionException otherwise. */
  getSession(uuid: string | RString | null): SessionI;
  /**
   * The live sessions the caller may see (`sessions who`): all with ReadSession; otherwise one's
   * own, plus, for non-admins, the user and group of others' (an admin lacking ReadSession sees
   * no other user's session).
   */
  getCurrentSessions(): CurrentSessionRow[];
  /**
   * Ours (OMERO's `createSessionWithTimeout` under the `--sudo` rules): a session for another
   * user, in `group` (default: theirs), recording the caller as its sudoer (`sessions open`).
   */
  createSessionFor(user: string | number, group?: string | number | null, timeToIdleMs?: number | null): OpenedSession;
  /** Closes the session with this key; 0, or -1 when there is no such live session. */
  closeSession(session: string | RString | SessionI): number;
  /**
   * Sets the idle timeout of the session with this key (null: this session), as OMERO's
   * `UpdateSessionTimeoutRequest`: answers OK, or an ERR (`non-admin-increase`, `no-session`, …).
   */
  updateTimeToIdle(uuid: string | RString | null, timeToIdleMs: number): Response;
}
