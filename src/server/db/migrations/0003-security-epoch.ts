import type { Knex } from 'knex';

/**
 * What lets a server cache its callers' facts between calls without ever acting on stale ones
 * (issue 15, `call/facts-cache.ts`).
 *
 * - `security_epoch`: one row whose counter every change of memberships, groups or experimenter
 *   configuration (privileges) moves forward, in the changing transaction itself, by statement
 *   triggers — whoever makes the change: this server, another one, or SQL typed by hand.
 * - `session.facts_version`: moved forward by a row trigger when anything of a session but its
 *   `last_access` changes (closed, its group, its timeouts), so that closing a session, which is
 *   frequent, does not invalidate every other session's facts.
 * - `omero_facts_current(epoch, session, version)`: a cached read puts this in its WHERE clause.
 *   It has no column references, so PostgreSQL evaluates it once, as a one-time filter, before
 *   reading any row, in the statement's own snapshot; when either counter has moved it raises
 *   SQLSTATE OM001 and the server reloads the facts and runs the call again. A read therefore
 *   never returns rows under facts older than the snapshot it reads.
 */
export const name = '0003-security-epoch';

/** The SQLSTATE `omero_facts_current` raises for stale facts. */
export const STALE_FACTS_SQLSTATE = 'OM001';

const STATEMENTS: readonly string[] = [
  `create table security_epoch (only_row boolean primary key default true check (only_row), epoch bigint not null)`,
  `insert into security_epoch (epoch) values (1)`,
  `alter table session add column facts_version integer not null default 0`,
  `create function omero_bump_security_epoch() returns trigger language plpgsql as $$
begin
  update security_epoch set epoch = epoch + 1;
  return null;
end $$`,
  ...['groupexperimentermap', 'experimentergroup', 'experimenter_config'].flatMap((table) => [
    `create trigger ${table}_security_epoch after insert or update or delete on ${table}
       for each statement execute function omero_bump_security_epoch()`,
    `create trigger ${table}_security_epoch_truncate after truncate on ${table}
       for each statement execute function omero_bump_security_epoch()`,
  ]),
  `create function omero_bump_session_facts() returns trigger language plpgsql as $$
begin
  new.facts_version := old.facts_version + 1;
  return new;
end $$`,
  `create trigger session_facts_version before update on session for each row
     when (old.closed is distinct from new.closed or old.owner is distinct from new.owner
        or old.sudoer is distinct from new.sudoer or old.group_id is distinct from new.group_id
        or old.time_to_idle is distinct from new.time_to_idle or old.time_to_live is distinct from new.time_to_live
        or old.uuid_hash is distinct from new.uuid_hash or old.password_auth is distinct from new.password_auth
        or old.started is distinct from new.started)
     execute function omero_bump_session_facts()`,
  `create function omero_facts_current(expected_epoch bigint, session_id bigint, expected_version integer)
     returns boolean language plpgsql stable as $$
begin
  if (select epoch from security_epoch) is distinct from expected_epoch
     or (select facts_version from session where id = session_id) is distinct from expected_version then
    raise exception 'the caller''s security facts changed' using errcode = '${STALE_FACTS_SQLSTATE}';
  end if;
  return true;
end $$`,
];

export async function up(knex: Knex): Promise<void> {
  for (const statement of STATEMENTS) await knex.raw(statement);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop function if exists omero_facts_current(bigint, bigint, integer)');
  await knex.raw('drop trigger if exists session_facts_version on session');
  await knex.raw('drop function if exists omero_bump_session_facts()');
  for (const table of ['groupexperimentermap', 'experimentergroup', 'experimenter_config']) {
    await knex.raw(`drop trigger if exists ${table}_security_epoch on ${table}`);
    await knex.raw(`drop trigger if exists ${table}_security_epoch_truncate on ${table}`);
  }
  await knex.raw('drop function if exists omero_bump_security_epoch()');
  await knex.raw('alter table session drop column if exists facts_version');
  await knex.raw('drop table if exists security_epoch');
}
