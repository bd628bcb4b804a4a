import type { Knex } from 'knex';
import { ApiUsageException, SecurityViolation, fromWire, toWire } from '../model/index.js';
import { CallContext, parseGroupContext, type CallDb } from './call/call-context.js';
import { loadCallFacts, type CallFacts } from './call/call-facts.js';
import { FactsCache } from './call/facts-cache.js';
import { needsTouch, touchSession } from './call/session-row.js';
import { STALE_FACTS_SQLSTATE } from './db/migrations/0003-security-epoch.js';
import { proveFactsCurrent } from './call/facts-proof.js';
import { LdapDirectory, ldapConfigFromEnv, type LdapConfig } from './auth/ldap/index.js';
import type { DatabaseConfig } from './db/database-config.js';
import { migrateLatest, openingSchemaStatus } from './db/migrate.js';
import { openDatabase, type Database } from './db/open-database.js';
import { cancelStatement } from './db/cancel-statement.js';
import { PoolStatements } from './db/pool-statements.js';
import { inSerializableTransaction } from './db/serializable-transaction.js';
import { mapError } from './errors/map-error.js';
import { LOCAL_ADDRESS } from './auth/login-throttle.js';
import { checkRequest, requestArguments } from './request-shape.js';
import { auditRefusal } from './services/audit/audit-refusal.js';
import { SystemIds } from './security/index.js';
import { createServices, SessionService, type ServedServices } from './services/index.js';
import { callKindOf, type ServerReply, type ServerRequest, type ServiceName } from '../contract/index.js';

/** How many times a read runs when its cached facts keep turning out stale (each time reloaded). */
const STALE_ATTEMPTS = 3;

/**
 * Where a call's facts come from: `cached` (a read: the server's facts cache, proven current by
 * the read's own statement) or `fresh` (read by the call itself: writes, in their transaction).
 */
type FactsSource = 'cached' | 'fresh';

/** How `OmeroServer.open` treats the database. */
export interface OpenOptions {
  /**
   * Apply pending migrations instead of refusing to start (the zero-setup server of a user
   * directory's embedded database, which nobody else administers); `onUpgrade` hears which.
   */
  readonly upgrade?: boolean;
  readonly onUpgrade?: (applied: readonly string[]) => void;
}

/** How a transport hands a request over. */
export interface HandleOptions {
  /** Aborted when the client gives up on the call (interrupted, disconnected). */
  readonly signal?: AbortSignal;
  /** Where the request came from (`local` in process, the peer's IP over a network). */
  readonly address?: string;
}

/**
 * The engine behind every transport: opens the database, checks the schema, and answers
 * `ServerRequest`s. It keeps no state outside PostgreSQL, so several can share one database.
 */
export class OmeroServer {
  readonly db: Database;
  readonly sessions: SessionService;
  readonly #services: ServedServices;
  /** The cancellable reads of PostgreSQL (PGlite runs in this thread: nothing to cancel there). */
  readonly #reads: PoolStatements | null;
  /** The facts of recent readers, proven current by each read's own statement (issue 15). */
  readonly #facts = new FactsCache();
  /** Calls opened on facts from the cache (not read by the call itself): only these need proving. */
  readonly #onCachedFacts = new WeakSet<CallContext>();

  private constructor(db: Database, ldap: LdapConfig) {
    this.db = db;
    const directory = ldap.enabled ? new LdapDirectory(ldap) : null;
    this.sessions = new SessionService(db.knex, directory);
    this.#services = createServices(directory);
    this.#reads = db.config.kind === 'pg' ? new PoolStatements(db) : null;
  }

  /**
   * Opens a server on a database that `omero db init` has prepared. LDAP settings come from the
   * environment (`OMERO_LDAP_*`, read once, as OMERO reads `omero.ldap.*` at start-up).
   */
  static async open(config: DatabaseConfig, ldap: LdapConfig = ldapConfigFromEnv(), options: OpenOptions = {}): Promise<OmeroServer> {
    const db = await openDatabase(config);
    try {
      const status = await openingSchemaStatus(db.knex);
      if (status.version === null) {
        throw new ApiUsageException('The database is not initialised: run `omero db init` first');
      }
      if (status.pending.length > 0 && options.upgrade) {
        await migrateLatest(db.knex);
        options.onUpgrade?.(status.pending);
      } else if (status.pending.length > 0) {
        throw new ApiUsageException(`The database schema is out of date (${status.pending.join(', ')} pending): run \`omero db upgrade\``);
      }
      return new OmeroServer(db, ldap);
    } catch (e) {
      await db.close();
      throw e;
    }
  }

