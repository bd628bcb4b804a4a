import assert from 'node:assert/strict';
import vm from 'node:vm';
import { after, before, describe, it } from 'node:test';
import knexFactory, { type Knex } from 'knex';
import { rstring } from '../../../src/model/index.js';
import { OmeroClient } from '../../../src/client/omero-client.js';
import { SocketTransport } from '../../../src/client/transport/socket-transport.js';
import { spawn } from 'node:child_process';
import { OMERO_BIN, openCliEnvironment, type CliEnvironment } from '../../helpers/cli-runner.js';
import { openEngine, type EngineFixture } from '../../helpers/engine-client.js';
import { startServerProcess, type ServerProcess } from '../../helpers/server-process.js';
import { PASSWORDS } from '../../helpers/engine-client.js';
import { lockWaiters, until } from '../../helpers/lock-waits.js';

const PG = Boolean(process.env.OMERO_TEST_DB_URL);

/**
 * An interrupted blocking call (the shell's Ctrl-C: V8 ends the wait in Atomics.wait) is
 * cancelled on the server: its statement stops and its write never commits. The call is made
 * to wait on a row lock held by another connection, so it is really in flight when interrupted.
 */
describe('cancelling a call in flight (postgres)', { skip: PG ? false : 'needs PostgreSQL (OMERO_TEST_DB_URL): the embedded database has one connection, so no call can wait on a lock' }, () => {
  let fx: EngineFixture;
  let locker: Knex;
  before(async () => {
    fx = await openEngine('postgres', { example: true });
    locker = knexFactory({ client: 'pg', connection: (fx.db.config as { url: string }).url, pool: { min: 1, max: 2 } });
  });
  after(async () => {
    await locker?.destroy();
    await fx?.close();
  });

  /** Renames group `from` while another transaction holds its row; the rename is interrupted after 400 ms. */
  async function interruptedRename(from: string, to: string, cancel: boolean): Promise<void> {
    const admin = fx.login().getSession().getAdminService();
    const group = admin.lookupGroup(from);
    group.name = rstring(to);
    const trx = await locker.transaction();
    await trx.raw('select id from experimentergroup where name = ? for update', [from]);
    assert.throws(
      () => vm.runInNewContext('admin.updateGroup(group)', { admin, group }, { timeout: 400 }),
      (e: NodeJS.ErrnoException) => e.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT',
    );
    assert.equal(await lockWaiters(locker), 1, 'the update waits on the lock while interrupted');
    if (cancel) {
      fx.transport.cancel();
      await until(async () => (await lockWaiters(locker)) === 0);
    }
    await trx.rollback();
  }

  it('stops the statement and rolls the write back', async () => {
    await interruptedRename('read-write-1', 'renamed-by-cancelled-call', true);
    // The next call is answered, and the interrupted rename never happened.
    const names = fx.login().getSession().getAdminService().lookupGroups().map((g) => g.name!.val);
    assert.ok(names.includes('read-write-1'));
    assert.ok(!names.includes('renamed-by-cancelled-call'));
  });

  it('a read waiting on the server (a query on the pool) has its statement cancelled too', async () => {
    const qs = fx.login().getSession().getQueryService();
    const trx = await locker.transaction();
    // ACCESS EXCLUSIVE blocks readers too: the query waits, as a long query would run.
    await trx.raw('lock table project in access exclusive mode');
    assert.throws(
      () => vm.runInNewContext("qs.findAllByQuery('select p from Project p', null, {'omero.group': '-1'})", { qs }, { timeout: 400 }),
      (e: NodeJS.ErrnoException) => e.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT',
    );
    await until(async () => (await lockWaiters(locker)) === 1);
    fx.transport.cancel();
    // Cancelled while the lock is still held: only the cancel can have ended the wait.
    await until(async () => (await lockWaiters(locker)) === 0);
    await trx.rollback();
    assert.ok(Array.isArray(qs.findAllByQuery('select p from Project p', null, { 'omero.group': '-1' })), 'the next call is answered');
  });

  it('control: without the cancel, the abandoned call commits once the lock is released', async () => {
    await interruptedRename('read-annotate-1', 'renamed-by-abandoned-call', false);
    // Read by the other connection: the client's next request would cancel the abandoned call.
    await until(async () => (await locker('experimentergroup').where({ name: 'renamed-by-abandoned-call' })).length === 1);
  });
});

