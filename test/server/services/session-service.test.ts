import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { PermissionDeniedException, RemovedSessionException, SecurityViolation, SessionTimeoutException } from '../../../src/model/index.js';
import { openDatabase } from '../../../src/server/db/open-database.js';
import { hashSessionKey } from '../../../src/server/call/session-row.js';
import { OmeroServer } from '../../../src/server/omero-server.js';
import { createTestDatabase, ENGINES, ROOT_PASSWORD, type TestDatabase } from '../../helpers/test-database.js';

for (const engine of ENGINES) {
  describe(`sessions on the server (${engine})`, () => {
    let db: TestDatabase;
    let server: OmeroServer;
    before(async () => {
      db = await createTestDatabase(engine);
      server = OmeroServer.fromDatabase(await openDatabase(db.config));
    });
    after(async () => {
      await server.close();
      await db.drop();
    });

    it('stores only a hash of the session key, with a fresh random key each time', async () => {
      const a = await server.sessions.createSession('root', ROOT_PASSWORD);
      const b = await server.sessions.createSession('root', ROOT_PASSWORD);
      assert.notEqual(a.key, b.key);
      assert.match(a.key, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      const rows = await server.db.knex('session').select('uuid_hash');
      assert.ok(rows.every((r) => r.uuid_hash !== a.key && r.uuid_hash !== b.key));
      assert.ok(rows.some((r) => r.uuid_hash === hashSessionKey(a.key)));
    });

    it('ends a session after its idle timeout and refuses it afterwards', async () => {
      const s = await server.sessions.createSession('root', ROOT_PASSWORD, { timeToIdleMs: 60_000 });
      const lastUsed = (ms: number) => server.db.knex('session').where({ uuid_hash: hashSessionKey(s.key) }).update({ last_access: new Date(Date.now() - ms) });
      // Last used 50 s ago, within the minute: alive (the control). Then 70 s ago: ended.
      await lastUsed(50_000);
      assert.equal(((await server.invoke(s.key, 'IAdmin', 'getEventContext', [], {})) as { userName: string }).userName, 'root');
      await lastUsed(70_000);
      await assert.rejects(server.invoke(s.key, 'IAdmin', 'getEventContext', [], {}), SessionTimeoutException);
    });

    it('ends a session after its time to live even while it is used', async () => {
      const s = await server.sessions.createSession('root', ROOT_PASSWORD);
      await server.db.knex('session').where({ uuid_hash: hashSessionKey(s.key) }).update({ time_to_live: 1000, started: new Date(Date.now() - 5000) });
      await assert.rejects(server.invoke(s.key, 'IAdmin', 'getEventContext', [], {}), SessionTimeoutException);
    });

    it('refuses closed and unknown sessions without echoing the key', async () => {
      const s = await server.sessions.createSession('root', ROOT_PASSWORD);
      assert.equal(await server.sessions.closeSession(s.key), true);
      await assert.rejects(server.invoke(s.key, 'IAdmin', 'getEventContext', [], {}), (e: unknown) => e instanceof RemovedSessionException && !(e as Error).message.includes(s.key));
      await assert.rejects(server.invoke('not-a-key', 'IAdmin', 'getEventContext', [], {}), RemovedSessionException);
      await assert.rejects(server.sessions.joinSession(s.key), RemovedSessionException);
    });

    it('backs off after three failed logins, for known and unknown names alike', async () => {
      for (const name of ['root', 'nobody-at-all']) {
        for (let i = 0; i < 3; i++) await assert.rejects(server.sessions.createSession(name, 'wrong'), PermissionDeniedException);
        await assert.rejects(server.sessions.createSession(name, name === 'root' ? ROOT_PASSWORD : 'x'), (e: unknown) => e instanceof SecurityViolation && /Too many failed logins/.test((e as Error).message));
      }
      // The backoff has passed: the last failure moved back in the database instead of waiting.
      await server.db.knex('login_failure').where({ omename: 'root' }).update({ last_failure: new Date(Date.now() - 5_000) });
      const ok = await server.sessions.createSession('root', ROOT_PASSWORD);
      assert.equal(ok.userName, 'root');
      // A success clears the counter.
      await assert.rejects(server.sessions.createSession('root', 'wrong'), PermissionDeniedException);
      assert.equal((await server.sessions.createSession('root', ROOT_PASSWORD)).userName, 'root');
    });

    it('calls only the methods a service lists as remote', async () => {
      const s = await server.sessions.createSession('root', ROOT_PASSWORD);
      await assert.rejects(server.invoke(s.key, 'IAdmin', 'constructor', [], {}), /Unknown method IAdmin.constructor/);
      await assert.rejects(server.invoke(s.key, 'IAdmin', '__proto__', [], {}), /Unknown method/);
      await assert.rejects(server.invoke(s.key, 'NoService', 'x', [], {}), /Unknown method/);
    });
  });
}