  /** Wraps an already open database (tests, `omero db`). */
  static fromDatabase(db: Database, ldap: LdapConfig = ldapConfigFromEnv()): OmeroServer {
    return new OmeroServer(db, ldap);
  }

  /**
   * Answers one request; never throws: failures become wire exceptions. `signal` aborts the call
   * when its client gives up on it (interrupted, or disconnected): a write is rolled back.
   * `address` is where the request came from as the transport saw it (`local` in process, the
   * peer's address over a network): password checks are throttled per login and address, and
   * the audit log records it.
   */
  async handle(request: ServerRequest, options: HandleOptions = {}): Promise<ServerReply> {
    try {
      return { ok: true, value: toWire(await this.#dispatch(request, options.signal, options.address ?? LOCAL_ADDRESS)) };
    } catch (e) {
      return { ok: false, error: toWire(mapError(e)) };
    }
  }

  async #dispatch(request: ServerRequest, signal: AbortSignal | undefined, address: string): Promise<unknown> {
    const r = checkRequest(request);
    switch (r.op) {
      case 'login':
        return this.sessions.createSession(r.username, r.password, { group: r.group, agent: r.agent, timeToIdleMs: r.timeToIdleMs, sudo: r.sudo, address });
      case 'join':
        return this.sessions.joinSession(r.key);
      case 'close':
        return this.sessions.closeSession(r.key);
      case 'ping':
        return true;
      case 'invoke':
        return this.invoke(r.key, r.service, r.method, requestArguments(r.args), r.ctx ?? {}, { signal, address });
    }
  }

  /**
   * Calls `service.method(call, ...args)` for a live session, for the methods of the service's
   * contract only, run as the contract says: in one transaction, or, for the read-only query
   * services, straight on the pool (two statements instead of four). A refused write is recorded
   * in the audit log.
   */
  async invoke(key: string, service: string, method: string, args: unknown[], ctx: Record<string, string>, options: HandleOptions = {}): Promise<unknown> {
    const { signal } = options;
    const address = options.address ?? LOCAL_ADDRESS;
    signal?.throwIfAborted();
    const kind = callKindOf(service, method);
    if (kind === undefined) throw new ApiUsageException(`Unknown method ${String(service)}.${String(method)}`);
    if (!Array.isArray(args)) throw new ApiUsageException('Arguments must be a list');
    const svc = this.#services[service as ServiceName] as unknown as Record<string, (...x: unknown[]) => Promise<unknown>>;
    const onPool = kind !== 'transaction';
    let opened: CallContext | null = null;
    const run = (db: CallDb, a: unknown[], facts: FactsSource = 'fresh') =>
      this.openCall(db, key, ctx, onPool, address, facts).then((call) => {
        opened = call;
        return svc[method]!.call(svc, call, ...a);
      });
    // Reads decide nothing and, under READ COMMITTED, every statement reads its own snapshot
    // anyway: they run straight on the pool (a transaction would add BEGIN and COMMIT). A write
    // reads, decides and writes, and is serializable (see inSerializableTransaction). A rerun
    // starts from the arguments as sent, since a failed run may have filled in ids or versions on
    // the objects it was saving.
    if (onPool) {
      // A read under cached facts that the database finds stale is run again on facts read
      // again. Should they keep changing under it, the last attempt reads them and runs the
      // read without the cache, as every read did before it existed: still never older than
      // the call (the facts are read after it began), and it cannot fail for staleness. A query
      // proves cached facts in its own statement; another read (`read`) proves them after its
      // last statement (proveFactsCurrent), and also before a failure of its stands, since that
      // may have been decided on facts that no longer hold.
      const stale = (e: unknown) => (e as { code?: unknown })?.code === STALE_FACTS_SQLSTATE;
      const prove = async (knex: Knex) => {
        const call = opened as CallContext | null;
        if (kind === 'read' && call !== null && this.#onCachedFacts.has(call)) await proveFactsCurrent(knex, call.factsStamp);
      };
      const read = async (knex: Knex): Promise<unknown> => {
        for (let attempt = 1; ; attempt++) {
          opened = null;
          try {
            const result = await run(knex, args, attempt < STALE_ATTEMPTS ? 'cached' : 'fresh');
            await prove(knex);
            return result;
          } catch (e) {
            const staleFacts = stale(e) || (await prove(knex).then(() => false, stale));
            if (!staleFacts || attempt >= STALE_ATTEMPTS) throw e;
            this.#facts.forget(key);
          }
        }
      };
      // On PostgreSQL an interrupted read has its statement cancelled too (see PoolStatements).
      if (signal && this.#reads) return this.#reads.run(signal, read);
      return read(this.db.knex);
    }
    const sent = toWire(args);
    let first = true;
    try {
      return await inSerializableTransaction(this.db.knex, async (trx) => {
        const a = first ? args : (fromWire(sent) as unknown[]);
        first = false;
        const cancel = () => void cancelStatement(this.db, trx).catch(() => undefined);
        signal?.addEventListener('abort', cancel, { once: true });
        try {
          const result = await run(trx, a);
          // An interrupted call never commits, whatever it managed to do before the interrupt.
          signal?.throwIfAborted();
          return result;
        } finally {
          signal?.removeEventListener('abort', cancel);
        }
      });
    } catch (e) {
      const call = opened as CallContext | null;
      if (call !== null) {
        for (const after of call.afterRollback) await after(this.db.knex).catch(() => undefined);
        await auditRefusal(this.db.knex, call, service, method, e);
      }
      throw e;
    }
  }

  /**
   * The context of one call: the live session, the caller's memberships and the call's group —
   * read by the call itself (`fresh`: writes, inside their transaction, as OMERO reloads the
   * EventContext), or for a read from the facts cache (`cached`), which the read's statements
   * then prove current. Also used by the benchmarks to see the SQL a caller's query compiles to.
   */
  async openCall(
    trx: CallDb,
    key: string,
    ctx: Record<string, string>,
    query = false,
    address: string = LOCAL_ADDRESS,
    source: FactsSource = 'fresh',
  ): Promise<CallContext> {
    const parsed = parseGroupContext(ctx, Number.NaN);
    const requestedGroup = Number.isNaN(parsed) ? null : parsed;
    if (source === 'fresh') return this.#openOn(trx, key, ctx, await loadCallFacts(trx, key, { requestedGroup, query }), address, false);
    const { facts, fromCache } = await this.#readerFacts(trx, key, requestedGroup);
    try {
      const call = await this.#openOn(trx, key, ctx, facts, address, true);
      if (fromCache) this.#onCachedFacts.add(call);
      return call;
    } catch (e) {
      // A refusal decided before any statement could prove the facts current (not a member of
      // the requested group, deactivated): only facts read just now may refuse.
      if (!fromCache || !(e instanceof SecurityViolation)) throw e;
      this.#facts.forget(key);
      return this.openCall(trx, key, ctx, query, address, source);
    }
  }

  /** The call's context on `facts`, refusing a deactivated account; `checked`: its reads prove the facts. */
  #openOn(trx: CallDb, key: string, ctx: Record<string, string>, facts: CallFacts, address: string, checked: boolean): Promise<CallContext> {
    const { session, membership } = facts;
    if (!membership.memberOf.includes(SystemIds.USER_GROUP) && session.owner !== SystemIds.GUEST_USER) {
      throw new SecurityViolation('No matching roles found for this session (allowed: [user]): the account is deactivated');
    }
    // Only cached facts must be proven by the call's statements: fresh ones are newer than the call.
    return CallContext.open(trx, session, key, membership, ctx, checked ? facts : { ...facts, stamp: undefined }, address);
  }

  /**
   * The facts of a read: from the cache when it has them (the read's statement then proves them
   * current), else read in one statement (the session, memberships, privileges, group
   * permissions and read-scope facts together) and cached.
   */
  async #readerFacts(db: CallDb, key: string, requestedGroup: number | null): Promise<{ facts: CallFacts; fromCache: boolean }> {
    const now = Date.now();
    const cached = this.#facts.get(key, requestedGroup, now);
    if (cached === undefined) {
      const facts = await loadCallFacts(db, key, { requestedGroup, query: true });
      this.#facts.set(key, requestedGroup, facts);
      return { facts, fromCache: false };
    }
    if (!needsTouch(cached.session, now)) return { facts: cached, fromCache: true };
    if (!(await touchSession(db, cached.session.id, now, cached.stamp.sessionVersion))) {
      // The session changed since its facts were read (closed, or made idle by hand): the
      // database decides, on facts read again.
      this.#facts.forget(key);
      return this.#readerFacts(db, key, requestedGroup);
    }
    const touched: CallFacts = { ...cached, session: { ...cached.session, last_access: new Date(now) } };
    this.#facts.set(key, requestedGroup, touched);
    return { facts: touched, fromCache: true };
  }

  async close(): Promise<void> {
    this.#facts.clear();
    await this.db.close();
  }
}
