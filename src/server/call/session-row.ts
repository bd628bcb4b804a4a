import { createHash, randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { RemovedSessionException, SessionTimeoutException } from '../../model/index.js';

/** A `session` table row. Sessions live only in the database (DESIGN decision 7). */
export interface SessionRow {
  readonly id: number;
  readonly uuid_hash: string;
  readonly owner: number;
  readonly sudoer: number | null;
  readonly group_id: number;
  readonly started: Date;
  readonly last_access: Date;
  readonly closed: Date | null;
  /** Milliseconds of inactivity before the session dies; 0 = never. */
  readonly time_to_idle: number;
  /** Milliseconds from start before the session dies; 0 = never. */
  readonly time_to_live: number;
  readonly user_agent: string | null;
  /** Created with a password ("HasPassword" role, needed by changePassword). */
  readonly password_auth: boolean;
}

/** A row as read from the table, with the `facts_version` its touch compares (migration 0003). */
export type StoredSessionRow = SessionRow & { readonly facts_version: number | string };

/**
 * Every column of a StoredSessionRow. Prepared statements name them rather than `s.*`: a column
 * added to the table later would otherwise change what a statement prepared before it returns,
 * which PostgreSQL refuses ("cached plan must not change result type").
 */
const STORED_SESSION_COLUMNS = [
  'id', 'uuid_hash', 'owner', 'sudoer', 'group_id', 'started', 'last_access', 'closed',
  'time_to_idle', 'time_to_live', 'user_agent', 'password_auth', 'facts_version',
] as const satisfies ReadonlyArray<keyof StoredSessionRow>;
/** Fails to compile when StoredSessionRow gains a field the list above lacks. */
const allSessionColumns: Record<Exclude<keyof StoredSessionRow, (typeof STORED_SESSION_COLUMNS)[number]>, never> = {};
void allSessionColumns;

/** STORED_SESSION_COLUMNS qualified by the session table's alias in a statement (`s.id`, …). */
export function sessionColumns(alias: string): string[] {
  return STORED_SESSION_COLUMNS.map((c) => `${alias}.${c}`);
}

/** Session keys are stored only as their SHA-256: a database dump gives no usable key. */
export function hashSessionKey(uuid: string): string {
  return createHash('sha256').update(uuid, 'utf8').digest('hex');
}

/**
 * Refuses what cannot be a session key (not a string, empty, or longer than any key made here)
 * before it is hashed and looked up; the key never appears in the message.
 */
export function checkSessionKey(key: unknown): asserts key is string {
  if (typeof key !== 'string' || key.length === 0 || key.length > 200) throw new RemovedSessionException('No session with the given key');
}

/** A new session key from the CSPRNG (a v4 UUID, as OMERO's). */
export function newSessionKey(): string {
  return randomUUID();
}

/** Default timeouts (reference field notes §4): 10 min idle, no maximum lifetime. */
export const DEFAULT_TIME_TO_IDLE_MS = 600_000;
export const DEFAULT_TIME_TO_LIVE_MS = 0;
/** Largest idle timeout a user may ask for (OMERO's `omero.sessions.maximum`: 0 = unlimited is not offered). */
export const MAX_TIME_TO_IDLE_MS = 24 * 3600_000;

/** Why a session row cannot be used any more, or null when it is alive at `now`. */
export function sessionDeath(row: SessionRow, now: number): 'closed' | 'idle' | 'expired' | null {
  if (row.closed) return 'closed';
  if (row.time_to_idle > 0 && now - row.last_access.getTime() > row.time_to_idle) return 'idle';
  if (row.time_to_live > 0 && now - row.started.getTime() > row.time_to_live) return 'expired';
  return null;
}

/** One write per second at most keeps reads cheap while idle timeouts stay exact to a second. */
export function needsTouch(row: SessionRow, now: number): boolean {
  return now - row.last_access.getTime() > 1000;
}

/**
 * Moves a session's `last_access` forward to `now` (no other column: the facts of the session stay
 * current), unless the session changed since its row was read: the compare-and-set on
 * `facts_version` keeps a change made meanwhile (closed, or `last_access` set back by hand, which
 * moves the version: migration 0005) from being written over. `greatest` keeps a server whose
 * clock is behind another's from moving the time back. Returns whether the row was touched.
 */
export async function touchSession(db: Knex.Transaction | Knex, sessionId: number, now: number, factsVersion: number): Promise<boolean> {
  const n = await db('session')
    .where({ id: sessionId, facts_version: factsVersion })
    .update({ last_access: db.raw('greatest(last_access, ?)', [new Date(now)]) });
  return n > 0;
}

/**
 * The live session of a looked-up row (undefined = no such key), touching `last_access`. Dead
 * sessions are closed and refused with OMERO's session exceptions; the key never appears in a
 * message. Ids and timeouts come back as numbers.
 */
export async function liveSession(trx: Knex.Transaction | Knex, stored: StoredSessionRow | undefined): Promise<SessionRow> {
  if (!stored) throw new RemovedSessionException('No session with the given key');
  const { facts_version: factsVersion, ...row } = stored;
  const now = Date.now();
  const death = sessionDeath(row, now);
  if (death === 'closed') throw new RemovedSessionException('Session has been closed');
  if (death) {
    await trx('session').where({ id: row.id }).update({ closed: new Date(now) });
    throw new SessionTimeoutException(death === 'idle' ? 'Session timed out (idle)' : 'Session expired (time to live)');
  }
  // Not touched when the row changed since it was read: the call goes on with what it read (it
  // began before the change), and the change stands for the next call.
  const touched = needsTouch(row, now) && (await touchSession(trx, row.id, now, Number(factsVersion)));
  return { ...row, last_access: touched ? new Date(now) : row.last_access, id: Number(row.id), owner: Number(row.owner), group_id: Number(row.group_id), sudoer: row.sudoer === null ? null : Number(row.sudoer), time_to_idle: Number(row.time_to_idle), time_to_live: Number(row.time_to_live) };
}
