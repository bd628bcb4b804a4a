/**
 * The visibility oracle end to end: one random world per engine, loaded into a database that a
 * real engine (server worker + blocking transport) then serves; every user who can log in does
 * so with a password, and random HQL goes through `IQuery.projection` / `findAllByQuery` of the
 * client with the call context map. The answers must be exactly the oracle's.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { ENGINES } from '../../helpers/test-database.js';
import { describeFailure, runCampaign } from './campaign.js';
import { ClientPath } from './client-path.js';

const SEED = Number(process.env.OMERO_ORACLE_SEED ?? 20_260_723);
const QUERIES = 150;

for (const engine of ENGINES) {
  describe(`visibility oracle through the client (${engine})`, () => {
    const runner = new ClientPath(engine);
    after(() => runner.close());

    it(`${QUERIES} random queries through IQuery return exactly what the oracle allows`, async () => {
      const result = await runCampaign({ runner, seed: SEED, worlds: 1, queriesPerWorld: QUERIES });
      assert.equal(result.failure, null, describeFailure(result));
      assert.equal(result.stats.queries, QUERIES);
      assert.ok(result.stats.sensitive > QUERIES / 5, JSON.stringify(result.stats));
    });
  });
}
