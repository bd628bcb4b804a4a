import type { Knex } from 'knex';
import { ParametersI, rlist, rlong, rstring, ServerError, unwrap, type IObject, type RType } from '../../../src/model/index.js';
import { CallContext, type CallContextMap } from '../../../src/server/call/call-context.js';
import { loadMembership, type Membership } from '../../../src/server/call/membership.js';
import type { SessionRow } from '../../../src/server/call/session-row.js';
import { QueryService } from '../../../src/server/services/query/query-service.js';
import type { ObjectView } from './evaluate.js';
import { paramsOf, renderHql, type QueryCase, type Scalar } from './query-model.js';
import { SCHEMA, type EntityName } from './schema.js';
import { collationRanks, loadWorld } from './load-world.js';
import type { World } from './world.js';

/**
 * Runs generated queries through the server's real read path, in process: `CallContext.open`
 * (group-context check, read scope from the database), `QueryService.projection` /
 * `findAllByQuery` (HQL compile, visibility predicate, execution, hydration). Only the transport
 * and the login are skipped; the client suite covers those.
 */

/** What the server answered. */
export type Actual =
  | { readonly kind: 'rows'; readonly rows: readonly (readonly Scalar[])[] }
  | { readonly kind: 'objects'; readonly objects: readonly ObjectView[] }
  | { readonly kind: 'error'; readonly error: Error };

/** The call: who, and the call context map (`omero.group`). */
export interface Call {
  readonly userId: number;
  readonly ctx: CallContextMap;
}

/** Makes a CallContext; tests swap it to prove that a leaky server is caught. */
export type CallFactory = (
  trx: Knex.Transaction,
  session: SessionRow,
  key: string,
  membership: Membership,
  ctx: CallContextMap,
) => Promise<CallContext>;

export const realCall: CallFactory = (trx, session, key, membership, ctx) => CallContext.open(trx, session, key, membership, ctx);

/** ParametersI for a query case (strings → rstring, numbers → rlong, lists → rlist of rlong; paging). */
export function parametersOf(qc: QueryCase): ParametersI {
  const p = new ParametersI();
  for (const [name, v] of paramsOf(qc.query)) {
    p.add(name, Array.isArray(v) ? rlist((v as number[]).map((x) => rlong(x))) : typeof v === 'string' ? rstring(v) : rlong(v as number));
  }
  if (qc.page) p.page(qc.page.offset, qc.page.limit);
  return p;
}

/** A projection row as plain values. */
export function plainRow(row: readonly (RType | null)[]): Scalar[] {
  return row.map((v) => {
    const u = unwrap(v);
    return typeof u === 'bigint' ? Number(u) : (u as Scalar);
  });
}

/** The oracle's view of a returned object (same keys as `Evaluator.objectView`). */
export function viewOf(entity: EntityName, obj: IObject): ObjectView {
  const o = obj as unknown as Record<string, unknown> & { details: Record<string, { id?: unknown } | null | undefined> };
  const view: Record<string, Scalar> = { id: unwrap(obj.id) as number };
  for (const [name, prop] of Object.entries(SCHEMA[entity].props)) {
    if (prop.kind === 'scalar' && name !== 'id') view[name] = (unwrap(o[name]) as Scalar | undefined) ?? null;
    else if (prop.kind === 'ref') {
      const target = name.startsWith('details.') ? o.details[name.slice('details.'.length)] : (o[name] as { id?: unknown } | null | undefined);
      view[name] = (unwrap(target?.id) as number | undefined) ?? null;
    }
  }
  return view;
}

/** Where the oracle's queries are run: the server in process, or a real client. */
export interface QueryRunner {
  /** Makes `world` the database's content; returns the world as the oracle must see it. */
  load(world: World): Promise<World>;
  /** Runs the cases of one call, answers in order. */
  runBatch(call: Call, cases: readonly { readonly qc: QueryCase; readonly entity: EntityName | null }[]): Promise<Actual[]>;
  /** Positions of strings in the database's collation. */
  ranks(strings: Iterable<string>): Promise<Map<string, number>>;
  /** Whether a user can make calls (log in). Default: everybody. */
  canCall?(userId: number): boolean;
}

