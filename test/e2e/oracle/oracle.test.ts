/**
 * The visibility oracle, quick mode (the long mode is `npm run fuzz`): random worlds of users,
 * groups of every level, memberships, group owners, admins and data; random HQL — where-clauses
 * on other users' fields, joins over links, implicit joins, exists/in subqueries, size/is empty,
 * projections, counts, min/max, group by, order by, paging — by random callers in random
 * `omero.group` contexts (a group, -1, a foreign group, a missing one), run through the server's
 * real read path (CallContext + IQuery, in process) and compared with the oracle's answer.
 *
 * The seed is fixed (OMERO_ORACLE_SEED overrides it) so that a failure replays; the report names
 * the query, the caller, the context, what was expected and what came back.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openDatabase, type Database } from '../../../src/server/db/open-database.js';
import { createTestDatabase, ENGINES, type TestDatabase } from '../../helpers/test-database.js';
import { describeFailure, runCampaign } from './campaign.js';
import { ServerPath } from './server-path.js';

const SEED = Number(process.env.OMERO_ORACLE_SEED ?? 20_260_722);
const WORLDS = 3;
const QUERIES_PER_WORLD = 120;

for (const engine of ENGINES) {
  describe(`visibility oracle, quick mode (${engine})`, () => {
    let tdb: TestDatabase;
    let db: Database;

    before(async () => {
      tdb = await createTestDatabase(engine);
      db = await openDatabase(tdb.config);
    });
    after(async () => {
      await db?.close();
      await tdb?.drop();
    });

    it(`${WORLDS * QUERIES_PER_WORLD} random queries return exactly what the oracle allows`, async () => {
      const result = await runCampaign({ runner: new ServerPath(db.knex), seed: SEED, worlds: WORLDS, queriesPerWorld: QUERIES_PER_WORLD });
      assert.equal(result.failure, null, describeFailure(result));
      const s = result.stats;
      assert.equal(s.queries, WORLDS * QUERIES_PER_WORLD);
      // The generator must keep producing queries whose answer depends on permissions.
      assert.ok(s.sensitive > s.queries / 5, `only ${s.sensitive} of ${s.queries} queries were permission-sensitive`);
      assert.ok(s.nonEmpty > s.queries / 5, `only ${s.nonEmpty} of ${s.queries} queries had a non-empty answer`);
    });
  });
}
