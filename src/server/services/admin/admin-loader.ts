import type { Knex } from 'knex';
import {
  ExperimenterGroupI,
  ExperimenterI,
  GroupExperimenterMapI,
  NamedValue,
  PermissionsI,
  rbool,
  rlong,
  rstring,
} from '../../../model/index.js';
import { jsonColumn } from '../../db/json-column.js';
import { canSeeUserDetails, type ReadScope } from '../../security/index.js';

/** An `experimenter` row. */
export interface ExperimenterRow {
  id: number;
  omename: string;
  firstname: string;
  middlename: string | null;
  lastname: string;
  institution: string | null;
  email: string | null;
  ldap: boolean;
  version: number;
}

/** An `experimentergroup` row. */
export interface GroupRow {
  id: number;
  name: string;
  description: string | null;
  permissions: number;
  ldap: boolean;
  version: number;
}

/** A user as the caller may see it: names masked unless related (reference permissions §2.5). */
export function experimenterFromRow(row: ExperimenterRow, scope: ReadScope | null): ExperimenterI {
  const e = new ExperimenterI(Number(row.id), true);
  const visible = scope === null || canSeeUserDetails(scope, Number(row.id));
  e.omeName = rstring(visible ? row.omename : '<hidden>');
  e.firstName = rstring(visible ? row.firstname : '<hidden>');
  e.lastName = rstring(visible ? row.lastname : '<hidden>');
  e.middleName = visible && row.middlename !== null ? rstring(row.middlename) : null;
  e.institution = visible && row.institution !== null ? rstring(row.institution) : null;
  e.email = visible && row.email !== null ? rstring(row.email) : null;
  e.ldap = rbool(Boolean(row.ldap));
  e.version = rint0(row.version);
  return e;
}

/** A group with its permission level in `details.permissions` (groups keep their own, §1.3). */
export function groupFromRow(row: GroupRow): ExperimenterGroupI {
  const g = new ExperimenterGroupI(Number(row.id), true);
  g.name = rstring(row.name);
  g.description = row.description === null ? null : rstring(row.description);
  g.ldap = rbool(Boolean(row.ldap));
  g.version = rint0(row.version);
  const p = new PermissionsI(Number(row.permissions));
  g.details.permissions = p;
  return g;
}

function rint0(v: number): ReturnType<typeof rlong> {
  return rlong(Number(v ?? 0));
}

/** A membership as the loaders read it, its group (users) or its user's id (groups) with it. */
interface MapJson {
  id: number;
  owner: boolean;
  group?: GroupRow;
  child?: number;
}

/** Each user's memberships in index order, each with its group's row, as JSON (one statement). */
const USER_MAPS_SQL = `coalesce((select json_agg(json_build_object('id', m.id, 'owner', m.owner, 'group', row_to_json(g)) order by m.child_index)
  from groupexperimentermap m join experimentergroup g on g.id = m.parent where m.child = e.id), '[]') as maps`;
/** Each user's configuration in index order, as JSON. */
const USER_CONFIG_SQL = `coalesce((select json_agg(json_build_object('name', c.name, 'value', c.value) order by c.index)
  from experimenter_config c where c.experimenter_id = e.id), '[]') as config`;
/** Each group's memberships in id order, with the member's id, as JSON. */
const GROUP_MAPS_SQL = `coalesce((select json_agg(json_build_object('id', m.id, 'owner', m.owner, 'child', m.child) order by m.id)
  from groupexperimentermap m where m.parent = g.id), '[]') as maps`;

/**
 * Users with their memberships loaded (`groupExperimenterMap` in index order, each map's
 * `parent` group loaded), as IAdmin returns them. One statement, so the users, their
 * memberships, groups and configuration come from one snapshot even on the pool.
 */
export async function loadExperimenters(
  db: Knex,
  where: (q: Knex.QueryBuilder) => Knex.QueryBuilder,
  scope: ReadScope | null,
): Promise<ExperimenterI[]> {
  const rows = (await db
    .select('e.*', db.raw(USER_MAPS_SQL), db.raw(USER_CONFIG_SQL))
    .from(where(db('experimenter').select('*')).as('e'))
    .orderBy('e.id')) as Array<ExperimenterRow & { maps: unknown; config: unknown }>;
  return rows.map((row) => {
    const e = experimenterFromRow(row, scope);
    e.config = jsonColumn<Array<{ name: string; value: string }>>(row.config).map((c) => new NamedValue(c.name, c.value));
    for (const m of jsonColumn<MapJson[]>(row.maps)) {
      const map = mapFromRow(m);
      map.parent = groupFromRow(m.group!);
      map.child = e;
      e.addGroupExperimenterMap(map);
    }
    return e;
  });
}

/**
 * Groups with their members loaded (`groupExperimenterMap`, each map's `child` user loaded, and
 * that user's own maps) so that `group.linkedExperimenterList()` works, as IAdmin returns them.
 * Two statements: the groups with their memberships, then the members (users are never deleted,
 * so every member read by the first is found by the second).
 */
export async function loadGroups(
  db: Knex,
  where: (q: Knex.QueryBuilder) => Knex.QueryBuilder,
  scope: ReadScope | null,
): Promise<ExperimenterGroupI[]> {
  const rows = (await db
    .select('g.*', db.raw(GROUP_MAPS_SQL))
    .from(where(db('experimentergroup').select('*')).as('g'))
    .orderBy('g.id')) as Array<GroupRow & { maps: unknown }>;
  if (rows.length === 0) return [];
  const maps = new Map(rows.map((r) => [r, jsonColumn<MapJson[]>(r.maps)]));
  const memberIds = [...new Set([...maps.values()].flatMap((ms) => ms.map((m) => Number(m.child))))];
  const users = memberIds.length === 0 ? [] : await loadExperimenters(db, (q) => q.whereIn('id', memberIds), scope);
  const byId = new Map(users.map((u) => [u.id!.val as number, u]));
  return rows.map((row) => {
    const g = groupFromRow(row);
    for (const m of maps.get(row)!) {
      const child = byId.get(Number(m.child));
      if (!child) continue;
      const map = mapFromRow(m);
      map.parent = g;
      map.child = child;
      g.addGroupExperimenterMap(map);
    }
    return g;
  });
}

function mapFromRow(m: { id: number; owner: boolean }): GroupExperimenterMapI {
  const map = new GroupExperimenterMapI(Number(m.id), true);
  map.owner = rbool(Boolean(m.owner));
  return map;
}
