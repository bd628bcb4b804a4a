import type { Knex } from 'knex';

/**
 * A synthetic OMERO world, generated inside the database with `insert … select generate_series`
 * (one statement per table, no per-row round trips), so that a million projects load in seconds:
 *
 * - `groups` groups `bench-g-N`, permission levels cycling private / read-only / read-annotate /
 *   read-write;
 * - `users` users `bench-u-N`, each in 1–4 groups (default group first, then "user", then the
 *   others — the order the admin API writes) — about 2.5 memberships a user; user N ≤ groups owns
 *   its default group, so every group has one owner;
 * - one event per membership, and projects spread round-robin over the memberships (so an owner
 *   is always a member of the project's group), added in steps (`addProjects`).
 *
 * Every user gets the same password hash (computed once by the caller), so any can log in.
 */
export const PERMISSION_LEVELS = [
  { name: 'private', perms: -120 },
  { name: 'read-only', perms: -56 },
  { name: 'read-annotate', perms: -40 },
  { name: 'read-write', perms: -8 },
] as const;

export interface WorldSpec {
  readonly users: number;
  readonly groups: number;
}

/** Creates the users, groups, memberships and events (not the projects). Idempotent per database. */
export async function seedWorld(knex: Knex, spec: WorldSpec, passwordHash: string): Promise<{ memberships: number }> {
  if (spec.groups < 4) throw new Error('the synthetic world needs at least 4 groups');
  return knex.transaction(async (trx) => {
    await trx.raw(
      `insert into experimentergroup (name, description, permissions)
       select 'bench-g-' || i, 'benchmark group ' || i, (array[${PERMISSION_LEVELS.map((l) => l.perms).join(',')}]::bigint[])[1 + (i % 4)]
       from generate_series(1, ?::int) i`,
      [spec.groups],
    );
    await trx.raw(
      `insert into experimenter (omename, firstname, lastname, email, institution)
       select 'bench-u-' || i, 'First' || i, 'Last' || i, 'bench-u-' || i || '@example.org', 'Bench'
       from generate_series(1, ?::int) i`,
      [spec.users],
    );
    // bench_membership: user number i, its j-th group (j = 0 is the default), the ids, and a row number.
    await trx.raw(
      `create table bench_membership as
       select row_number() over (order by u.id, j)::int as rn, u.i::int as ui, j::int as j, u.id as child, g.id as parent,
              g.permissions as perms, (j = 0 and u.i <= ?::int) as owner
       from (select id, row_number() over (order by id) as i from experimenter where omename like 'bench-u-%') u
       cross join lateral generate_series(0, ((u.i * 7) % 4)::int) j
       join (select id, permissions, row_number() over (order by id) - 1 as gi from experimentergroup where name like 'bench-g-%') g
         on g.gi = (u.i * 13 + j * 97) % ?::int`,
      [spec.groups, spec.groups],
    );
    await trx.raw(
      `insert into groupexperimentermap (parent, child, owner, child_index)
       select parent, child, owner, case when j = 0 then 0 else j + 1 end from bench_membership
       union all
       select 1, child, false, 1 from bench_membership where j = 0`,
    );
    await trx.raw(`insert into password (experimenter_id, hash) select id, ? from experimenter where omename like 'bench-u-%'`, [passwordHash]);
    await trx.raw(`insert into event (experimenter, experimentergroup, type) select child, parent, 'Bench' from bench_membership order by rn`);
    await trx.raw(`alter table bench_membership add column event bigint`);
    await trx.raw(
      `update bench_membership m set event = e.id from event e
       where e.type = 'Bench' and e.experimenter = m.child and e.experimentergroup = m.parent`,
    );
    await trx.raw('create unique index bench_membership_rn on bench_membership (rn)');
    // pickRoles looks memberships up by user and by group: without these, its correlated
    // subqueries are quadratic (minutes at 100,000 users).
    await trx.raw('create index bench_membership_child on bench_membership (child)');
    await trx.raw('create index bench_membership_parent on bench_membership (parent)');
    await trx.raw('analyze bench_membership');
    const [{ n }] = (await trx.raw('select count(*)::int as n from bench_membership')).rows as Array<{ n: number }>;
    return { memberships: n };
  });
}

/**
 * Adds projects number `from`..`to` (inclusive), spread over the memberships; foreign-key
 * triggers are skipped for the load when the role may (the rows are consistent by construction).
 */
