import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ExperimenterGroupI, ExperimenterI, ParametersI, PermissionsI, rbool, rstring, SessionTimeoutException, type IObject } from '../../../src/model/index.js';
import type { CallFacts } from '../../../src/server/call/call-facts.js';
import { FactsCache } from '../../../src/server/call/facts-cache.js';
import { hashSessionKey, type SessionRow } from '../../../src/server/call/session-row.js';
import { openDatabase } from '../../../src/server/db/open-database.js';
import { OmeroServer } from '../../../src/server/omero-server.js';
import { createTestDatabase, ENGINES, ROOT_PASSWORD, type TestDatabase } from '../../helpers/test-database.js';

function facts(epoch: number, session: Partial<SessionRow> = {}): CallFacts {
  const now = new Date();
  return {
    session: { id: 1, uuid_hash: 'h', owner: 2, sudoer: null, group_id: 3, started: now, last_access: now, closed: null, time_to_idle: 600_000, time_to_live: 0, user_agent: null, password_auth: true, ...session },
    membership: { memberOf: [3, 1], leaderOf: [], isAdmin: false, privileges: [] },
    perms: new Map(),
    worldReadableGroupIds: undefined,
    colleagueIds: undefined,
    stamp: { epoch, sessionId: 1, sessionVersion: 0 },
  };
}

describe('FactsCache', () => {
  it('keeps entries per session key and requested group', () => {
    const cache = new FactsCache();
    const a = facts(1);
    const b = facts(1);
    cache.set('k', null, a);
    cache.set('k', 5, b);
    assert.equal(cache.get('k', null), a);
    assert.equal(cache.get('k', 5), b);
    assert.equal(cache.get('k', -1), undefined);
    assert.equal(cache.get('other', null), undefined);
    cache.forget('k');
    assert.equal(cache.get('k', null), undefined);
    assert.equal(cache.get('k', 5), undefined);
  });

  it('once a newer security epoch has been seen, older entries are misses', () => {
    const cache = new FactsCache();
    cache.set('old', null, facts(7));
    assert.ok(cache.get('old', null));
    cache.set('new', null, facts(8));
    assert.equal(cache.get('old', null), undefined);
    assert.ok(cache.get('new', null));
  });

  it('a session that looks idle, expired or closed by its cached row is a miss (the database decides)', () => {
    const cache = new FactsCache();
    const long = new Date(Date.now() - 3_600_000);
    cache.set('idle', null, facts(1, { last_access: long, time_to_idle: 60_000 }));
    cache.set('expired', null, facts(1, { started: long, time_to_live: 60_000 }));
    cache.set('closed', null, facts(1, { closed: new Date() }));
    cache.set('alive', null, facts(1, { last_access: long, time_to_idle: 0 }));
    assert.equal(cache.get('idle', null), undefined);
    assert.equal(cache.get('expired', null), undefined);
    assert.equal(cache.get('closed', null), undefined);
    assert.ok(cache.get('alive', null));
  });

  it('drops the least recently used session beyond its capacity', () => {
    const cache = new FactsCache(2);
    cache.set('a', null, facts(1));
    cache.set('b', null, facts(1));
    cache.get('a', null);
    cache.set('c', null, facts(1));
    assert.equal(cache.size, 2);
    assert.ok(cache.get('a', null));
    assert.equal(cache.get('b', null), undefined);
    assert.ok(cache.get('c', null));
  });
});

