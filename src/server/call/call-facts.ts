import type { CallDb } from './call-context.js';
import { RemovedSessionException } from '../../model/index.js';
import { grantedSql, privilegesOf, Right, Role, sudoSessionMembership, SystemIds } from '../security/index.js';
import { jsonColumn } from '../db/json-column.js';
import type { Membership } from './membership.js';
import { checkSessionKey, hashSessionKey, liveSession, sessionColumns, type SessionRow, type StoredSessionRow } from './session-row.js';

/** Everything a call needs to know about its caller, read in one statement. */
export interface CallFacts {
  readonly session: SessionRow;
  readonly membership: Membership;
  /**
   * `permissions` of the session's group, the caller's groups, the requested group and (when
   * fetched) the world-readable groups. Calls add the groups they load later (to describe the
   * objects they return), so that cached facts learn them once; see `CallContext.loadPerms`.
   */
  readonly perms: Map<number, number>;
  /** Ids of the world-readable groups, when the read scope will need them (context -1, not an admin); else undefined. */
  readonly worldReadableGroupIds: readonly number[] | undefined;
  /** Users sharing a group-readable group (not "user") with the caller, when the read scope needs them; else undefined. */
  readonly colleagueIds: readonly number[] | undefined;
  /** The counters these facts were read at (migration 0003): a cached read checks them in its own statement. */
  readonly stamp: FactsStamp;
}

/** `security_epoch.epoch` and the session's `facts_version`, read in the same snapshot as the facts. */
export interface FactsStamp {
  readonly epoch: number;
  readonly sessionId: number;
  readonly sessionVersion: number;
}

export interface CallFactsOptions {
  /** The group of the call context when it names one (an id ≥ 0, or -1 for all groups). */
  readonly requestedGroup: number | null;
  /**
   * A read-only call (the query services, the IAdmin lookups): also read the read-scope facts
   * now (nothing in the call can change them before they are used).
   */
  readonly query: boolean;
}

/** The read-scope facts (`CallContext.scope`), for query-service calls. */
const SCOPE_FACTS_SQL = `,
       case when ?::boolean and not f.is_admin then
         coalesce((select json_agg(json_build_object('id', g.id, 'permissions', g.permissions))
                   from experimentergroup g where ${grantedSql('g', Role.WORLD, Right.READ)}), '[]'::json)
       end as omero_world,
       case when not f.is_admin and not f.is_leader then
         coalesce((select json_agg(distinct m.child)
                   from groupexperimentermap m join experimentergroup g on g.id = m.parent
                   where m.parent in (select gm.parent from groupexperimentermap gm where gm.child = s.owner and gm.parent <> ?)
                     and ${grantedSql('g', Role.GROUP, Right.READ)}), '[]'::json)
       end as omero_colleagues`;

/** The session's columns, named (a prepared statement's result must not change with the table). */
const SESSION_COLUMNS = sessionColumns('s').join(', ');

/**
 * The session row (by key hash), the caller's memberships in index order, ownerships, privilege
 * configuration, the permissions of every group involved and the facts of the read scope — in
 * ONE round trip instead of six (issue 6: per-call cost, scripts/bench). Everything is still
 * read fresh on every call, as OMERO reloads the EventContext per call, so membership and
 * permission changes are visible to the very next call. The same rules as `findLiveSession`,
 * `loadMembership`, `CallContext.loadPerms` and `CallContext.scope`, which remain the reference.
 */
