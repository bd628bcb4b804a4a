import type { Knex } from 'knex';

/**
 * The initial schema: OMERO's global tables (users, groups, memberships, sessions, events) and
 * the data tables of the model we have (projects, datasets, images, their links, annotations).
 *
 * Every data table carries `owner_id`, `group_id`, `permissions` (the group's level when the row
 * was created — kept for compatibility but never consulted; reference permissions §1.3),
 * `creation_id`/`update_id` (events) and `version` (optimistic locking). The indexes serve the
 * visibility predicate, which filters on `group_id` and `owner_id`.
 */
export const name = '0001-initial-schema';

/**
 * Statistics target of `group_id` (the default is 100). Every read is filtered by group, and with
 * the default the planner knows only the 100 commonest groups and guesses the size of the others
 * from an average: for a small group it then expects matches everywhere and reads a whole id
 * range for `order by id desc` + a page (45–80 ms with 1M projects, scripts/bench) instead of
 * the group's rows through the group index (under 1 ms). With 1000, groups up to that many are
 * counted exactly. A planner setting only: no effect on results. (Databases created before this
 * line can run the same `alter table … set statistics 1000` and `analyze`.)
 */
const GROUP_STATISTICS = 1000;

const DATA_COLUMNS = `
  owner_id bigint not null references experimenter(id),
  group_id bigint not null references experimentergroup(id),
  permissions bigint not null,
  creation_id bigint not null references event(id),
  update_id bigint not null references event(id),
  version integer not null default 0`;

function dataTable(table: string, columns: string): string {
  return `
create table ${table} (
  id bigserial primary key,${columns},${DATA_COLUMNS}
);
create index ${table}_group_owner on ${table} (group_id, owner_id);
create index ${table}_owner on ${table} (owner_id);
alter table ${table} alter column group_id set statistics ${GROUP_STATISTICS};`;
}

function linkTable(table: string, parent: string, child: string): string {
  return `${dataTable(
    table,
    `
  parent bigint not null references ${parent}(id),
  child bigint not null references ${child}(id)`,
  )}
create unique index ${table}_unique on ${table} (parent, child, owner_id);
create index ${table}_parent on ${table} (parent);
create index ${table}_child on ${table} (child);`;
}

const SQL = `
create table experimentergroup (
  id bigserial primary key,
  name text not null,
  description text,
  permissions bigint not null,
  ldap boolean not null default false,
  version integer not null default 0,
  constraint experimentergroup_name_unique unique (name)
);
create table experimenter (
  id bigserial primary key,
  omename text not null,
  firstname text not null,
  middlename text,
  lastname text not null,
  institution text,
  email text,
  ldap boolean not null default false,
  version integer not null default 0,
  constraint experimenter_omename_unique unique (omename)
);
create table groupexperimentermap (
  id bigserial primary key,
  parent bigint not null references experimentergroup(id) on delete cascade,
  child bigint not null references experimenter(id) on delete cascade,
  owner boolean not null default false,
  child_index integer not null,
  constraint groupexperimentermap_unique unique (parent, child)
);
create index groupexperimentermap_child on groupexperimentermap (child, child_index);
create table experimenter_config (
  experimenter_id bigint not null references experimenter(id) on delete cascade,
  index integer not null,
  name text not null,
  value text not null,
  primary key (experimenter_id, index)
);
create table password (
  experimenter_id bigint primary key references experimenter(id) on delete cascade,
  hash text,
  changed timestamptz not null default now()
);
create table login_failure (
  omename text primary key,
  failures integer not null,
  last_failure timestamptz not null
);
create table session (
  id bigserial primary key,
  uuid_hash text not null,
  owner bigint not null references experimenter(id) on delete cascade,
  sudoer bigint references experimenter(id) on delete set null,
  group_id bigint not null references experimentergroup(id),
  started timestamptz not null default now(),
  last_access timestamptz not null default now(),
  closed timestamptz,
  time_to_idle bigint not null,
  time_to_live bigint not null,
  user_agent text,
  password_auth boolean not null default false,
  constraint session_uuid_hash_unique unique (uuid_hash)
);
create index session_owner on session (owner);
create table event (
  id bigserial primary key,
  time timestamptz not null default now(),
  experimenter bigint not null references experimenter(id) on delete cascade,
  experimentergroup bigint not null references experimentergroup(id) on delete cascade,
  session bigint references session(id) on delete set null,
  type text not null default 'User'
);
${dataTable('project', `\n  name text not null,\n  description text`)}
${dataTable('dataset', `\n  name text not null,\n  description text`)}
${dataTable('image', `\n  name text not null,\n  description text,\n  acquisitiondate timestamptz`)}
${dataTable(
  'annotation',
  `
  discriminator text not null,
  ns text,
  name text,
  description text,
  textvalue text,
  longvalue bigint,
  doublevalue double precision,
  boolvalue boolean,
  timevalue timestamptz,
  termvalue text`,
)}
create table annotation_mapvalue (
  annotation_id bigint not null references annotation(id) on delete cascade,
  index integer not null,
  name text not null,
  value text not null,
  primary key (annotation_id, index)
);
${linkTable('projectdatasetlink', 'project', 'dataset')}
${linkTable('datasetimagelink', 'dataset', 'image')}
${linkTable('projectannotationlink', 'project', 'annotation')}
${linkTable('datasetannotationlink', 'dataset', 'annotation')}
${linkTable('imageannotationlink', 'image', 'annotation')}
`;

export async function up(knex: Knex): Promise<void> {
  // One statement per call: PGlite (through knex) runs each as a prepared statement.
  for (const statement of SQL.split(/;\s*\n/).map((s) => s.trim()).filter(Boolean)) {
    await knex.raw(statement);
  }
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
drop table if exists imageannotationlink, datasetannotationlink, projectannotationlink,
  datasetimagelink, projectdatasetlink, annotation_mapvalue, annotation, image, dataset, project,
  event, session, login_failure, password, experimenter_config, groupexperimentermap,
  experimenter, experimentergroup cascade;`);
}