/** Runs queries for callers of one loaded world, in process. */
export class ServerPath implements QueryRunner {
  readonly #knex: Knex;
  readonly #service = new QueryService();
  readonly #memberships = new Map<number, Membership>();
  readonly #sessions = new Map<number, SessionRow>();
  readonly #makeCall: CallFactory;

  constructor(knex: Knex, makeCall: CallFactory = realCall) {
    this.#knex = knex;
    this.#makeCall = makeCall;
  }

  /** Writes the world into the database and reads back what calls need. */
  async load(world: World): Promise<World> {
    await loadWorld(this.#knex, world);
    await this.#prepare(world);
    return world;
  }

  /** Positions of strings in the database's collation. */
  ranks(strings: Iterable<string>): Promise<Map<string, number>> {
    return collationRanks(this.#knex, strings);
  }

  async #prepare(world: World): Promise<void> {
    this.#memberships.clear();
    this.#sessions.clear();
    for (const u of world.users) this.#memberships.set(u.id, await loadMembership(this.#knex, u.id));
    for (const s of world.session) {
      if (this.#sessions.has(s.ownerId)) continue;
      this.#sessions.set(s.ownerId, {
        id: s.id,
        uuid_hash: `oracle-${s.id}`,
        owner: s.ownerId,
        sudoer: null,
        group_id: s.groupId,
        started: new Date(),
        last_access: new Date(),
        closed: null,
        time_to_idle: 0,
        time_to_live: 0,
        user_agent: s.userAgent,
        password_auth: true,
      });
    }
  }

  /** The session a user's calls run in. */
  sessionOf(userId: number): SessionRow {
    const s = this.#sessions.get(userId);
    if (!s) throw new Error(`no session for user ${userId}`);
    return s;
  }

  /**
   * Runs the cases of one call in as few transactions as possible, with one CallContext (as one
   * remote call would have), as queries that fail in the database abort their transaction.
   */
  async runBatch(call: Call, cases: readonly { readonly qc: QueryCase; readonly entity: EntityName | null }[]): Promise<Actual[]> {
    const out: Actual[] = [];
    while (out.length < cases.length) {
      try {
        await this.#knex.transaction(async (trx) => {
          let ctx: CallContext;
          try {
            ctx = await this.#makeCall(trx, this.sessionOf(call.userId), `oracle-${call.userId}`, this.#memberships.get(call.userId)!, call.ctx);
          } catch (e) {
            // The call itself is refused: so is every query in it.
            while (out.length < cases.length) out.push({ kind: 'error', error: asError(e) });
            return;
          }
          while (out.length < cases.length) {
            const { qc, entity } = cases[out.length]!;
            const actual = await this.#one(ctx, qc, entity);
            out.push(actual);
            if (actual.kind === 'error' && !(actual.error instanceof ServerError)) throw actual.error;
          }
        });
      } catch {
        // A database error ended the transaction; the rest of the batch gets a fresh one.
      }
    }
    return out;
  }

  async #one(ctx: CallContext, qc: QueryCase, entity: EntityName | null): Promise<Actual> {
    const hql = renderHql(qc.query, qc.spelling);
    const params = parametersOf(qc);
    try {
      if (qc.mode === 'objects') {
        const objects = await this.#service.findAllByQuery(ctx, hql, params);
        return { kind: 'objects', objects: objects.map((o) => viewOf(entity!, o)) };
      }
      const rows = await this.#service.projection(ctx, hql, params);
      return { kind: 'rows', rows: rows.map(plainRow) };
    } catch (e) {
      return { kind: 'error', error: asError(e) };
    }
  }
}

function asError(e: unknown): Error {
  return e instanceof Error ? e : new Error(String(e));
}
