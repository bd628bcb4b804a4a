import type { Knex } from 'knex';
import { hashPassword } from '../../../auth/password-hash.js';
import type { CreatePlan, UpdatePlan } from './user-import-plan.js';
import type { ConfigState, MapState } from './user-import-state.js';

/** Rows per multi-row INSERT: well under PostgreSQL's 65,535 bound parameters. */
const BATCH = 1000;

async function insertAll(trx: Knex.Transaction, table: string, rows: readonly Record<string, unknown>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) await trx(table).insert(rows.slice(i, i + BATCH));
}

function mapRows(userId: number, maps: readonly MapState[]) {
  return maps.map((m, index) => ({ parent: m.parent, child: userId, owner: m.owner, child_index: index }));
}

function configRows(userId: number, config: readonly ConfigState[]) {
  return config.map((c, index) => ({ experimenter_id: userId, index, name: c.name, value: c.value }));
}

/**
 * Creates the planned users with a few multi-row statements whatever their number (users,
 * memberships, passwords, config); the password hashes run meanwhile on the thread pool. Returns
 * each login's new id.
 */
export async function createUsers(trx: Knex.Transaction, plans: readonly CreatePlan[], hashing: boolean): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  if (plans.length === 0) return ids;
  const hashes = hashing
    ? Promise.all(plans.map((p) => {
        const password = p.row.password || p.row.generatedPassword;
        return p.row.ldap || p.row.passwordHash || !password ? null : hashPassword(password);
      }))
    : Promise.resolve(plans.map(() => null));
  // Never left unhandled while the inserts run.
  hashes.catch(() => undefined);
  for (let i = 0; i < plans.length; i += BATCH) {
    const inserted = await trx('experimenter')
      .insert(plans.slice(i, i + BATCH).map(({ row }) => ({
        omename: row.login,
        firstname: row.first,
        lastname: row.last,
        middlename: row.middle || null,
        institution: row.institution || null,
        email: row.email || null,
        ldap: Boolean(row.ldap),
      })))
      .returning(['id', 'omename']);
    for (const r of inserted) ids.set(String(r.omename), Number(r.id));
  }
  const id = (p: CreatePlan) => ids.get(p.row.login)!;
  await insertAll(trx, 'groupexperimentermap', plans.flatMap((p) => mapRows(id(p), p.maps)));
  await insertAll(trx, 'experimenter_config', plans.flatMap((p) => configRows(id(p), p.config)));
  const hashed = await hashes;
  const passwords = plans.flatMap((p, i) => {
    const hash = p.row.ldap ? null : p.row.passwordHash || hashed[i];
    return hash ? [{ experimenter_id: id(p), hash }] : [];
  });
  await insertAll(trx, 'password', passwords);
  return ids;
}

/** Applies one planned change to an existing user: fields, then memberships, then config. */
export async function updateUser(trx: Knex.Transaction, plan: UpdatePlan): Promise<void> {
  const uid = plan.user.row.id;
  if (Object.keys(plan.fields).length > 0) {
    await trx('experimenter').where({ id: uid }).update({ ...plan.fields, version: trx.raw('version + 1') });
  }
  if (plan.maps) {
    const wanted = plan.maps.map((m) => m.parent);
    const gone = plan.user.maps.map((m) => m.parent).filter((g) => !wanted.includes(g));
    if (gone.length > 0) await trx('groupexperimentermap').where({ child: uid }).whereIn('parent', gone).delete();
    const before = new Map(plan.user.maps.map((m, index) => [m.parent, { ...m, index }]));
    const fresh: Record<string, unknown>[] = [];
    for (const [index, m] of plan.maps.entries()) {
      const old = before.get(m.parent);
      if (!old) fresh.push({ parent: m.parent, child: uid, owner: m.owner, child_index: index });
      else if (old.index !== index || old.owner !== m.owner) {
        await trx('groupexperimentermap').where({ child: uid, parent: m.parent }).update({ owner: m.owner, child_index: index });
      }
    }
    await insertAll(trx, 'groupexperimentermap', fresh);
  }
  if (plan.config) {
    await trx('experimenter_config').where({ experimenter_id: uid }).delete();
    await insertAll(trx, 'experimenter_config', configRows(uid, plan.config));
  }
}
