import type { Knex } from 'knex';
import { ApiUsageException, InternalException, SecurityViolation } from '../../model/index.js';
import {
  grantedSql,
  groupContextRefusal,
  readScopeFor,
  Right,
  Role,
  SystemIds,
  type Caller,
  type ReadScope,
} from '../security/index.js';
import type { CallContextMap } from '../../contract/index.js';
import type { FactsStamp } from './call-facts.js';
import type { Membership } from './membership.js';
import type { SessionRow } from './session-row.js';

export type { CallContextMap };

/**
 * Where a call's statements go: its transaction, or, for a read-only query-service call, the pool
 * itself (under READ COMMITTED every statement reads its own snapshot either way, so a
 * transaction would only add BEGIN and COMMIT round trips).
 */
export type CallDb = Knex.Transaction | Knex;

/**
 * Everything a service method needs about one call: its transaction, the session, the caller as
 * the security rules see it, and lazily loaded facts. One writing call = one transaction.
 */
export class CallContext {
  /** Where the call reads; `trx` is the same, for calls that may write. */
  readonly db: CallDb;
  readonly session: SessionRow;
  readonly membership: Membership;
  readonly caller: Caller;
  readonly ctx: CallContextMap;
  /** The session key the client called with (the database holds only its hash). */
  readonly sessionKey: string;
  /**
   * Where the call comes from, as the transport saw it (`local` in process, else the peer's
   * address): password checks are throttled per login and address, and the audit log records it.
   */
  address = 'local';
  /**
   * What must be written even though the call fails and its transaction rolls back (a failed
   * password check counts against the throttle): the server runs these on the pool afterwards.
   */
  readonly afterRollback: Array<(db: Knex) => Promise<void>> = [];
  readonly #perms = new Map<number, number>();
  #scope: ReadScope | undefined;
  #eventId: number | undefined;
  /** Read-scope facts loaded with the session (`loadCallFacts`), or undefined to query them. */
  #prefetched: PrefetchedFacts | undefined;

  /**
   * The counters the caller's facts were read at, when a read must prove them current in its own
   * statement (`omero_facts_current`, migration 0003); undefined for calls that read their facts
   * in their own transaction.
   */
  get factsStamp(): FactsStamp | undefined {
    return this.#prefetched?.stamp;
  }

  constructor(
    db: CallDb,
    session: SessionRow,
    sessionKey: string,
    membership: Membership,
    contextGroupId: number,
    ctx: CallContextMap,
  ) {
    this.db = db;
    this.sessionKey = sessionKey;
    this.session = session;
    this.membership = membership;
    this.ctx = ctx;
    this.caller = {
      userId: session.owner,
      memberOf: membership.memberOf,
      leaderOf: membership.leaderOf,
      isAdmin: membership.isAdmin,
      privileges: new Set(membership.privileges),
      contextGroupId,
      ...(membership.confinedTo ? { confinedTo: membership.confinedTo } : {}),
    };
  }

  /** The call's transaction; a read-only query-service call has none, and never writes. */
  get trx(): Knex.Transaction {
    if (!(this.db as Partial<Knex.Transaction>).isTransaction) throw new InternalException('A read-only call cannot write');
    return this.db as Knex.Transaction;
  }

  /**
   * Builds the context for a call, checking that the caller may use the requested group.
   * `prefetched` carries what `loadCallFacts` read with the session (group permissions, read-scope
   * facts), so that no further query is needed for them.
   */
  static async open(
    db: CallDb,
    session: SessionRow,
    sessionKey: string,
    membership: Membership,
    ctx: CallContextMap,
    prefetched?: PrefetchedFacts,
    address = 'local',
  ): Promise<CallContext> {
    const group = parseGroupContext(ctx, session.group_id);
    const call = new CallContext(db, session, sessionKey, membership, group, ctx);
    call.address = address;
    if (prefetched) {
      for (const [g, p] of prefetched.perms) call.#perms.set(g, p);
      call.#prefetched = prefetched;
    }
    await call.loadPerms([group, session.group_id, ...membership.memberOf]);
    const refusal = groupContextRefusal(call.caller, group, call.perms(group));
    if (refusal) throw new SecurityViolation(refusal);
    if (group >= 0 && call.perms(group) === undefined) throw new SecurityViolation(`No such group: ${group}`);
    // omero.user acts as another user for admins only; it never filters reads (reference §2.1).
    const asUser = ctx['omero.user'];
    if (asUser !== undefined && /^\d+$/.test(String(asUser).trim())) {
      const uid = Number(asUser);
      if (uid !== session.owner && !membership.isAdmin) {
        throw new SecurityViolation(`User ${session.owner} is not an admin and so cannot set uid to ${uid}`);
      }
    }
    return call;
  }

  /** `perm1` of a group already loaded by `loadPerms`. */
  perms(groupId: number): number | undefined {
    return this.#perms.get(groupId);
  }

