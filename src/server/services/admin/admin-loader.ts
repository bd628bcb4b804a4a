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

interface MapRow {
  id: number;
  parent: number;
  child: number;
  owner: boolean;
  child_index: number;
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

/**
 * Users with their memberships loaded (`groupExperimenterMap` in index order, each map's
 * `parent` group loaded), as IAdmin returns them.
 */
export async function loadExperimenters(
  db: Knex,
  where: (q: Knex.QueryBuilder) => Knex.QueryBuilder,
  scope: ReadScope | null,
): Promise<ExperimenterI[]> {
  const rows = (await where(db('experimenter').select('*')).orderBy('id')) as ExperimenterRow[];
  if (rows.length === 0) return [];
  const ids = rows.map((r) => Number(r.id));
  const maps = (await db('groupexperimentermap').select('*').whereIn('child', ids).orderBy(['child', 'child_index'])) as MapRow[];
  const groups = await groupsById(db, [...new Set(maps.map((m) => Number(m.parent)))]);
  const config = await db('experimenter_config').select('*').whereIn('experimenter_id', ids).orderBy(['experimenter_id', 'index']);
  return rows.map((row) => {
    const e = experimenterFromRow(row, scope);
    const own = config.filter((c) => Number(c.experimenter_id) === Number(row.id));
    e.config = own.map((c) => new NamedValue(c.name, c.value));
    for (const m of maps.filter((x) => Number(x.child) === Number(row.id))) {
      const map = mapFromRow(m);
      map.parent = groupFromRow(groups.get(Number(m.parent))!);
      map.child = e;
      e.addGroupExperimenterMap(map);
    }
    return e;
  });
}

/**
 * Groups with their members loaded (`groupExperimenterMap`, each map's `child` user loaded, and
 * that user's own maps) so that `group.linkedExperimenterList()` works, as IAdmin returns them.
 */
export async function loadGroups(
  db: Knex,
  where: (q: Knex.QueryBuilder) => Knex.QueryBuilder,
  scope: ReadScope | null,
): Promise<ExperimenterGroupI[]> {
  const rows = (await where(db('experimentergroup').select('*')).orderBy('id')) as GroupRow[];
  if (rows.length === 0) return [];
  const ids = rows.map((r) => Number(r.id));
  const maps = (await db('groupexperimentermap').select('*').whereIn('parent', ids).orderBy('id')) as MapRow[];
  const users = await loadExperimenters(db, (q) => q.whereIn('id', [...new Set(maps.map((m) => Number(m.child)))]), scope);
  const byId = new Map(users.map((u) => [u.id!.val as number, u]));
  return rows.map((row) => {
    const g = groupFromRow(row);
    for (const m of maps.filter((x) => Number(x.parent) === Number(row.id))) {
      const map = mapFromRow(m);
      map.parent = g;
      map.child = byId.get(Number(m.child))!;
      g.addGroupExperimenterMap(map);
    }
    return g;
  });
}

function mapFromRow(m: MapRow): GroupExperimenterMapI {
  const map = new GroupExperimenterMapI(Number(m.id), true);
  map.owner = rbool(Boolean(m.owner));
  return map;
}

async function groupsById(db: Knex, ids: number[]): Promise<Map<number, GroupRow>> {
  if (ids.length === 0) return new Map();
  const rows = (await db('experimentergroup').select('*').whereIn('id', ids)) as GroupRow[];
  return new Map(rows.map((r) => [Number(r.id), r]));
}
