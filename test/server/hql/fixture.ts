import { randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import knexFactory from 'knex';
import { openDatabase, type Database } from '../../../src/server/db/open-database.js';
import { up } from '../../../src/server/db/migrations/0001-initial-schema.js';
import type { ReadScope } from '../../../src/server/security/read-scope.js';

/**
 * A small world for HQL tests (ids fixed so that expectations read plainly).
 *
 * Groups: 0 system, 1 user, 2 guest, 3 private-1 (rw----), 4 read-only-1 (rwr---),
 * 5 read-annotate-1 (rwra--).
 * Users: 0 root, 1 guest, 2 user-2 (private-1, read-only-1), 3 user-3 (read-only-1,
 * read-annotate-1), 4 alpha (private-1 only: hidden from user-3), 5 pi (owner of private-1).
 *
 * | id | Project | owner | group | | id | Dataset | owner | group |
 * | 10 | p10 | 2 | 3 | | 20 | d20 | 2 | 3 |
 * | 11 | p11 | 4 | 3 | | 21 | d21 | 4 | 3 |
 * | 12 | p12 | 2 | 4 | | 22 | d22 | 2 | 4 |
 * | 13 | p13 | 3 | 4 | | 23 | d23 | 3 | 4 |
 * | 14 | p14 | 3 | 5 | | 24 | d24 | 3 | 5 (orphan) |
 *
 * ProjectDatasetLinks: 30 p10→d20 (2,3), 31 p10→d21 (2,3; the dataset is user 4's and hidden from
 * user 2 in the private group), 32 p12→d22 (2,4), 33 p13→d23 (3,4), 34 p12→d23 (3,4).
 * Images: 40 `cell_mit_1.dv` (2,3), 41 `b.dv` (3,4), 42 `secret.dv` (4,3).
 * DatasetImageLinks: 50 d20→i40 (2,3), 51 d23→i41 (3,4), 52 d21→i42 (4,3).
 * Annotations: 60 tag `tagA` (2,3), 61 comment `hello` (3,4), 62 map (3,4) altitude=100,
 * date=2020, owner=x; 63 map (4,3) size_x=5; 64 long 42 (2,4); 65 tag `tagB` (4,3).
 * Annotation links: image 70 i40→a60 (2,3), 71 i41→a62 (3,4), 72 i42→a63 (4,3);
 * project 73 p12→a64 (2,4); dataset 74 d20→a65 (2,3; hidden child for user 2).
 * Sessions 80 (user 2), 81 (user 3, closed). Experimenter config: root has
 * `AdminPrivilege:Sudo=false`, user-2 has `color=blue`.
 */
export const FIXTURE_SQL = `
insert into experimentergroup (id, name, description, permissions) values
  (0, 'system', null, -120), (1, 'user', null, -52), (2, 'guest', null, -120),
  (3, 'private-1', 'a private group', -120), (4, 'read-only-1', null, -56), (5, 'read-annotate-1', null, -40);
insert into experimenter (id, omename, firstname, middlename, lastname, institution, email) values
  (0, 'root', 'root', null, 'root', null, null),
  (1, 'guest', 'Guest', null, 'Account', null, null),
  (2, 'user-2', 'Two', 'M', 'User', 'OME', 'two@example.org'),
  (3, 'user-3', 'Three', null, 'User', 'OME', 'three@example.org'),
  (4, 'alpha', 'Alice', 'Q', 'Alpha', 'Secret Lab', 'alpha@example.org'),
  (5, 'pi', 'Prin', null, 'Investigator', 'OME', 'pi@example.org');
insert into groupexperimentermap (id, parent, child, owner, child_index) values
  (100, 0, 0, false, 0), (101, 1, 0, false, 1),
  (102, 2, 1, false, 0),
  (103, 3, 2, false, 0), (104, 4, 2, false, 1), (105, 1, 2, false, 2),
  (106, 4, 3, false, 0), (107, 5, 3, false, 1), (108, 1, 3, false, 2),
  (109, 3, 4, false, 0), (110, 1, 4, false, 1),
  (111, 3, 5, true, 0), (112, 1, 5, false, 1);
insert into experimenter_config (experimenter_id, index, name, value) values
  (0, 0, 'AdminPrivilege:Sudo', 'false'), (2, 0, 'color', 'blue');
insert into session (id, uuid_hash, owner, group_id, time_to_idle, time_to_live, user_agent, closed) values
  (80, 'h80', 2, 3, 600000, 0, 'OMERO.py', null),
  (81, 'h81', 3, 4, 600000, 0, 'OMERO.cli', '2020-01-01T00:00:00Z');
insert into event (id, experimenter, experimentergroup, session) values
  (90, 2, 3, 80), (91, 3, 4, 81), (92, 4, 3, null), (93, 5, 3, null);
insert into project (id, name, description, owner_id, group_id, permissions, creation_id, update_id) values
  (10, 'p10', 'mine', 2, 3, -120, 90, 90), (11, 'p11', null, 4, 3, -120, 92, 92),
  (12, 'p12', null, 2, 4, -56, 90, 90), (13, 'p13', null, 3, 4, -56, 91, 91),
  (14, 'p14', null, 3, 5, -40, 91, 91);
insert into dataset (id, name, owner_id, group_id, permissions, creation_id, update_id) values
  (20, 'd20', 2, 3, -120, 90, 90), (21, 'd21', 4, 3, -120, 92, 92), (22, 'd22', 2, 4, -56, 90, 90),
  (23, 'd23', 3, 4, -56, 91, 91), (24, 'd24', 3, 5, -40, 91, 91);
insert into projectdatasetlink (id, parent, child, owner_id, group_id, permissions, creation_id, update_id) values
  (30, 10, 20, 2, 3, -120, 90, 90), (31, 10, 21, 2, 3, -120, 90, 90), (32, 12, 22, 2, 4, -56, 90, 90),
  (33, 13, 23, 3, 4, -56, 91, 91), (34, 12, 23, 3, 4, -56, 91, 91);
insert into image (id, name, acquisitiondate, owner_id, group_id, permissions, creation_id, update_id) values
  (40, 'cell_mit_1.dv', '2021-02-03T04:05:06.789Z', 2, 3, -120, 90, 90),
  (41, 'b.dv', null, 3, 4, -56, 91, 91), (42, 'secret.dv', null, 4, 3, -120, 92, 92);
insert into datasetimagelink (id, parent, child, owner_id, group_id, permissions, creation_id, update_id) values
  (50, 20, 40, 2, 3, -120, 90, 90), (51, 23, 41, 3, 4, -56, 91, 91), (52, 21, 42, 4, 3, -120, 92, 92);
insert into annotation (id, discriminator, ns, textvalue, longvalue, owner_id, group_id, permissions, creation_id, update_id) values
  (60, '/basic/text/tag/', null, 'tagA', null, 2, 3, -120, 90, 90),
  (61, '/basic/text/comment/', 'ns.c', 'hello', null, 3, 4, -56, 91, 91),
  (62, '/map/', 'openmicroscopy.org/omero/client/mapAnnotation', null, null, 3, 4, -56, 91, 91),
  (63, '/map/', null, null, null, 4, 3, -120, 92, 92),
  (64, '/basic/num/long/', null, null, 42, 2, 4, -56, 90, 90),
  (65, '/basic/text/tag/', null, 'tagB', null, 4, 3, -120, 92, 92);
insert into annotation_mapvalue (annotation_id, index, name, value) values
  (62, 0, 'altitude', '100'), (62, 1, 'date', '2020'), (62, 2, 'owner', 'x'), (63, 0, 'size_x', '5');
insert into imageannotationlink (id, parent, child, owner_id, group_id, permissions, creation_id, update_id) values
  (70, 40, 60, 2, 3, -120, 90, 90), (71, 41, 62, 3, 4, -56, 91, 91), (72, 42, 63, 4, 3, -120, 92, 92);
insert into projectannotationlink (id, parent, child, owner_id, group_id, permissions, creation_id, update_id) values
  (73, 12, 64, 2, 4, -56, 90, 90);
insert into datasetannotationlink (id, parent, child, owner_id, group_id, permissions, creation_id, update_id) values
  (74, 20, 65, 2, 3, -120, 90, 90);
`;

const scope = (s: Omit<ReadScope, 'isAdmin' | 'readsAllSessions'> & { isAdmin?: boolean }): ReadScope =>
  Object.freeze({ isAdmin: false, readsAllSessions: s.isAdmin ?? false, ...s });

/**
 * Read scopes as `readScopeFor` builds them (reference permissions §2.3–2.5) for the fixture's
 * users. Colleagues (unmasked users) come from shared group-readable groups other than "user".
 */
export const SCOPES = {
  /** user-2 in private-1: own rows only, plus the "user" group. */
  user2Private: scope({ everything: false, groupIds: [1], ownGroupIds: [3], userId: 2, visibleUserIds: [0, 1, 2, 3] }),
  /** user-2 in read-only-1: every row of the group. */
  user2ReadOnly: scope({ everything: false, groupIds: [1, 4], ownGroupIds: [4], userId: 2, visibleUserIds: [0, 1, 2, 3] }),
  /** user-2 with omero.group=-1: own rows everywhere, all rows of read-only-1. */
  user2All: scope({ everything: false, groupIds: [1, 4], ownGroupIds: 'any', userId: 2, visibleUserIds: [0, 1, 2, 3] }),
  /** user-3 in read-only-1; alpha (4) and pi (5) are masked for them. */
  user3ReadOnly: scope({ everything: false, groupIds: [1, 4], ownGroupIds: [4], userId: 3, visibleUserIds: [0, 1, 2, 3] }),
  /** user-3 with omero.group=-1. */
  user3All: scope({ everything: false, groupIds: [1, 4, 5], ownGroupIds: 'any', userId: 3, visibleUserIds: [0, 1, 2, 3] }),
  /** pi, owner of private-1, in private-1: sees all rows of the group and every user. */
  piPrivate: scope({ everything: false, groupIds: [1, 3], ownGroupIds: [3], userId: 5, visibleUserIds: 'all' }),
  /** root with omero.group=-1: everything. */
  adminAll: scope({ everything: true, groupIds: [], ownGroupIds: 'any', userId: 0, isAdmin: true, visibleUserIds: 'all' }),
} as const satisfies Record<string, ReadScope>;

/** A database with the schema and the fixture. */
export interface TestDatabase {
  readonly name: string;
  readonly knex: Knex;
  close(): Promise<void>;
}

async function seed(knex: Knex): Promise<void> {
  await up(knex);
  // One statement per call: PGlite refuses several commands in one prepared statement.
  for (const statement of FIXTURE_SQL.split(/;\s*\n/).filter((x) => x.trim())) await knex.raw(statement);
}

/** An in-memory PGlite database (one connection). */
export async function openPgliteTestDatabase(): Promise<TestDatabase> {
  const db: Database = await openDatabase({ kind: 'pglite' });
  await seed(db.knex);
  return { name: 'pglite', knex: db.knex, close: () => db.close() };
}

/**
 * A fresh database on the PostgreSQL server of `url` (created here, dropped by `close()`).
 */
export async function openPostgresTestDatabase(url: string): Promise<TestDatabase> {
  const dbName = `omero_hql_test_${randomBytes(6).toString('hex')}`;
  const admin = knexFactory({ client: 'pg', connection: url, pool: { min: 0, max: 1 } });
  await admin.raw(`create database "${dbName}"`);
  const target = new URL(url);
  target.pathname = `/${dbName}`;
  const db = await openDatabase({ kind: 'pg', url: target.toString(), poolMax: 2 });
  try {
    await seed(db.knex);
  } catch (e) {
    await db.close();
    await admin.raw(`drop database if exists "${dbName}"`);
    await admin.destroy();
    throw e;
  }
  return {
    name: 'postgres',
    knex: db.knex,
    close: async () => {
      await db.close();
      await admin.raw(`drop database if exists "${dbName}"`);
      await admin.destroy();
    },
  };
}

/** The databases to test against: PGlite always, PostgreSQL when `OMERO_TEST_DB_URL` is set. */
export function testDatabaseOpeners(): ReadonlyArray<{ name: string; open: () => Promise<TestDatabase> }> {
  const url = process.env.OMERO_TEST_DB_URL;
  return [
    { name: 'pglite', open: openPgliteTestDatabase },
    ...(url ? [{ name: 'postgres', open: () => openPostgresTestDatabase(url) }] : []),
  ];
}