  /** Loads the permissions of the given groups (once each). */
  async loadPerms(groupIds: Iterable<number>): Promise<void> {
    const missing = [...new Set(groupIds)].filter((g) => g >= 0 && !this.#perms.has(g));
    if (missing.length === 0) return;
    const rows = await this.db('experimentergroup').select('id', 'permissions').whereIn('id', missing);
    // Kept with the facts too, for the next calls that share them. Safe even if the groups
    // changed since the facts were read: the security epoch moved, so the next read's check
    // fails and the facts, these included, are read again.
    const shared = this.#prefetched?.perms;
    for (const r of rows) {
      this.#perms.set(Number(r.id), Number(r.permissions));
      shared?.set(Number(r.id), Number(r.permissions));
    }
  }

  /** The read scope of this call (reference permissions §2), computed on first use. */
  async scope(): Promise<ReadScope> {
    if (this.#scope) return this.#scope;
    const c = this.caller;
    const pre = this.#prefetched;
    // The same cached facts give the same scope object, which keys the compiled-query cache.
    const known = pre && scopes.get(pre);
    if (known) return (this.#scope = known);
    const world =
      c.contextGroupId < 0 && !c.isAdmin
        ? pre?.worldReadableGroupIds ?? (await this.db('experimentergroup').select('id', 'permissions').whereRaw(grantedSql(null, Role.WORLD, Right.READ))).map((r) => {
            this.#perms.set(Number(r.id), Number(r.permissions));
            return Number(r.id);
          })
        : [];
    const colleagues =
      c.isAdmin || c.leaderOf.length > 0
        ? []
        : pre?.colleagueIds ?? (
            await this.db('groupexperimentermap as m')
              .distinct('m.child')
              .join('experimentergroup as g', 'g.id', 'm.parent')
              .whereIn('m.parent', c.memberOf.filter((g) => g !== SystemIds.USER_GROUP))
              .whereRaw(grantedSql('g', Role.GROUP, Right.READ))
          ).map((r) => Number(r.child));
    this.#scope = readScopeFor(c, { perms: (g) => this.perms(g), worldReadableGroupIds: world, colleagueIds: colleagues });
    if (pre) scopes.set(pre, this.#scope);
    return this.#scope;
  }

  /** The event row for this call's writes, created on first use (creation/update events of rows). */
  async eventId(): Promise<number> {
    if (this.#eventId !== undefined) return this.#eventId;
    const group = this.caller.contextGroupId >= 0 ? this.caller.contextGroupId : this.session.group_id;
    // A write: through the guarded `trx`, so that a read-only call could never record one outside a transaction.
    const [row] = await this.trx('event')
      .insert({ experimenter: this.session.owner, experimentergroup: group, session: this.session.id, type: 'User' })
      .returning('id');
    this.#eventId = Number(row.id);
    return this.#eventId;
  }
}

/**
 * The read scope of each facts object a call was opened with. A facts object belongs to one
 * session and requested group (the server's facts cache), from which the call's group and the
 * caller follow, so its scope never differs between the calls that share it.
 */
const scopes = new WeakMap<PrefetchedFacts, ReadScope>();

/** What `loadCallFacts` read besides the session and memberships. */
export interface PrefetchedFacts {
  /** Grows with the groups calls load later (see `loadPerms`). */
  readonly perms: Map<number, number>;
  readonly worldReadableGroupIds: readonly number[] | undefined;
  readonly colleagueIds: readonly number[] | undefined;
  /** Set when the facts may be older than the call (the server's facts cache): reads check them. */
  readonly stamp?: FactsStamp;
}

/**
 * The call's group: `omero.group` as an id, `-1` (any negative) for all groups; absent or
 * unparseable → the session's group, as OMERO ignores unparseable values (reference §2.1). An id
 * too large for any row becomes one that matches no group ("No such group").
 */
export function parseGroupContext(ctx: CallContextMap, sessionGroup: number): number {
  const raw = ctx['omero.group'];
  if (raw === undefined || raw === null || raw === '') return sessionGroup;
  if (!/^-?\d+$/.test(String(raw).trim())) return sessionGroup;
  const n = Number(raw);
  if (n < 0) return -1;
  // Beyond any id the database can hold (a bigint): no such group, rather than a SQL error.
  return Number.isSafeInteger(n) ? n : Number.MAX_SAFE_INTEGER;
}

/** Refuses `omero.group=-1` where a concrete group is needed (saves of new objects, §2.6). */
export function requireConcreteGroup(call: CallContext): number {
  const g = call.caller.contextGroupId;
  if (g < 0) {
    throw new ApiUsageException(
      "Cannot create objects with omero.group=-1: ALL interactions with the update service where NEW objects are concerned must be passed an explicit context and NOT '-1'",
    );
  }
  return g;
}