for (const engine of ENGINES) {
  describe(`cached reads on the server (${engine})`, () => {
    let db: TestDatabase;
    let server: OmeroServer;
    let statements: string[];
    before(async () => {
      db = await createTestDatabase(engine);
      server = OmeroServer.fromDatabase(await openDatabase(db.config));
      statements = [];
      server.db.knex.on('query', (q: { sql: string }) => void statements.push(q.sql));
    });
    after(async () => {
      await server.close();
      await db.drop();
    });

    /** The statements `fn` sends, but for the touch of `last_access` (once a second at most, whenever the clock says). */
    const count = async (fn: () => Promise<unknown>): Promise<{ n: number; sql: string[] }> => {
      const from = statements.length;
      await fn();
      const sql = statements.slice(from).filter((q) => !/^update "session" set "last_access" = greatest\(last_access, \$1\) where "id" = \$2 and "facts_version" = \$3$/.test(q));
      return { n: sql.length, sql };
    };
    const groups = (key: string, ctx: Record<string, string> = {}) =>
      server.invoke(key, 'IQuery', 'findAllByQuery', ['select g from ExperimenterGroup g order by g.id', new ParametersI()], ctx) as Promise<IObject[]>;

    /** A new group `name` (at `perms`) and its user `<name>-user` (password `<name>-user-pw`), also in `user`. */
    const userInOwnGroup = async (name: string, perms: string): Promise<{ gid: number; uid: number; userGroup: number }> => {
      const root = await server.sessions.createSession('root', ROOT_PASSWORD);
      const admin = (method: string, ...args: unknown[]) => server.invoke(root.key, 'IAdmin', method, args, {});
      const group = new ExperimenterGroupI();
      group.name = rstring(name);
      group.details.permissions = new PermissionsI(perms);
      const gid = (await admin('createGroup', group)) as number;
      const userGroup = ((await admin('lookupGroup', 'user')) as ExperimenterGroupI).id!.val as number;
      const e = new ExperimenterI();
      e.omeName = rstring(`${name}-user`);
      e.firstName = rstring('C');
      e.lastName = rstring('R');
      e.ldap = rbool(false);
      const uid = (await admin('createExperimenterWithPassword', e, rstring(`${name}-user-pw`), gid, [gid, userGroup])) as number;
      return { gid, uid, userGroup };
    };

    it('a read sends one statement once the caller is known, and that statement checks the facts', async () => {
      const s = await server.sessions.createSession('root', ROOT_PASSWORD);
      const first = await count(() => groups(s.key));
      assert.equal(first.n, 3, `first call (facts, query, the permissions of the guest group, which root is not in): ${first.sql.join(' | ')}`);
      const warm = await count(() => groups(s.key));
      assert.equal(warm.n, 1, `warm call: ${warm.sql.join(' | ')}`);
      assert.match(warm.sql[0]!, /omero_facts_current\(/);
      // Another group context is another entry: read once (with the guest group's permissions again), then cached too.
      assert.equal((await count(() => groups(s.key, { 'omero.group': '-1' }))).n, 3);
      const warmAll = await count(() => groups(s.key, { 'omero.group': '-1' }));
      assert.equal(warmAll.n, 1, warmAll.sql.join(' | '));
    });

    it('a change made behind the server (plain SQL) is obeyed by the next read: the stale statement fails and the call runs again', async () => {
      const s = await server.sessions.createSession('root', ROOT_PASSWORD);
      const before = (await groups(s.key)).length;
      await groups(s.key);
      await server.db.knex.raw(`insert into experimentergroup (name, permissions) values ('made-behind-the-server', -120)`);
      const again = await count(async () => assert.equal((await groups(s.key)).length, before + 1));
      // The check failed (1), the facts were read again (2), the query ran on them (3) and the
      // new group's permissions were read to describe it (4).
      assert.equal(again.n, 4, again.sql.join(' | '));
      assert.match(again.sql[0]!, /omero_facts_current/);
      assert.match(again.sql[1]!, /from session s/);
      assert.equal((await count(() => groups(s.key))).n, 1);
    });

    it('a refusal is never decided on cached facts alone: re-added to a group by SQL, the next call in it works', async () => {
      const { gid, uid } = await userInOwnGroup('cache-refusal', 'rwr---');
      const s = await server.sessions.createSession('cache-refusal-user', 'cache-refusal-user-pw');
      const inGroup = { 'omero.group': String(gid) };
      assert.ok(Array.isArray(await groups(s.key, inGroup)));
      const [map] = (await server.db.knex('groupexperimentermap').where({ parent: gid, child: uid }).select('*')) as Array<Record<string, unknown>>;
      await server.db.knex('groupexperimentermap').where({ parent: gid, child: uid }).delete();
      await assert.rejects(groups(s.key, inGroup), /not a member|SecurityViolation/i);
      // The refusal above was decided on facts read for it; now they are cached. Put the row back.
      await server.db.knex('groupexperimentermap').insert(map);
      assert.ok(Array.isArray(await groups(s.key, inGroup)), 'a cached refusal outlived the change');
    });

    it('an IAdmin lookup runs its own statements, then proves the cached facts with one more', async () => {
      const s = await server.sessions.createSession('root', ROOT_PASSWORD);
      const admin = (method: string) => count(() => server.invoke(s.key, 'IAdmin', method, [], {}));
      const cold = await admin('getSecurityRoles');
      assert.match(cold.sql[0]!, /from session s/, 'cold: the facts first');
      assert.ok(!cold.sql.some((q) => /omero_facts_current/.test(q)), 'facts read by the call need no proof');
      const warm = await admin('getSecurityRoles');
      assert.equal(warm.n, 1, `warm: the proof only (${warm.sql.join(' | ')})`);
      assert.match(warm.sql[0]!, /omero_facts_current\(/);
      const users = await admin('lookupExperimenters');
      assert.equal(users.n, 2, users.sql.join(' | '));
      assert.match(users.sql[0]!, /from "experimenter"/);
      assert.match(users.sql[1]!, /omero_facts_current\(/);
    });

    it('a change behind the server is obeyed by the next IAdmin lookup: the proof fails and the lookup runs again on new facts', async () => {
      const root = await server.sessions.createSession('root', ROOT_PASSWORD);
      const ec = () => server.invoke(root.key, 'IAdmin', 'getEventContext', [], {}) as Promise<{ memberOfGroups: number[] }>;
      const before = (await ec()).memberOfGroups;
      await ec();
      const [row] = await server.db.knex('experimentergroup').insert({ name: 'joined-behind-the-server', permissions: -120 }).returning('id');
      const gid = Number((row as { id: number }).id);
      await server.db.knex('groupexperimentermap').insert({ parent: gid, child: 0, owner: false, child_index: before.length });
      const again = await count(async () => assert.deepEqual((await ec()).memberOfGroups, [...before, gid]));
      assert.match(again.sql.find((q) => /omero_facts_current/.test(q)) ?? '', /omero_facts_current/, again.sql.join(' | '));
      assert.ok(again.sql.some((q) => /from session s/.test(q)), `the facts were not read again: ${again.sql.join(' | ')}`);
    });

    it("an IAdmin lookup's refusal under cached facts stands only once they are proven: a colleague made behind the server is found", async () => {
      const a = await userInOwnGroup('stale-refusal-a', 'rw----');
      const b = await userInOwnGroup('stale-refusal-b', 'rw----');
      const s = await server.sessions.createSession('stale-refusal-a-user', 'stale-refusal-a-user-pw');
      const lookup = () => server.invoke(s.key, 'IAdmin', 'lookupExperimenter', ['stale-refusal-b-user'], {}) as Promise<ExperimenterI>;
      // Not a colleague (no group-readable group in common): hidden, on facts read afresh, then on cached ones.
      await assert.rejects(lookup(), /No such experimenter/);
      const cachedRefusal = await count(() => assert.rejects(lookup(), /No such experimenter/));
      assert.ok(!cachedRefusal.sql.some((q) => /from session s/.test(q)), `the facts were read again: ${cachedRefusal.sql.join(' | ')}`);
      assert.match(cachedRefusal.sql.at(-1)!, /omero_facts_current\(/, 'the refusal was not proven');
      // Behind the server: a read-only group holding both.
      const [row] = await server.db.knex('experimentergroup').insert({ name: 'stale-refusal-shared', permissions: new PermissionsI('rwr---').getPerm1() }).returning('id');
      const shared = Number((row as { id: number }).id);
      await server.db.knex('groupexperimentermap').insert([
        { parent: shared, child: a.uid, owner: false, child_index: 2 },
        { parent: shared, child: b.uid, owner: false, child_index: 2 },
      ]);
      assert.equal((await lookup()).omeName!.val, 'stale-refusal-b-user');
    });

    it('an account deactivated by hand in SQL is refused by the next IAdmin lookup', async () => {
      const { uid, userGroup } = await userInOwnGroup('cache-deactivated', 'rw----');
      const s = await server.sessions.createSession('cache-deactivated-user', 'cache-deactivated-user-pw');
      const users = () => server.invoke(s.key, 'IAdmin', 'lookupExperimenters', [], {});
      await users();
      await users();
      await server.db.knex('groupexperimentermap').where({ parent: userGroup, child: uid }).delete();
      await assert.rejects(users(), /deactivated|SecurityViolation/i);
    });

    it("a session's facts version moves when its last_access is set back, not when a touch moves it forward", async () => {
      const s = await server.sessions.createSession('root', ROOT_PASSWORD);
      const session = () => server.db.knex('session').where({ uuid_hash: hashSessionKey(s.key) });
      const version = async () => Number(((await session().first('facts_version')) as { facts_version: number }).facts_version);
      const v0 = await version();
      await session().update({ last_access: new Date(Date.now() + 1000) });
      assert.equal(await version(), v0, 'moved forward');
      await session().update({ last_access: new Date(Date.now() - 3600_000) });
      assert.equal(await version(), v0 + 1, 'set back');
    });

    it('a session made idle by hand in SQL is refused by the next cached call, whether or not its touch is due', async () => {
      const calls = {
        query: (key: string) => groups(key),
        lookup: (key: string) => server.invoke(key, 'IAdmin', 'getEventContext', [], {}),
      };
      const cases = await Promise.all(
        Object.entries(calls).flatMap(([name, call]) =>
          [false, true].map(async (touchDue) => {
            const s = await server.sessions.createSession('root', ROOT_PASSWORD);
            await call(s.key);
            await call(s.key);
            await server.db.knex('session').where({ uuid_hash: hashSessionKey(s.key) }).update({ last_access: new Date(Date.now() - 3600_000) });
            return { name, call, key: s.key, touchDue };
          }),
        ),
      );
      for (const c of cases.filter((x) => !x.touchDue)) await assert.rejects(c.call(c.key), SessionTimeoutException, `${c.name}, no touch due`);
      // Past a second since the last touch, the next call touches the session (and used to write
      // the time set back over before the database could see it).
      await new Promise((r) => setTimeout(r, 1100));
      for (const c of cases.filter((x) => x.touchDue)) await assert.rejects(c.call(c.key), SessionTimeoutException, `${c.name}, touch due`);
    });

    it('writes never use the cache: they read their facts in their own transaction', async () => {
      const s = await server.sessions.createSession('root', ROOT_PASSWORD);
      await groups(s.key);
      await server.invoke(s.key, 'IAdmin', 'getSecurityRoles', [], {});
      // root's default group is system (0): a write that changes nothing.
      const write = await count(() => server.invoke(s.key, 'IAdmin', 'setDefaultGroup', [0, 0], {}));
      assert.ok(write.sql.some((q) => /from session s/.test(q)), 'a transaction call did not read the session');
      assert.ok(!write.sql.some((q) => /omero_facts_current/.test(q)));
    });
  });
}
