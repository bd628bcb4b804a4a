/**
 * The session calls of the blocking client (issue 16 item 5), checked against the session rows
 * by direct SQL, with the session times set in the database rather than waited out:
 * `sf.keepAlive`, `sf.getSecurityContexts`, `ISession.updateTimeToIdle` and
 * `ISession.getCurrentSessions`.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CmdError, ERR, unwrap } from '../../src/model/index.js';
import type { OmeroClient } from '../../src/client/omero-client.js';
import { hashSessionKey } from '../../src/server/call/session-row.js';
import { openEngine, PASSWORDS, type EngineFixture } from '../helpers/engine-client.js';
import { ENGINES } from '../helpers/test-database.js';

const HOUR = 3_600_000;

for (const engine of ENGINES) {
  describe(`session calls through the client (${engine})`, () => {
    let fx: EngineFixture;
    let root: OmeroClient;
    let user3: OmeroClient;

    /** The session row of a client, straight from the database. */
    const row = (c: OmeroClient) => fx.sql('select last_access, time_to_idle, closed from session where uuid_hash = ?', [hashSessionKey(c.getSessionId())])[0]!;
    const setRow = (c: OmeroClient, values: Record<string, unknown>) => {
      const cols = Object.keys(values);
      fx.sql(`update session set ${cols.map((k) => `${k} = ?`).join(', ')} where uuid_hash = ?`, [...Object.values(values), hashSessionKey(c.getSessionId())]);
    };
    /** The ERR a refused updateTimeToIdle carries. */
    const refusedTimeout = (c: OmeroClient, ms: number, key: string | null = null): string => {
      try {
        c.getSession().getSessionService().updateTimeToIdle(key, ms);
      } catch (e) {
        assert.ok(e instanceof CmdError && e.err instanceof ERR, String(e));
        return (e.err as ERR).name;
      }
      return 'OK';
    };

    before(async () => {
      fx = await openEngine(engine, { example: true, sql: true });
      root = fx.login();
      user3 = fx.login('user-3');
    });
    after(async () => {
      await fx?.close();
    });

    it('keepAlive answers true and moves the last access; an unpinged session keeps its old one', () => {
      const twin = fx.login('user-3');
      const old = new Date(Date.now() - 10 * 60_000).toISOString();
      for (const c of [user3, twin]) setRow(c, { last_access: old, time_to_idle: HOUR });
      assert.equal(user3.getSession().keepAlive(null), true);
      assert.ok(Date.parse(String(row(user3).last_access)) > Date.parse(old) + 5 * 60_000, 'keepAlive did not touch the session');
      assert.equal(Date.parse(String(row(twin).last_access)), Date.parse(old));
      // With a five-minute idle timeout only the pinged session lives.
      for (const c of [user3, twin]) setRow(c, { time_to_idle: 5 * 60_000 });
      assert.equal(user3.getSession().keepAlive(null), true);
      assert.throws(() => twin.getSession().keepAlive(null), (e: unknown) => (e as Error).name === 'SessionTimeoutException' || (e as Error).name === 'RemovedSessionException');
      setRow(user3, { time_to_idle: HOUR });
    });

    it('getSecurityContexts: the groups the caller is a member of, as in the database', () => {
      for (const [c, name] of [[user3, 'user-3'], [root, 'root']] as const) {
        const got = c.getSession().getSecurityContexts().map((g) => unwrap(g.id) as number).sort((a, b) => a - b);
        const want = fx
          .sql('select m.parent from groupexperimentermap m join experimenter e on e.id = m.child where e.omename = ? order by m.parent', [name])
          .map((r) => Number(r.parent));
        assert.deepEqual(got, want, name);
        assert.ok(got.length >= 2, `${name} is in too few groups for the check to mean much`);
      }
    });

    it('updateTimeToIdle: a user may lower their own; raising, 0, over 24 h and an unknown key are refused and change nothing', () => {
      setRow(user3, { time_to_idle: HOUR });
      user3.getSession().getSessionService().updateTimeToIdle(null, HOUR / 2);
      assert.equal(Number(row(user3).time_to_idle), HOUR / 2);
      assert.equal(refusedTimeout(user3, HOUR), 'non-admin-increase');
      assert.equal(refusedTimeout(user3, 0), 'invalid-timeout');
      assert.equal(refusedTimeout(user3, 1000, 'not-a-session-key'), 'no-session');
      assert.equal(Number(row(user3).time_to_idle), HOUR / 2);
      // An admin may raise another session's, up to the maximum.
      root.getSession().getSessionService().updateTimeToIdle(user3.getSessionId(), 2 * HOUR);
      assert.equal(Number(row(user3).time_to_idle), 2 * HOUR);
      assert.equal(refusedTimeout(root, 25 * HOUR, user3.getSessionId()), 'maximum-exceeded');
      assert.equal(Number(row(user3).time_to_idle), 2 * HOUR);
    });

    it('getCurrentSessions: live sessions only; details of others for admins alone', () => {
      const closing = fx.login('user-2', PASSWORDS['user-2']);
      const idle = fx.login('user-2', PASSWORDS['user-2']);
      // The rule of session-row.ts, written again in SQL: not closed, not idle, not past its lifetime.
      const liveCount = () =>
        Number(
          fx.sql(
            `select count(*) as n from session where closed is null
               and (time_to_idle = 0 or last_access >= now() - time_to_idle * interval '1 millisecond')
               and (time_to_live = 0 or started >= now() - time_to_live * interval '1 millisecond')`,
          )[0]!.n,
        );
      const before = root.getSession().getSessionService().getCurrentSessions();
      assert.equal(before.length, liveCount());
      closing.closeSession();
      // Idle for two hours with a one-hour timeout: dead, though its row is not closed yet.
      setRow(idle, { last_access: new Date(Date.now() - 2 * HOUR).toISOString(), time_to_idle: HOUR });
      const asRoot = root.getSession().getSessionService().getCurrentSessions();
      assert.equal(asRoot.length, liveCount());
      assert.equal(asRoot.length, before.length - 2);
      assert.ok(asRoot.every((r) => r.session !== null && typeof r.data.lastAccessTime === 'number'));
      assert.deepEqual(asRoot.filter((r) => r.current).map((r) => r.userName), ['root']);
      const asUser = user3.getSession().getSessionService().getCurrentSessions();
      assert.equal(asUser.length, asRoot.length);
      for (const r of asUser) {
        assert.equal(r.session !== null, r.userName === 'user-3', `${r.userName}: details ${r.session ? 'shown' : 'hidden'}`);
        assert.deepEqual(r.data, {});
      }
      // Only the calling session carries its key.
      const keys = asUser.map((r) => (r.session ? unwrap(r.session.uuid) : undefined)).filter((k) => k);
      assert.deepEqual(keys, [user3.getSessionId()]);
    });
  });
}
