import type { Knex } from 'knex';

/**
 * A session's `last_access` set back (by hand in SQL, or by anything but this server's touch,
 * which only moves it forward) now moves the session's `facts_version` too, so that a server
 * holding the session's facts in its cache finds them stale and asks the database whether the
 * session has gone idle. Before, only the other columns did: a session made idle that way was
 * still served from the cache, and the server's next touch wrote the time over. The touch itself
 * is a compare-and-set on `facts_version` (`session-row.ts`), so it never overwrites such a change.
 */
export const name = '0005-session-access-moved-back';

const COLUMNS_BUT_ACCESS = `old.closed is distinct from new.closed or old.owner is distinct from new.owner
        or old.sudoer is distinct from new.sudoer or old.group_id is distinct from new.group_id
        or old.time_to_idle is distinct from new.time_to_idle or old.time_to_live is distinct from new.time_to_live
        or old.uuid_hash is distinct from new.uuid_hash or old.password_auth is distinct from new.password_auth
        or old.started is distinct from new.started`;

function trigger(when: string): string {
  return `create trigger session_facts_version before update on session for each row
     when (${when})
     execute function omero_bump_session_facts()`;
}

export async function up(knex: Knex): Promise<void> {
  await knex.raw('drop trigger session_facts_version on session');
  await knex.raw(trigger(`${COLUMNS_BUT_ACCESS}
        or new.last_access < old.last_access`));
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop trigger session_facts_version on session');
  await knex.raw(trigger(COLUMNS_BUT_ACCESS));
}