export async function addProjects(knex: Knex, from: number, to: number): Promise<void> {
  await knex.transaction(async (trx) => {
    // Millions of rows take longer than the connection's statement timeout (a server setting).
    await trx.raw('set local statement_timeout = 0');
    try {
      await trx.raw('savepoint replica');
      await trx.raw('set local session_replication_role = replica');
      await trx.raw('release savepoint replica');
    } catch {
      await trx.raw('rollback to savepoint replica');
    }
    await trx.raw(
      `insert into project (name, description, owner_id, group_id, permissions, creation_id, update_id)
       select 'project-' || i, null, m.child, m.parent, m.perms, m.event, m.event
       from generate_series(?::int, ?::int) i
       join bench_membership m on m.rn = 1 + i % (select count(*) from bench_membership)`,
      [from, to],
    );
  });
  // Vacuumed and analysed before measuring, as autovacuum would leave a table of that age: else
  // the first reads set hint bits page by page and autovacuum's own pass on millions of new rows
  // runs in the middle of the timed queries. PGlite: analyse only (its vacuum is slow and moot).
  if (knex.client.config?.client === 'pg') {
    // On one connection, whose statement timeout is lifted for it (VACUUM cannot run in a transaction).
    const conn = await knex.client.acquireConnection();
    try {
      await knex.raw('set statement_timeout = 0').connection(conn);
      await knex.raw('vacuum (analyze) project').connection(conn);
      await knex.raw('reset statement_timeout').connection(conn);
    } finally {
      await knex.client.releaseConnection(conn);
    }
  } else {
    await knex.raw('analyze project');
  }
  await knex.raw('analyze groupexperimentermap');
}

/** Users picked for the role-based queries. */
export interface WorldRoles {
  /** A user who is a plain member (owner of nothing) of 4 groups. */
  readonly member: { readonly id: number; readonly name: string; readonly defaultGroup: number; readonly groups: readonly number[] };
  /** The owner of the member's default group. */
  readonly owner: { readonly id: number; readonly name: string; readonly group: number };
  /** The member's default group and its level. */
  readonly group: { readonly id: number; readonly name: string; readonly level: string };
}

/** Picks a member of 4 groups whose default group is read-only (group-readable), and that group's owner. */
export async function pickRoles(knex: Knex): Promise<WorldRoles> {
  const rows = (
    await knex.raw(
      `select m.child, m.parent, e.omename, g.name, g.permissions
       from bench_membership m join experimenter e on e.id = m.child join experimentergroup g on g.id = m.parent
       where m.j = 0 and not m.owner and g.permissions = ?
         and (select count(*) from bench_membership x where x.child = m.child) = 4
         and not exists (select 1 from bench_membership x where x.child = m.child and x.owner)
       order by m.child limit 1`,
      [PERMISSION_LEVELS[1].perms],
    )
  ).rows as Array<{ child: number; parent: number; omename: string; name: string; permissions: number }>;
  const fallback = (
    await knex.raw(
      `select m.child, m.parent, e.omename, g.name, g.permissions
       from bench_membership m join experimenter e on e.id = m.child join experimentergroup g on g.id = m.parent
       where m.j = 0 and not m.owner order by m.child limit 1`,
    )
  ).rows as typeof rows;
  const m = rows[0] ?? fallback[0];
  if (!m) throw new Error('no plain member in the synthetic world');
  const groups = ((await knex.raw('select parent from bench_membership where child = ? order by j', [m.child])).rows as Array<{ parent: number }>).map((r) => Number(r.parent));
  const owner = (
    await knex.raw(`select m.child, e.omename from bench_membership m join experimenter e on e.id = m.child where m.parent = ? and m.owner limit 1`, [m.parent])
  ).rows as Array<{ child: number; omename: string }>;
  if (!owner[0]) throw new Error(`group ${m.parent} has no owner`);
  const level = PERMISSION_LEVELS.find((l) => l.perms === Number(m.permissions))?.name ?? String(m.permissions);
  return {
    member: { id: Number(m.child), name: m.omename, defaultGroup: Number(m.parent), groups },
    owner: { id: Number(owner[0].child), name: owner[0].omename, group: Number(m.parent) },
    group: { id: Number(m.parent), name: m.name, level },
  };
}
