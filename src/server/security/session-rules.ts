import { hasPrivilege, type Caller } from './caller.js';

/**
 * Who may read which sessions (reference permissions §2.2 session filter, §3.1 ReadSession;
 * advisory 2019-SV3). Holding a session's key remains the right to use it (`joinSession`,
 * `getSession(key)`, `closeSession(key)`, as in OMERO): these rules govern the listings, where
 * no key is given.
 */

/** Reads every user's sessions: an admin holding ReadSession (every full admin, root). */
export function readsAllSessions(caller: Caller): boolean {
  return hasPrivilege(caller, 'ReadSession');
}

/**
 * How much of a live session a listing (`sessions who`, `getCurrentSessions`) shows the caller:
 * - `details`: the caller's own sessions, and every session for ReadSession holders;
 * - `names`: another user's session seen by a non-admin — user and group only, and only of users
 *   whose details the caller may see (`userVisible`), as before;
 * - `hidden`: everything else. An admin lacking ReadSession sees nothing of other users'
 *   sessions, as OMERO's session filter (`COALESCE(sudoer, owner) = :real_owner OR 'ReadSession'
 *   IN (:privileges)`) hides them: ReadSession is what reading them takes.
 */
export type SessionView = 'details' | 'names' | 'hidden';

export function sessionView(caller: Caller, sessionOwnerId: number, userVisible: boolean): SessionView {
  if (sessionOwnerId === caller.userId || readsAllSessions(caller)) return 'details';
  if (caller.isAdmin || !userVisible) return 'hidden';
  return 'names';
}
