import type { OpenedSession } from '../../server/services/sudo-session.js';
import { CmdError, ERR, type RString, type SessionI } from '../../model/index.js';
import type { CurrentSessionRow } from '../../server/services/session-admin-service.js';
import type { ArgsOf, Blocking, Ctx, MethodName, ResultOf, ISession } from '../../contract/index.js';
import type { ServiceCaller } from '../remote.js';

export type { CurrentSessionRow };

/**
 * The ISession proxy (`sf.getSessionService()`). A session is named by its key, which the caller
 * must already hold: the server keeps only hashes, so no call returns another session's key.
 */
export class SessionServicePrx implements Omit<Blocking<ISession>, 'updateTimeToIdle'> {
  readonly #s: ServiceCaller;

  constructor(session: ServiceCaller) {
    this.#s = session;
  }

  #call<M extends MethodName<ISession>>(method: M, args: ArgsOf<ISession, M>, ctx?: Ctx | null): ResultOf<ISession, M> {
    return this.#s.call('ISession', method, args, ctx);
  }

  /** The live session with this key (`session.timeToIdle.val` is in ms); RemovedSessionException otherwise. */
  getSession(uuid: string | RString | null, ctx?: Ctx | null): SessionI { return this.#call('getSession', [uuid], ctx); }
  /** Every live session (`sessions who`); details only for one's own sessions unless admin. */
  getCurrentSessions(ctx?: Ctx | null): CurrentSessionRow[] { return this.#call('getCurrentSessions', [], ctx); }
  /** Opens a session for another user (`sessions open`; the `--sudo` rules): its key and facts. */
  createSessionFor(user: string | number, group: string | number | null = null, timeToIdleMs: number | null = null, ctx?: Ctx | null): OpenedSession {
    return this.#call('createSessionFor', [user, group, timeToIdleMs], ctx);
  }
  /** Closes the session with this key; 0, or -1 when there is no such live session. */
  closeSession(session: string | RString | SessionI, ctx?: Ctx | null): number { return this.#call('closeSession', [session], ctx); }
  /**
   * Sets the idle timeout of the session with this key (null: this session), as OMERO's
   * `UpdateSessionTimeoutRequest`: throws CmdError carrying the ERR (`non-admin-increase`,
   * `no-session`, …) when refused.
   */
  updateTimeToIdle(uuid: string | RString | null, timeToIdleMs: number, ctx?: Ctx | null): void {
    return this.#s.then(this.#call('updateTimeToIdle', [uuid, timeToIdleMs], ctx), (rsp) => {
      if (rsp instanceof ERR) throw new CmdError(rsp);
    });
  }
}
