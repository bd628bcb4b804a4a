import type { Knex } from 'knex';
import { GUEST, ROOT, type World } from './world.js';

/**
 * Writes a world into a database initialised by `omero db init` (the test template: system
 * groups 0–2, root and guest), replacing whatever world was there before. Raw inserts, no server
 * code: the rows are exactly the world's.
 */

const DATA_TABLES = ['project', 'dataset', 'image', 'annotation'] as const;
const LINK_TABLES = ['projectdatasetlink', 'datasetimagelink', 'projectannotationlink', 'datasetannotationlink', 'imageannotationlink'] as const;

/** The group's `perm1` from its string (reference permissions §1.1: from EMPTY, OR the granted bits). */
export function perm1(perms: string): number {
  let v = -1912;
  const bits: Record<number, [number, number, number]> = { 0: [1024, 512, 256], 1: [64, 32, 16], 2: [4, 2, 1] };
  for (let role = 0; role < 3; role++) {
    const [read, write, annotate] = bits[role]!;
    if (perms[role * 2] === 'r') v |= read;
    const w = perms[role * 2 + 1];
    if (w === 'w') v |= write | annotate;
    if (w === 'a') v |= annotate;
  }
  return v;
}

const DISCRIMINATOR = { tag: '/basic/text/tag/', comment: '/basic/text/comment/', long: '/basic/num/long/' } as const;

async function insert(trx: Knex.Transaction, table: string, rows: readonly Record<string, unknown>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) await trx(table).insert(rows.slice(i, i + 200));
}

/**
 * Loads `world`. With `passwordHash`, every user but root and guest gets it (for logins through
 * the client); root keeps its own password and guest has none.
 */
export async function loadWorld(knex: Knex, world: World, passwordHash?: string): Promise<void> {
  await knex.transaction(async (trx) => {
    for (const t of [...LINK_TABLES, 'annotation_mapvalue', ...DATA_TABLES]) await trx(t).delete();
    await trx('session').delete();
    await trx('event').delete();
    await trx('login_failure').delete();
    await trx('groupexperimentermap').delete();
    await trx('experimenter_config').delete();
    await trx('password').where('experimenter_id', '>', GUEST).delete();
    await trx('experimenter').where('id', '>', GUEST).delete();
    await trx('experimentergroup').where('id', '>', 2).delete();

    await insert(trx, 'experimentergroup', world.groups.filter((g) => g.id > 2).map((g) => ({ id: g.id, name: g.name, permissions: perm1(g.perms) })));
    const users = world.users.filter((u) => u.id !== ROOT && u.id !== GUEST);
    await insert(
      trx,
      'experimenter',
      users.map((u) => ({
        id: u.id,
        omename: u.omeName,
        firstname: u.firstName,
        middlename: u.middleName,
        lastname: u.lastName,
        institution: u.institution,
        email: u.email,
      })),
    );
    if (passwordHash) await insert(trx, 'password', users.map((u) => ({ experimenter_id: u.id, hash: passwordHash })));
    await insert(trx, 'groupexperimentermap', world.members.map((m) => ({ id: m.id, parent: m.groupId, child: m.userId, owner: m.owner, child_index: m.index })));
    await insert(
      trx,
      'session',
      world.session.map((s) => ({
        id: s.id,
        uuid_hash: `oracle-${s.id}`,
        owner: s.ownerId,
        group_id: s.groupId,
        time_to_idle: 0,
        time_to_live: 0,
        user_agent: s.userAgent,
      })),
    );
    await trx('event').insert({ id: 1, experimenter: ROOT, experimentergroup: 0, session: null });
    const perms = new Map(world.groups.map((g) => [g.id, perm1(g.perms)]));
    const details = (r: { ownerId: number; groupId: number }) => ({
      owner_id: r.ownerId,
      group_id: r.groupId,
      permissions: perms.get(r.groupId)!,
      creation_id: 1,
      update_id: 1,
    });
    for (const t of ['project', 'dataset', 'image'] as const) {
      await insert(trx, t, world[t].map((r) => ({ id: r.id, name: r.name, description: r.description, ...details(r) })));
    }
    await insert(
      trx,
      'annotation',
      world.annotation.map((a) => ({
        id: a.id,
        discriminator: DISCRIMINATOR[a.kind],
        ns: a.ns,
        textvalue: a.textValue,
        longvalue: a.longValue,
        ...details(a),
      })),
    );
    for (const t of LINK_TABLES) {
      await insert(trx, t, world[t].map((l) => ({ id: l.id, parent: l.parent, child: l.child, ...details(l) })));
    }
    for (const t of ['experimentergroup', 'experimenter', 'groupexperimentermap', 'session', 'event', ...DATA_TABLES, ...LINK_TABLES]) {
      await trx.raw(`select setval(pg_get_serial_sequence('${t}', 'id'), greatest((select max(id) from ${t}), 1) + 100)`);
    }
  });
}

/**
 * Positions of strings in the database's collation order (`order by` on text), so that the
 * oracle sorts as the database does. Distinct strings get distinct ranks.
 */
export async function collationRanks(knex: Knex, strings: Iterable<string>): Promise<Map<string, number>> {
  const values = [...new Set(strings)];
  const result = await knex.raw('select v from unnest(?::text[]) as t(v) order by v', [values]);
  const ranks = new Map<string, number>();
  (result.rows as { v: string }[]).forEach((r, i) => ranks.set(r.v, i));
  return ranks;
}

/** Every string of a world that a query can return, masked or lower-cased. */
export function worldStrings(world: World): Set<string> {
  const out = new Set<string>(['<hidden>']);
  const add = (v: unknown): void => {
    if (typeof v === 'string') {
      out.add(v);
      out.add(v.toLowerCase());
    }
  };
  for (const rows of Object.values(world) as (readonly object[])[]) for (const r of rows) for (const v of Object.values(r)) add(v);
  return out;
}
