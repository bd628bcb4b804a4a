import type { Knex } from 'knex';
import { SecurityViolation } from '../../model/index.js';

/**
 * Backoff after failed password checks — logins, `setSecurityPassword` and
 * `changePasswordWithOldPassword` alike — kept in the database so every server process sees it.
 * Failures are counted per login AND per caller address: failures from one address slow down
 * only that address, so nobody can keep a user out by failing on purpose from elsewhere
 * (OMERO's throttle, keyed on the name alone, could; reference field notes §3). After
 * `FREE_FAILURES` failures, each further attempt from that address must wait 2^(n-FREE) seconds
 * (capped) since its last failure. Unknown names are counted too, so the refusal tells nothing
 * about who exists.
 */
const FREE_FAILURES = 3;
const MAX_WAIT_S = 300;
/** Failures older than this are forgotten. */
const WINDOW_MS = 15 * 60_000;

/** Who is trying: the login and the address the attempt comes from (`local` in process). */
export interface ThrottleKey {
  readonly name: string;
  readonly address: string;
}

/** The address recorded when a transport gives none. */
export const LOCAL_ADDRESS = 'local';

function where(key: ThrottleKey): { omename: string; address: string } {
  return { omename: key.name, address: key.address || LOCAL_ADDRESS };
}

export const loginThrottle = {
  /** Refuses the attempt while `key` is backing off (SecurityViolation "Too many failed …"). */
  async check(db: Knex | Knex.Transaction, key: ThrottleKey): Promise<void> {
    const row = await db('login_failure').where(where(key)).first();
    if (!row) return;
    const last = new Date(row.last_failure).getTime();
    const now = Date.now();
    if (now - last > WINDOW_MS) return;
    const excess = Number(row.failures) - FREE_FAILURES;
    if (excess < 0) return;
    const waitS = Math.min(2 ** excess, MAX_WAIT_S);
    const left = Math.ceil((last + waitS * 1000 - now) / 1000);
    if (left > 0) throw new SecurityViolation(`Too many failed logins for '${key.name}'; try again in ${left} s`);
  },

  /** Counts one failure; call it outside any transaction that the failure rolls back. */
  async fail(db: Knex | Knex.Transaction, key: ThrottleKey): Promise<void> {
    const k = where(key);
    await db.raw(
      `insert into login_failure (omename, address, failures, last_failure) values (?, ?, 1, ?)
       on conflict (omename, address) do update set
         failures = case when login_failure.last_failure < ? then 1 else login_failure.failures + 1 end,
         last_failure = excluded.last_failure`,
      [k.omename, k.address, new Date(), new Date(Date.now() - WINDOW_MS)],
    );
  },

  /** A right password from this address clears its count (other addresses keep theirs). */
  async succeed(db: Knex | Knex.Transaction, key: ThrottleKey): Promise<void> {
    await db('login_failure').where(where(key)).delete();
  },
};