/**
 * The same through a server process: the cancel travels as a frame, and a client that simply
 * goes away (its connection closed mid-call) leaves no half-done write either.
 */
describe('cancelling a call in flight through a server process (postgres)', { skip: PG ? false : 'needs PostgreSQL (OMERO_TEST_DB_URL)' }, () => {
  let cli: CliEnvironment;
  let server: ServerProcess;
  let locker: Knex;
  before(async () => {
    cli = await openCliEnvironment('postgres');
    const init = await cli.run(['-u', 'root', '-w', PASSWORDS.root!, 'group', 'add', 'cancel-me', '--perms', 'rw----'], { env: { OMERO_SERVER: 'in-process' } });
    assert.equal(init.status, 0, init.stderr);
    server = await startServerProcess(cli.env);
    locker = knexFactory({ client: 'pg', connection: cli.env.OMERO_DB_URL!, pool: { min: 1, max: 2 } });
  });
  after(async () => {
    await locker?.destroy();
    await server?.stop();
    await cli?.close();
  });

  it('Ctrl-C (an interrupted wait) cancels the statement on the server; the rename never commits', async () => {
    const transport = new SocketTransport({ address: { host: '127.0.0.1', port: server.port, tls: false } });
    try {
      const client = new OmeroClient('127.0.0.1', server.port, transport);
      const admin = client.createSession('root', PASSWORDS.root!).getAdminService();
      const group = admin.lookupGroup('cancel-me');
      group.name = rstring('renamed-over-the-wire');
      const trx = await locker.transaction();
      await trx.raw("select id from experimentergroup where name = 'cancel-me' for update");
      assert.throws(
        () => vm.runInNewContext('admin.updateGroup(group)', { admin, group }, { timeout: 400 }),
        (e: NodeJS.ErrnoException) => e.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT',
      );
      await until(async () => (await lockWaiters(locker)) === 1);
      transport.cancel();
      await until(async () => (await lockWaiters(locker)) === 0);
      await trx.rollback();
      assert.ok(admin.lookupGroups().some((g) => g.name!.val === 'cancel-me'));
      assert.ok(!admin.lookupGroups().some((g) => g.name!.val === 'renamed-over-the-wire'));
    } finally {
      transport.close();
    }
  });

  it('a client killed mid-call leaves no half-done write', async () => {
    const id = (await locker('experimentergroup').where({ name: 'cancel-me' }).first()).id;
    const trx = await locker.transaction();
    try {
      await trx.raw('select id from experimentergroup where id = ? for update', [id]);
      // The command talks to the server process even when the suite runs in-process
      // (OMERO_TEST_IN_PROCESS=1 sets OMERO_SERVER=in-process, under which a local -s/-p would
      // open the database in the command itself, whose killed connection PostgreSQL only notices
      // once the lock is released).
      const child = spawn(process.execPath, [OMERO_BIN, '-s', '127.0.0.1', '-p', String(server.port), '-u', 'root', '-w', PASSWORDS.root!, 'obj', 'update', `ExperimenterGroup:${id}`, 'name=renamed-by-a-dead-client'], {
        env: { ...cli.env, OMERO_SERVER: undefined },
        stdio: 'ignore',
      });
      const exited = new Promise((r) => child.once('exit', r));
      await until(async () => (await lockWaiters(locker)) === 1, 60_000);
      child.kill('SIGKILL');
      await exited;
      // The server sees the connection close, aborts the call and cancels its statement.
      await until(async () => (await lockWaiters(locker)) === 0);
    } finally {
      // Also when the case fails: an open transaction would keep the suite from ending.
      await trx.rollback();
    }
    await new Promise((r) => setTimeout(r, 200));
    assert.equal((await locker('experimentergroup').where({ id }).first()).name, 'cancel-me');
  });
});
