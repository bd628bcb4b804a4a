import type { Knex } from 'knex';

/** How many backends of the current database are waiting on a lock (PostgreSQL): a call held up by a test's lock is really in flight. */
export async function lockWaiters(knex: Knex): Promise<number> {
  const r = await knex.raw("select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'");
  return r.rows[0].n;
}

/** Resolves once `check` holds; fails after `ms`. */
export async function until(check: () => Promise<boolean>, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out waiting for the condition');
    await new Promise((r) => setTimeout(r, 50));
  }
}
