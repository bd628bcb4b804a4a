import type { Knex } from 'knex';
import { hashPassword } from '../auth/password-hash.js';
import { SystemIds } from '../security/index.js';
import { migrateLatest } from './migrate.js';

/** The outcome of `initialiseDatabase`. */
export interface InitResult {
  /** False when the database already held OMERO's system users and groups. */
  readonly created: boolean;
  /** Migrations applied by this call. */
  readonly migrations: readonly string[];
}

/**
 * `omero db init`: applies migrations, then creates OMERO's system groups (`system` 0 `rw----`,
 * `user` 1 `rwr-r-`, `guest` 2 `rw----`) and users (`root` 0 in system (owner) and user; `guest`
 * 1 in guest) — reference permissions §3. Idempotent: an initialised database is left alone.
 * The guest account gets no password: OMERO lets any password in for guest, which we do not.
 */
export async function initialiseDatabase(knex: Knex, rootPassword: string): Promise<InitResult> {
  if (!rootPassword) throw new Error('a root password is required');
  const migrations = await migrateLatest(knex);
  const hash = await hashPassword(rootPassword);
  const created = await knex.transaction(async (trx) => {
    // Two processes initialising at once: the second waits here and then finds root.
    await trx.raw('select pg_advisory_xact_lock(4064)');
    if (await trx('experimenter').where({ id: SystemIds.ROOT_USER }).first()) return false;
    await trx('experimentergroup').insert([
      { id: SystemIds.SYSTEM_GROUP, name: 'system', permissions: -120, description: 'Administrators' },
      { id: SystemIds.USER_GROUP, name: 'user', permissions: -52, description: 'Active users' },
      { id: SystemIds.GUEST_GROUP, name: 'guest', permissions: -120, description: 'Guest account' },
    ]);
    await trx('experimenter').insert([
      { id: SystemIds.ROOT_USER, omename: 'root', firstname: 'root', lastname: 'root' },
      { id: SystemIds.GUEST_USER, omename: 'guest', firstname: 'Guest', lastname: 'Account' },
    ]);
    await trx('groupexperimentermap').insert([
      { parent: SystemIds.SYSTEM_GROUP, child: SystemIds.ROOT_USER, owner: true, child_index: 0 },
      { parent: SystemIds.USER_GROUP, child: SystemIds.ROOT_USER, owner: false, child_index: 1 },
      { parent: SystemIds.GUEST_GROUP, child: SystemIds.GUEST_USER, owner: false, child_index: 0 },
    ]);
    await trx('password').insert([{ experimenter_id: SystemIds.ROOT_USER, hash }]);
    await trx.raw(`select setval(pg_get_serial_sequence('experimentergroup', 'id'), 2)`);
    await trx.raw(`select setval(pg_get_serial_sequence('experimenter', 'id'), 1)`);
    return true;
  });
  return { created, migrations };
}
