import type { Knex } from 'knex';

/**
 * The audit log of administrative changes (issue 11) and a login throttle keyed on the login AND
 * the caller's address, so that failures from one address never keep the user out of another.
 *
 * `audit_log` is append-only for the server: who (`actor_id`, and `sudoer_id` when the actor's
 * session is a sudo session), from where, when, what (`action`, `target_type`/`target_id`/
 * `target_name`), the state before and after (JSON, never a password), and whether it was done or
 * refused (`outcome`, with the refusal's message). Actor and target are kept by id and by name so
 * that entries outlive deleted users.
 */
export const name = '0002-audit-and-throttle';

const SQL = `
create table audit_log (
  id bigserial primary key,
  at timestamptz not null default now(),
  actor_id bigint,
  actor_name text not null,
  sudoer_id bigint,
  sudoer_name text,
  session_id bigint,
  address text,
  action text not null,
  target_type text,
  target_id bigint,
  target_name text,
  before jsonb,
  after jsonb,
  outcome text not null check (outcome in ('done', 'refused')),
  message text
);
create index audit_log_at on audit_log (at);
create index audit_log_actor on audit_log (actor_id, at);
create index audit_log_target on audit_log (target_type, target_id);
drop table login_failure;
create table login_failure (
  omename text not null,
  address text not null,
  failures integer not null,
  last_failure timestamptz not null,
  primary key (omename, address)
)`;

export async function up(knex: Knex): Promise<void> {
  for (const statement of SQL.split(/;\s*\n/).map((s) => s.trim()).filter(Boolean)) await knex.raw(statement);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop table if exists audit_log');
  await knex.raw('drop table if exists login_failure');
  await knex.raw('create table login_failure (omename text primary key, failures integer not null, last_failure timestamptz not null)');
}
