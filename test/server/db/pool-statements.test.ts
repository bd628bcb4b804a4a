import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import knexFactory, { type Knex } from 'knex';
import { ParametersI } from '../../../src/model/index.js';
import { openDatabase } from '../../../src/server/db/open-database.js';
import { PoolStatements } from '../../../src/server/db/pool-statements.js';
import { OmeroServer } from '../../../src/server/omero-server.js';
import { lockWaiters, until } from '../../helpers/lock-waits.js';
import { createTestDatabase, ROOT_PASSWORD, type TestDatabase } from '../../helpers/test-database.js';

const PG = Boolean(process.env.OMERO_TEST_DB_URL);
/** PostgreSQL's message for pg_cancel_backend (57014 also comes with the statement timeout). */
const USER_CANCEL = /canceling statement due to user request/;

/**
 * A read call runs straight on the pool; an abort cancels the statement it has in flight, and
 * only that one: the server runs many callers' reads at once on one pool. Each read is made to
 * wait on a table lock held by another connection, so that it is in flight when aborted.
 */
describe('cancelling reads on the pool (postgres)', { skip: PG ? false : 'needs PostgreSQL (OMERO_TEST_DB_URL)' }, () => {
  let db: TestDatabase;
  let server: OmeroServer;
  let locker: Knex;
  before(async () => {
    db = await createTestDatabase('postgres');
    server = OmeroServer.fromDatabase(await openDatabase(db.config));
    locker = knexFactory({ client: 'pg', connection: (db.config as { url: string }).url, pool: { min: 1, max: 2 } });
  });
  after(async () => {
    await locker?.destroy();
    await server?.close();
    await db?.drop();
  });

  const read = (key: string, signal: AbortSignal, table = 'ExperimenterGroup') =>
    server.invoke(key, 'IQuery', 'findAllByQuery', [`select x from ${table} x`, new ParametersI()], { 'omero.group': '-1' }, { signal });

  /** Holds an ACCESS EXCLUSIVE lock on `table` (readers wait too) until the returned function is called. */
  async function lockTable(table: string): Promise<() => Promise<void>> {
    const trx = await locker.transaction();
    await trx.raw(`lock table ${table} in access exclusive mode`);
    return async () => void (await trx.rollback());
  }

  it('an abort cancels the aborted read and leaves a concurrent one running', async () => {
    const key = (await server.sessions.createSession('root', ROOT_PASSWORD)).key;
    await read(key, new AbortController().signal); // facts cached: the next reads send only their query
    const release = await lockTable('experimentergroup');
    const aborted = new AbortController();
    const first = read(key, aborted.signal);
    const second = read(key, new AbortController().signal);
    first.catch(() => undefined);
    await until(async () => (await lockWaiters(locker)) === 2, 5_000);
    aborted.abort();
    await assert.rejects(first, (e: Error) => USER_CANCEL.test(e.message), 'the aborted read is cancelled (not timed out)');
    assert.equal(await lockWaiters(locker), 1, 'the other read still waits');
    await release();
    const rows = (await second) as unknown[];
    assert.ok(rows.length >= 3, 'the other read is answered once the lock goes');
  });

  it('statements made with the query builder are marked and cancelled as raw ones are', async () => {
    const statements = new PoolStatements(server.db);
    const release = await lockTable('experimentergroup');
    const aborted = new AbortController();
    const call = statements.run(aborted.signal, async (knex) => {
      await knex.raw('select 1');
      return knex('experimentergroup').select('id');
    });
    call.catch(() => undefined);
    await until(async () => (await lockWaiters(locker)) === 1, 5_000);
    aborted.abort();
    await assert.rejects(call, (e: Error) => USER_CANCEL.test(e.message), 'cancelled by PostgreSQL on request (not timed out)');
    assert.equal(await lockWaiters(locker), 0);
    await release();
  });

  it('an abort after the call ended cancels nothing', async () => {
    const key = (await server.sessions.createSession('root', ROOT_PASSWORD)).key;
    const done = new AbortController();
    await read(key, done.signal);
    const release = await lockTable('experimentergroup');
    const other = read(key, new AbortController().signal);
    await until(async () => (await lockWaiters(locker)) === 1, 5_000);
    done.abort();
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(await lockWaiters(locker), 1, 'the running read of the same session is left alone');
    await release();
    assert.ok(((await other) as unknown[]).length >= 3);
  });
});
