import type { Knex } from 'knex';
import { SecurityViolation } from '../../model/index.js';

/**
 * Backoff after failed logins, kept in the database so every server process sees it. After
 * `FREE_FAILURES` failures, each further attempt must wait 2^(n-FREE) seconds (capped) since the
 * last failure. Unknown names are counted too, so the refusal tells nothing about who exists.
 */
const FREE_FAILURES = 3;
const MAX_WAIT_S = 300;
/** Failures older than this are forgotten. */
const WINDOW_MS = 15 * 60_000;

export const loginThrottle = {
  async check(db: Knex | Knex.Transaction, name: string): Promise<void> {
    const row = await db('login_failure').where({ omename: name }).first();
    if (!row) return;
    const last = new Date(row.last_failure).getTime();
    if (Date.now() - last > WINDOW_MS) return;
    const excess = Number(row.failures) - FREE_FAILURES;
    if (excess < 0) return;
    const waitS = Math.min(2 ** excess, MAX_WAIT_S);
    const left = Math.ceil((last + waitS * 1000 - Date.now()) / 1000);
    if (left > 0) throw new SecurityViolation(`Too many failed logins for '${name}'; try again in ${left} s`);
  },

  async fail(db: Knex | Knex.Transaction, name: string): Promise<void> {
    await db.raw(
      `insert into login_failure (omename, failures, last_failure) values (?, 1, now())
       on conflict (omename) do update set
         failures = case when login_failure.last_failure < now() - (? * interval '1 millisecond') then 1 else login_failure.failures + 1 end,
         last_failure = now()`,
      [name, WINDOW_MS],
    );
  },

  async succeed(db: Knex | Knex.Transaction, name: string): Promise<void> {
    await db('login_failure').where({ omename: name }).delete();
  },
};
