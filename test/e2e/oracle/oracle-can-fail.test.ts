/**
 * Proof that the oracle test can fail: the same property, run against
 *
 * - deliberately wrong oracles (one visibility or masking rule changed each), and
 * - deliberately leaky servers (the real CallContext with a widened read scope: a private group
 *   read as if it were readable, every user unmasked, private member groups opened under -1),
 *
 * must report a mismatch within a small budget. Embedded PGlite only: this checks the checker.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CallContext } from '../../../src/server/call/call-context.js';
import { openDatabase, type Database } from '../../../src/server/db/open-database.js';
import type { ReadScope } from '../../../src/server/security/read-scope.js';
import { createTestDatabase, type TestDatabase } from '../../helpers/test-database.js';
import { runCampaign } from './campaign.js';
import { ServerPath, type CallFactory } from './server-path.js';
import { WRONG_ORACLES } from './visibility-oracle.js';

const SEED = 4242;
const BUDGET = { worlds: 12, queriesPerWorld: 150 };

/** A CallContext whose read scope is changed by `widen`, after the real checks of `open`. */
function leaky(widen: (scope: ReadScope, call: CallContext) => ReadScope): CallFactory {
  class LeakyCall extends CallContext {
    override async scope(): Promise<ReadScope> {
      return widen(await super.scope(), this);
    }
  }
  return async (trx, session, key, membership, ctx) => {
    const real = await CallContext.open(trx, session, key, membership, ctx);
    const call = new LeakyCall(trx, session, key, membership, real.caller.contextGroupId, ctx);
    await call.loadPerms([real.caller.contextGroupId, session.group_id, ...membership.memberOf]);
    return call;
  };
}

const LEAKY_SERVERS: ReadonlyArray<{ name: string; makeCall: CallFactory }> = [
  {
    name: 'a private context group read as if readable',
    makeCall: leaky((s, c) => (c.caller.contextGroupId >= 0 && !s.groupIds.includes(c.caller.contextGroupId) ? { ...s, groupIds: [...s.groupIds, c.caller.contextGroupId] } : s)),
  },
  { name: 'every user unmasked', makeCall: leaky((s) => ({ ...s, visibleUserIds: 'all' })) },
  {
    name: 'omero.group=-1 opens every member group, private or not',
    makeCall: leaky((s, c) => (c.caller.contextGroupId < 0 && !s.everything ? { ...s, groupIds: [...new Set([...s.groupIds, ...c.caller.memberOf])] } : s)),
  },
];

describe('the oracle test can fail', () => {
  let tdb: TestDatabase;
  let db: Database;

  before(async () => {
    tdb = await createTestDatabase('pglite');
    db = await openDatabase(tdb.config);
  });
  after(async () => {
    await db?.close();
    await tdb?.drop();
  });

  for (const oracle of WRONG_ORACLES) {
    it(`a wrong oracle is caught: ${oracle.name}`, async () => {
      const result = await runCampaign({ runner: new ServerPath(db.knex), seed: SEED, oracle, ...BUDGET });
      assert.ok(result.failure?.mismatch, `no mismatch found in ${result.stats.queries} queries`);
    });
  }

  for (const server of LEAKY_SERVERS) {
    it(`a leaky server is caught: ${server.name}`, async () => {
      const result = await runCampaign({ runner: new ServerPath(db.knex, server.makeCall), seed: SEED, ...BUDGET });
      assert.ok(result.failure?.mismatch, `no mismatch found in ${result.stats.queries} queries`);
    });
  }
});