export async function loadCallFacts(trx: CallDb, key: string, o: CallFactsOptions): Promise<CallFacts> {
  checkSessionKey(key);
  const wantsWorld = o.requestedGroup !== null && o.requestedGroup < 0;
  const extraGroups = o.requestedGroup !== null && o.requestedGroup >= 0 ? [o.requestedGroup] : [];
  const result = await trx.raw(
    `select ${SESSION_COLUMNS},
       coalesce((select json_agg(json_build_object('parent', gm.parent, 'owner', gm.owner) order by gm.child_index)
                 from groupexperimentermap gm where gm.child = s.owner), '[]'::json) as omero_maps,
       coalesce((select json_agg(json_build_object('name', ec.name, 'value', ec.value) order by ec.index)
                 from experimenter_config ec where ec.experimenter_id = s.owner), '[]'::json) as omero_config,
       case when s.sudoer is not null then json_build_object(
         'maps', coalesce((select json_agg(json_build_object('parent', gm.parent, 'owner', gm.owner) order by gm.child_index)
                           from groupexperimentermap gm where gm.child = s.sudoer), '[]'::json),
         'config', coalesce((select json_agg(json_build_object('name', ec.name, 'value', ec.value) order by ec.index)
                             from experimenter_config ec where ec.experimenter_id = s.sudoer), '[]'::json))
       end as omero_sudoer,
       coalesce((select json_agg(json_build_object('id', g.id, 'permissions', g.permissions))
                 from experimentergroup g
                 where g.id = s.group_id or g.id = any(?::bigint[])
                    or g.id in (select gm.parent from groupexperimentermap gm where gm.child = s.owner)), '[]'::json) as omero_perms
       ${o.query ? SCOPE_FACTS_SQL : ''},
       (select e.epoch from security_epoch e) as omero_epoch
     from session s
     cross join lateral (
       select coalesce(bool_or(gm.parent = ?), false) as is_admin, coalesce(bool_or(gm.owner), false) as is_leader
       from groupexperimentermap gm where gm.child = s.owner
     ) f
     where s.uuid_hash = ?`,
    [extraGroups, ...(o.query ? [wantsWorld, SystemIds.USER_GROUP] : []), SystemIds.SYSTEM_GROUP, hashSessionKey(key)],
  )
    // A named statement: the pg driver prepares it once per connection and PostgreSQL reuses its
    // plan, which matters because planning this statement costs more than running it (PGlite's
    // driver ignores the name).
    .options({ name: o.query ? 'omero_call_facts_query' : 'omero_call_facts' });
  const raw = (result.rows as Array<Record<string, unknown>>)[0];
  if (!raw) throw new RemovedSessionException('No session with the given key');
  const { omero_maps, omero_config, omero_perms, omero_world, omero_colleagues, omero_sudoer, omero_epoch, ...row } = raw;
  const session = await liveSession(trx, row as unknown as StoredSessionRow);
  const own = membershipOf(session.owner, jsonColumn(omero_maps), jsonColumn(omero_config));
  // A sudo session reaches no further than its sudoer allows (reference permissions §5.4, 2019-SV6).
  const sudoer = omero_sudoer === null || omero_sudoer === undefined || session.sudoer === null ? null : jsonColumn<SudoerFacts>(omero_sudoer);
  const membership: Membership = sudoer === null ? own : sudoSessionMembership(own, membershipOf(session.sudoer!, sudoer.maps, sudoer.config));
  const perms = new Map<number, number>();
  const world = omero_world === null || omero_world === undefined || !o.query ? undefined : jsonColumn<Array<{ id: number; permissions: number }>>(omero_world);
  for (const g of [...jsonColumn<Array<{ id: number; permissions: number }>>(omero_perms), ...(world ?? [])]) perms.set(Number(g.id), Number(g.permissions));
  // Not fetched, or not needed (admins and group owners see every user's details): the scope decides.
  const colleagues = omero_colleagues === null || omero_colleagues === undefined ? undefined : jsonColumn<number[]>(omero_colleagues).map(Number);
  return {
    session,
    membership,
    perms,
    worldReadableGroupIds: world?.map((g) => Number(g.id)),
    colleagueIds: colleagues,
    stamp: { epoch: Number(omero_epoch), sessionId: session.id, sessionVersion: Number(row.facts_version) },
  };
}

/** The memberships and configuration of a sudo session's sudoer. */
interface SudoerFacts {
  readonly maps: Array<{ parent: number; owner: boolean }>;
  readonly config: Array<{ name: string; value: string }>;
}

function membershipOf(userId: number, maps: Array<{ parent: number; owner: boolean }>, config: Array<{ name: string; value: string }>): Membership {
  const memberOf = maps.map((m) => Number(m.parent));
  const isAdmin = memberOf.includes(SystemIds.SYSTEM_GROUP);
  return { memberOf, leaderOf: maps.filter((m) => m.owner).map((m) => Number(m.parent)), isAdmin, privileges: privilegesOf(userId, isAdmin, config) };
}
