import { ApiUsageException, SecurityViolation, fromWire, toWire } from '../model/index.js';
import { CallContext, parseGroupContext, type CallDb } from './call/call-context.js';
import { loadCallFacts } from './call/call-facts.js';
import { LdapDirectory, ldapConfigFromEnv, type LdapConfig } from './auth/ldap/index.js';
import type { DatabaseConfig } from './db/database-config.js';
import { openingSchemaStatus } from './db/migrate.js';
import { openDatabase, type Database } from './db/open-database.js';
import { inSerializableTransaction } from './db/serializable-transaction.js';
import { mapError } from './errors/map-error.js';
import { LOCAL_ADDRESS } from './auth/login-throttle.js';
import { auditRefusal } from './services/audit/audit-refusal.js';
import { SystemIds } from './security/index.js';
import { createServices, SessionService } from './services/index.js';
import type { ServerReply, ServerRequest } from './server-request.js';

/** Read-only services whose calls get their read-scope facts and query timeout with the session lookup. */
const QUERY_SERVICES: ReadonlySet<string> = new Set(['IQuery', 'IContainer']);

/**
 * The engine behind every transport: opens the database, checks the schema, and answers
 * `ServerRequest`s. It keeps no state outside PostgreSQL, so several can share one database.
 */
export class OmeroServer {
  readonly db: Database;
  readonly sessions: SessionService;
  readonly #services: Record<string, object>;

  private constructor(db: Database, ldap: LdapConfig) {
    this.db = db;
    const directory = ldap.enabled ? new LdapDirectory(ldap) : null;
    this.sessions = new SessionService(db.knex, directory);
    this.#services = createServices(directory);
  }

  /**
   * Opens a server on a database that `omero db init` has prepared. LDAP settings come from the
   * environment (`OMERO_LDAP_*`, read once, as OMERO reads `omero.ldap.*` at start-up).
   */
  static async open(config: DatabaseConfig, ldap: LdapConfig = ldapConfigFromEnv()): Promise<OmeroServer> {
    const db = await openDatabase(config);
    try {
      const status = await openingSchemaStatus(db.knex);
      if (status.version === null) {
        throw new ApiUsageException('The database is not initialised: run `omero db init` first');
      }
      if (status.pending.length > 0) {
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
   * Answers one request; never throws: failures become wire exceptions. `address` is where the
   * request came from as the transport saw it (`local` in process, the peer's address over a
   * network): password checks are throttled per login and address, and the audit log records it.
   */
  async handle(request: ServerRequest, address: string = LOCAL_ADDRESS): Promise<ServerReply> {
    try {
      return { ok: true, value: toWire(await this.#dispatch(request, address)) };
    } catch (e) {
      return { ok: false, error: toWire(mapError(e)) };
    }
  }

  async #dispatch(r: ServerRequest, address: string): Promise<unknown> {
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
        return this.invoke(r.key, r.service, r.method, fromWire(r.args) as unknown[], r.ctx ?? {}, address);
    }
  }

  /**
   * Calls `service.method(call, ...args)` for a live session: in one transaction, or, for the
   * read-only query services, straight on the pool (two statements instead of four).
   */
  async invoke(key: string, service: string, method: string, args: unknown[], ctx: Record<string, string>, address: string = LOCAL_ADDRESS): Promise<unknown> {
    const svc = this.#services[service] as Record<string, unknown> | undefined;
    const allowed = (svc?.constructor as { REMOTE?: readonly string[] } | undefined)?.REMOTE ?? [];
    if (!svc || !allowed.includes(method) || typeof svc[method] !== 'function') {
      throw new ApiUsageException(`Unknown method ${service}.${method}`);
    }
    if (!Array.isArray(args)) throw new ApiUsageException('Arguments must be a list');
    const query = QUERY_SERVICES.has(service);
    let opened: CallContext | null = null;
    const run = (db: CallDb, a: unknown[]) =>
      this.openCall(db, key, ctx, query, address).then((call) => {
        opened = call;
        return (svc[method] as (...x: unknown[]) => Promise<unknown>).call(svc, call, ...a);
      });
    // Reads decide nothing and, under READ COMMITTED, every statement reads its own snapshot
    // anyway: they run straight on the pool (two statements instead of four). A write reads,
    // decides and writes, and is serializable (see inSerializableTransaction). A rerun starts
    // from the arguments as sent, since a failed run may have filled in ids or versions on the
    // objects it was saving.
    if (query) return run(this.db.knex, args);
    const sent = toWire(args);
    let first = true;
    try {
      return await inSerializableTransaction(this.db.knex, (trx) => {
        const a = first ? args : (fromWire(sent) as unknown[]);
        first = false;
        return run(trx, a);
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
   * The context of one call inside its transaction: the live session, the caller's memberships
   * (reloaded every call, as OMERO reloads the EventContext) and the call's group. Also used by
   * the benchmarks to see the SQL a caller's query compiles to.
   */
  async openCall(trx: CallDb, key: string, ctx: Record<string, string>, query = false, address: string = LOCAL_ADDRESS): Promise<CallContext> {
    // One statement reads the session, memberships, privileges and group permissions (and, for a
    // query service, the read-scope facts) instead of one statement each (issue 6, scripts/bench).
    const requested = parseGroupContext(ctx, Number.NaN);
    const facts = await loadCallFacts(trx, key, { requestedGroup: Number.isNaN(requested) ? null : requested, query });
    const { session, membership } = facts;
    if (!membership.memberOf.includes(SystemIds.USER_GROUP) && session.owner !== SystemIds.GUEST_USER) {
      throw new SecurityViolation('No matching roles found for this session (allowed: [user]): the account is deactivated');
    }
    return CallContext.open(trx, session, key, membership, ctx, facts, address);
  }

  async close(): Promise<void> {
    await this.db.close();
  }
}
