/**
 * OME security advisories as regression tests against the real engine (reference field notes §2),
 * through the blocking client and, where a person would meet it, the `omero` binary:
 *
 * - 2019-SV5 (CVE-2019-16244): query filters as oracles on hidden columns and rows — where,
 *   like, joins, subqueries, order by, group by, counts, min/max, findByString;
 * - 2017-SV4: guest over-reach — guest cannot log in, no call without a live session, the guest
 *   group is not a readable context;
 * - 2017-SV2, 2019-SV2: permissions from the object's group, never the session's — a user whose
 *   session group is read-write must not edit, delete, move or read objects of other groups;
 * - 2019-SV3 (CVE-2019-16245): user details through IAdmin and IQuery masked for unrelated users;
 * - 2018-SV1 (CVE-2018-1000633): no password and no session key in any error message or CLI output;
 * - CVE-2025-54791 class: no user enumeration by message (by time: a benchmark, `npm run bench --
 *   --sections security`, since a test must not depend on the machine's speed);
 * - 2014-SV2, 2012-SV1: no empty passwords, and an account without one cannot log in;
 * - 2018-SV3 (CVE-2018-1000634): a restricted admin with ModifyUser cannot take over root.
 *
 * Each test has a positive control (the same call succeeding for someone allowed), so that a
 * refusal caused by anything else would show.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import {
  Chgrp2,
  Chgrp2Response,
  Chown2,
  Delete2,
  ExperimenterI,
  NamedValue,
  ParametersI,
  PermissionDeniedException,
  ProjectI,
  RemovedSessionException,
  SecurityViolation,
  rbool,
  rlong,
  rstring,
  unwrap,
  type IObject,
} from '../../src/model/index.js';
import { OmeroClient } from '../../src/client/omero-client.js';
import { ADMIN_PRIVILEGES } from '../../src/server/security/roles.js';
import { openCliEnvironment, type CliEnvironment, type CliResult } from '../helpers/cli-runner.js';
import { errMessage, inGroup, newProject, submitAndWait } from '../helpers/data-helpers.js';
import { openEngine, PASSWORDS, type EngineFixture } from '../helpers/engine-client.js';
import { ENGINES, ROOT_PASSWORD } from '../helpers/test-database.js';

const SAM_PASSWORD = `sam-${randomBytes(6).toString('hex')}`;
const HIDDEN_PASSWORD = `hid-${randomBytes(6).toString('hex')}`;
const TIMING_PASSWORD = `tim-${randomBytes(6).toString('hex')}`;
const RA_PASSWORD = `ra-${randomBytes(6).toString('hex')}`;

/** Every secret used by this file; no message may contain one (checked at the end). */
const SECRETS = new Set<string>([ROOT_PASSWORD, SAM_PASSWORD, HIDDEN_PASSWORD, TIMING_PASSWORD, RA_PASSWORD, ...Object.values(PASSWORDS)]);
/** Every error message and CLI output seen by this file (swept for secrets at the end). */
const MESSAGES: string[] = [];
/** How many of MESSAGES came from the command line. */
const CLI_MESSAGES = { count: 0 };

/** The error a call throws (recorded for the secret sweep); fails if it does not throw. */
function refusal(call: () => unknown): Error {
  try {
    call();
  } catch (e) {
    const err = e instanceof Error ? e : new Error(String(e));
    MESSAGES.push(`${err.name}: ${err.message}`);
    return err;
  }
  assert.fail('the call was not refused');
}

/**
 * A refused password login: OMERO's one message for unknown users and wrong passwords, or, after
 * a few failures, the throttle's (which reads the same for known and unknown names too).
 */
function assertLoginRefused(e: Error, user: string, what = ''): void {
  const denied = e instanceof PermissionDeniedException && e.message === `Password check failed for '${user}'`;
  const throttled = e instanceof SecurityViolation && new RegExp(`^Too many failed logins for '${user}'; try again in \\d+ s$`).test(e.message);
  assert.ok(denied || throttled, `${what}${e.name}: ${e.message}`);
}

function person(omeName: string, extra: { email?: string; institution?: string } = {}): ExperimenterI {
  const e = new ExperimenterI();
  e.omeName = rstring(omeName);
  e.firstName = rstring(`First-${omeName}`);
  e.lastName = rstring(`Last-${omeName}`);
  if (extra.email) e.email = rstring(extra.email);
  if (extra.institution) e.institution = rstring(extra.institution);
  e.ldap = rbool(false);
  return e;
}

const rows = (client: OmeroClient, hql: string, ctx: Record<string, string> = {}, params?: ParametersI): unknown[][] =>
  client.getSession().getQueryService().projection(hql, params ?? null, ctx).map((r) => r.map((v) => unwrap(v)));

const idOf = (o: IObject): number => unwrap(o.id) as number;

/**
 * Logs in even if earlier tests' deliberate failures throttle the name: the last failure is moved
 * back in the database past the longest backoff (5 min) instead of waiting it out. The throttle
 * itself is tested below.
 */
function loginPatiently(fx: EngineFixture, user: string, password?: string): OmeroClient {
  try {
    return fx.login(user, password);
  } catch (e) {
    if (!(e instanceof SecurityViolation && /try again in \d+ s$/.test(e.message))) throw e;
    fx.sql("update login_failure set last_failure = now() - interval '6 minutes' where omename = ?", [user]);
    return fx.login(user, password);
  }
}

for (const engine of ENGINES) {
  describe(`security advisories (${engine})`, () => {
    let fx: EngineFixture;
    let root: OmeroClient;
    let user2: OmeroClient;
    let user3: OmeroClient;
    let sam: OmeroClient;
    const ids = { sam: 0, zz: 0, aa: 0, ra: 0, samProject: 0, u3ReadOnly: 0, u3ReadAnnotate: 0, u2Project: 0 };
    const groups = { private1: 0, readOnly: 0, readWrite: 0, readAnnotate: 0, user: 1, guest: 2 };

    before(async () => {
      fx = await openEngine(engine, { example: true, sql: true });
      root = fx.login();
      const admin = root.getSession().getAdminService();
      groups.private1 = idOf(admin.lookupGroup('private-1'));
      groups.readOnly = idOf(admin.lookupGroup('read-only-1'));
      groups.readWrite = idOf(admin.lookupGroup('read-write-1'));
      groups.readAnnotate = idOf(admin.lookupGroup('read-annotate-1'));
      // sam shares only the private group with user-2, and nothing with user-3.
      ids.sam = admin.createExperimenterWithPassword(person('secret-sam', { email: 'sam@secret.example', institution: 'Secret Lab' }), rstring(SAM_PASSWORD), groups.private1, [1]);
      // Two users only in read-write-1, created so that id order and name order differ.
      ids.zz = admin.createExperimenterWithPassword(person('zz-hidden', { email: 'zz@hidden.example' }), rstring(HIDDEN_PASSWORD), groups.readWrite, [1]);
      ids.aa = admin.createExperimenterWithPassword(person('aa-hidden', { email: 'aa@hidden.example' }), rstring(HIDDEN_PASSWORD), groups.readWrite, [1]);
      // user-2 also joins read-write-1 (it becomes their session group below).
      admin.addGroups(admin.lookupExperimenter('user-2'), [admin.lookupGroup('read-write-1')]);
      user2 = fx.login('user-2', PASSWORDS['user-2'], { 'omero.group': 'read-write-1' });
      user3 = fx.login('user-3');
      sam = fx.login('secret-sam', SAM_PASSWORD);
      const save = (c: OmeroClient, name: string, group: number): number =>
        idOf(c.getSession().getUpdateService().saveAndReturnObject(newProject(name), inGroup(group)));
      ids.samProject = save(sam, 'sam-secret-project', groups.private1);
      ids.u3ReadOnly = save(user3, 'u3-read-only-project', groups.readOnly);
      ids.u3ReadAnnotate = save(user3, 'u3-read-annotate-project', groups.readAnnotate);
      ids.u2Project = save(user2, 'u2-read-write-project', groups.readWrite);
      for (const c of [root, user2, user3, sam]) SECRETS.add(c.getSessionId());
    });
    after(async () => {
      await fx?.close();
    });

    describe('2019-SV5: hidden columns and rows are no oracle', () => {
      const ALL = { 'omero.group': '-1' };
      const probes: ReadonlyArray<readonly [string, string]> = [
        ['where on a name', "select e.id from Experimenter e where e.omeName = 'secret-sam'"],
        ['like on a name', "select e.id from Experimenter e where e.omeName like 'secret%'"],
        ['like on an email', "select e.id from Experimenter e where e.email like 'sam@%'"],
        ['lower() on a name', "select e.id from Experimenter e where lower(e.lastName) = 'last-secret-sam'"],
        ['is not null on an email', 'select e.id from Experimenter e where e.email is not null and e.id = :sam'],
        ['in-list on an institution', "select e.id from Experimenter e where e.institution in ('Secret Lab')"],
        ['a join through memberships', "select m.id from GroupExperimenterMap m join m.child c where c.omeName = 'secret-sam'"],
        ['an implicit join', "select m.id from GroupExperimenterMap m where m.child.email = 'sam@secret.example'"],
        ['an exists subquery', "select g.id from ExperimenterGroup g where exists (select m from GroupExperimenterMap m where m.parent.id = g.id and m.child.firstName = 'First-secret-sam')"],
        ['an in subquery', "select g.id from ExperimenterGroup g where g.id in (select m.parent.id from GroupExperimenterMap m where m.child.institution like 'Secret%')"],
        ['a count', "select count(e.id) from Experimenter e where e.email like '%secret%' having count(e.id) > 0"],
        ['a group by', "select e.institution, count(e.id) from Experimenter e where e.institution = 'Secret Lab' group by e.institution"],
        ["another user's data by owner name", "select p.id from Project p where p.details.owner.omeName = 'secret-sam'"],
        ['hidden project by name', "select p.id from Project p where p.name = 'sam-secret-project'"],
        ['hidden project through size()', "select e.id from Experimenter e where e.id = :sam and exists (select p from Project p where p.details.owner.id = e.id)"],
        ["root's session by owner", "select s.id from Session s where s.owner.omeName = 'root'"],
      ];
      for (const [what, hql] of probes) {
        it(`${what}: finds nothing for user-3, the same query finds sam for root`, () => {
          const p = new ParametersI().addLong('sam', ids.sam);
          assert.deepEqual(rows(user3, hql, ALL, p), [], 'user-3 learnt something');
          // Positive control: the same query finds something for root (root's own sessions too).
          assert.notDeepEqual(rows(root, hql, ALL, p), [], 'the probe itself is broken');
        });
      }

      it('having on a masked column answers like where does', () => {
        assert.deepEqual(rows(user3, "select e.institution from Experimenter e group by e.institution having e.institution = 'Secret Lab'", ALL), []);
      });

      it('aggregates and projections read the mask, not the value', () => {
        assert.deepEqual(rows(user3, 'select min(e.omeName), max(e.email), max(e.institution) from Experimenter e where e.id = :sam', ALL, new ParametersI().addLong('sam', ids.sam)), [['<hidden>', null, null]]);
        assert.deepEqual(rows(root, 'select min(e.omeName), max(e.email) from Experimenter e where e.id = :sam', ALL, new ParametersI().addLong('sam', ids.sam)), [['secret-sam', 'sam@secret.example']]);
      });

      it('order by a hidden name sorts by the mask: hidden users stay in id order', () => {
        const order = rows(user3, 'select e.id, e.omeName from Experimenter e order by e.omeName, e.id', ALL)
          .filter(([id]) => id === ids.zz || id === ids.aa)
          .map(([id]) => id);
        assert.deepEqual(order, [ids.zz, ids.aa]);
        const rootOrder = rows(root, 'select e.id from Experimenter e where e.id in (:ids) order by e.omeName', ALL, new ParametersI().addIds([ids.zz, ids.aa])).map(([id]) => id);
        assert.deepEqual(rootOrder, [ids.aa, ids.zz]);
      });

      it('findByString / findAllByString cannot find a hidden user by name or email', () => {
        const q = user3.getSession().getQueryService();
        assert.equal(q.findByString('Experimenter', 'omeName', 'secret-sam', ALL), null);
        assert.deepEqual(q.findAllByString('Experimenter', 'email', 'secret', false, null, ALL), []);
        assert.notEqual(root.getSession().getQueryService().findByString('Experimenter', 'omeName', 'secret-sam'), null);
      });

      it("a member of a private group cannot test another member's data (user-2 in private-1)", () => {
        const ctx = inGroup(groups.private1);
        assert.deepEqual(rows(user2, "select p.id from Project p where p.name like 'sam%'", ctx), []);
        assert.deepEqual(rows(user2, 'select count(p.id) from Project p where p.details.owner.id = :sam', ctx, new ParametersI().addLong('sam', ids.sam)), [[0]]);
        assert.deepEqual(rows(sam, "select p.id from Project p where p.name like 'sam%'", ctx), [[ids.samProject]]);
      });
    });

    describe('2017-SV4: guest over-reach', () => {
      it('guest cannot log in, whatever the password, and is refused like anybody else', () => {
        for (const pw of ['', 'guest', ' ', 'x']) {
          assertLoginRefused(refusal(() => new OmeroClient('localhost', fx.transport).createSession('guest', pw)), 'guest', `${JSON.stringify(pw)}: `);
        }
      });

      it('no call without a live session: unknown, malformed and closed keys are refused', () => {
        const closed = fx.login('user-3');
        const key = closed.getSessionId();
        SECRETS.add(key);
        closed.closeSession();
        for (const k of [key, randomBytes(16).toString('hex'), '', "'; select * from session; --", 'x'.repeat(5000)]) {
          const e = refusal(() => new OmeroClient('localhost', fx.transport).joinSession(k));
          assert.ok(e instanceof RemovedSessionException || e instanceof SecurityViolation || e.name === 'ClientError', `${e.name}: ${e.message}`);
        }
      });

      it('the guest group is no context for a non-member, and a non-member group only when world-readable', () => {
        for (const g of [groups.guest, groups.private1, groups.readWrite, 0]) {
          const e = refusal(() => rows(user3, 'select p.id from Project p', inGroup(g)));
          assert.ok(e instanceof SecurityViolation, `${e.name}: ${e.message}`);
        }
        assert.deepEqual(rows(user3, 'select p.id from Project p where p.id = :id', inGroup(groups.readOnly), new ParametersI().addId(ids.u3ReadOnly)), [[ids.u3ReadOnly]]);
      });
    });

    describe('2017-SV2 / 2019-SV2: the object\'s group decides, not the session\'s', () => {
      /** Loads the project as `c` (all groups), renames it and saves it with `ctx`. */
      const rename = (c: OmeroClient, id: number, ctx?: Record<string, string>) => () => {
        const p = c.getSession().getQueryService().get('Project', id, { 'omero.group': '-1' }) as ProjectI;
        p.name = rstring('taken over');
        c.getSession().getUpdateService().saveAndReturnObject(p, ctx);
      };

      it("user-2, whose session group is read-write (or private), cannot edit user-3's project in read-only-1", () => {
        assert.equal(user2.getSessionInfo()?.groupId, groups.readWrite);
        const user2Private = fx.login('user-2');
        SECRETS.add(user2Private.getSessionId());
        assert.equal(user2Private.getSessionInfo()?.groupId, groups.private1);
        for (const client of [user2, user2Private]) {
          for (const ctx of [undefined, inGroup(groups.readWrite), inGroup(groups.private1), inGroup(groups.readOnly), { 'omero.group': '-1' }]) {
            const e = refusal(rename(client, ids.u3ReadOnly, ctx));
            assert.ok(e instanceof SecurityViolation || e.name === 'ApiUsageException', `${JSON.stringify(ctx)}: ${e.name}: ${e.message}`);
          }
        }
        assert.deepEqual(fx.sql('select name from project where id = ?', [ids.u3ReadOnly]), [{ name: 'u3-read-only-project' }], 'the row was changed');
        // Control: the owner can, and user-2 can edit in read-write-1.
        rename(user3, ids.u3ReadOnly, inGroup(groups.readOnly))();
        rename(user2, ids.u2Project)();
        assert.deepEqual(fx.sql('select name from project where id in (?, ?)', [ids.u3ReadOnly, ids.u2Project]), [{ name: 'taken over' }, { name: 'taken over' }]);
      });

      it('graph commands check each object in its own group (Delete2, Chgrp2, Chown2)', () => {
        const target = { Project: [ids.u3ReadOnly] };
        for (const ctx of [undefined, { 'omero.group': '-1' }, inGroup(groups.readOnly)]) {
          for (const req of [new Delete2({ targetObjects: target }), new Chgrp2({ targetObjects: target, groupId: groups.readWrite }), new Chown2({ targetObjects: target, userId: ids.sam })]) {
            const rsp = submitAndWait(user2, req, ctx);
            assert.ok(errMessage(rsp) !== '', `${req.constructor.name} ${JSON.stringify(ctx)} was allowed`);
            MESSAGES.push(errMessage(rsp));
          }
        }
        const user3Id = Number(unwrap(user3.getSession().getAdminService().getEventContext().userId));
        const ownerAndGroup = () => fx.sql('select owner_id, group_id from project where id = ?', [ids.u3ReadOnly]).map((r) => [Number(r.owner_id), Number(r.group_id)]);
        assert.deepEqual(ownerAndGroup(), [[user3Id, groups.readOnly]], 'the project was deleted, moved or given away');
        // Control: the owner may move it (and back), which the same row check sees.
        assert.ok(submitAndWait(user3, new Chgrp2({ targetObjects: target, groupId: groups.readAnnotate }), inGroup(groups.readOnly)) instanceof Chgrp2Response);
        assert.deepEqual(ownerAndGroup(), [[user3Id, groups.readAnnotate]]);
        assert.ok(submitAndWait(user3, new Chgrp2({ targetObjects: target, groupId: groups.readOnly }), inGroup(groups.readAnnotate)) instanceof Chgrp2Response);
        assert.deepEqual(ownerAndGroup(), [[user3Id, groups.readOnly]]);
      });

      it('reads follow the object\'s group too: get() refuses what the context cannot read', () => {
        const q = user2.getSession().getQueryService();
        for (const ctx of [undefined, inGroup(groups.private1), { 'omero.group': '-1' }]) {
          const e = refusal(() => q.get('Project', ids.samProject, ctx));
          assert.ok(e instanceof SecurityViolation, `${JSON.stringify(ctx)}: ${e.name}: ${e.message}`);
          assert.equal(q.find('Project', ids.samProject, ctx), null);
        }
        // user-2 is no member of read-annotate-1: not readable from any of their contexts.
        assert.equal(q.find('Project', ids.u3ReadAnnotate, { 'omero.group': '-1' }), null);
        assert.equal(idOf(sam.getSession().getQueryService().get('Project', ids.samProject)), ids.samProject);
      });
    });

    describe('2019-SV3: user details of unrelated users are masked', () => {
      const masked = (e: ExperimenterI | null | undefined) => ({
        omeName: unwrap(e?.omeName),
        firstName: unwrap(e?.firstName),
        lastName: unwrap(e?.lastName),
        email: unwrap(e?.email) ?? null,
        institution: unwrap(e?.institution) ?? null,
      });
      const HIDDEN = { omeName: '<hidden>', firstName: '<hidden>', lastName: '<hidden>', email: null, institution: null };

      it('IAdmin.getExperimenter and lookupExperimenters mask sam for user-3', () => {
        const admin = user3.getSession().getAdminService();
        assert.deepEqual(masked(admin.getExperimenter(ids.sam)), HIDDEN);
        const listed = admin.lookupExperimenters().find((e) => idOf(e) === ids.sam);
        assert.deepEqual(masked(listed), HIDDEN);
        assert.ok(!JSON.stringify(admin.lookupExperimenters().map(masked)).includes('secret'));
        assert.deepEqual(masked(root.getSession().getAdminService().getExperimenter(ids.sam)).email, 'sam@secret.example');
      });

      it('a hidden user cannot be looked up by name', () => {
        const e = refusal(() => user3.getSession().getAdminService().lookupExperimenter('secret-sam'));
        assert.equal(e.name, 'ApiUsageException', `${e.name}: ${e.message}`);
        assert.equal(idOf(root.getSession().getAdminService().lookupExperimenter('secret-sam')), ids.sam);
      });

      it('containedExperimenters of a group user-3 is not in: masked', () => {
        const members = user3.getSession().getAdminService().containedExperimenters(groups.private1);
        assert.deepEqual(masked(members.find((e) => idOf(e) === ids.sam)), HIDDEN);
      });

      it('IQuery returns masked objects and masked columns', () => {
        const [obj] = user3.getSession().getQueryService().findAllByQuery('select e from Experimenter e where e.id = :id', new ParametersI().addId(ids.sam));
        assert.deepEqual(masked(obj as ExperimenterI), HIDDEN);
        assert.deepEqual(rows(user3, 'select e.omeName, e.email, e.middleName, e.institution from Experimenter e where e.id = :id', {}, new ParametersI().addId(ids.sam)), [['<hidden>', null, null, null]]);
      });

      it('a private group makes no colleagues; a readable one does; admins and owners see everyone', () => {
        // user-2 shares only private-1 with sam: masked.
        assert.deepEqual(masked(user2.getSession().getAdminService().getExperimenter(ids.sam)), HIDDEN);
        // user-2 and user-3 share read-only-1: visible to each other.
        const u2 = user3.getSession().getAdminService().lookupExperimenter('user-2');
        assert.equal(unwrap(u2.omeName), 'user-2');
        // A group owner sees every user.
        root.getSession().getAdminService().setGroupOwner(root.getSession().getAdminService().lookupGroup('read-annotate-1'), root.getSession().getAdminService().lookupExperimenter('user-3'));
        const owner = fx.login('user-3');
        SECRETS.add(owner.getSessionId());
        assert.equal(unwrap(owner.getSession().getAdminService().getExperimenter(ids.sam).email), 'sam@secret.example');
        root.getSession().getAdminService().unsetGroupOwner(root.getSession().getAdminService().lookupGroup('read-annotate-1'), root.getSession().getAdminService().lookupExperimenter('user-3'));
      });
    });

    describe('2014-SV2 / 2012-SV1: no empty passwords', () => {
      it('creating a user with an empty password is refused, and creates nobody', () => {
        const admin = root.getSession().getAdminService();
        const e = refusal(() => admin.createExperimenterWithPassword(person('empty-pw'), rstring(''), groups.readOnly, [1]));
        assert.ok(e instanceof SecurityViolation || e.name === 'ApiUsageException', `${e.name}: ${e.message}`);
        assert.equal(refusal(() => admin.lookupExperimenter('empty-pw')).name, 'ApiUsageException');
      });

      it('a user created without a password cannot log in, with any password', () => {
        const admin = root.getSession().getAdminService();
        admin.createExperimenter(person('no-pw'), groups.readOnly, [admin.lookupGroup('user')]);
        for (const pw of ['', ' ', 'no-pw', 'null', 'undefined']) {
          assertLoginRefused(refusal(() => new OmeroClient('localhost', fx.transport).createSession('no-pw', pw)), 'no-pw', `${JSON.stringify(pw)}: `);
        }
      });

      it('empty passwords are refused when changing one', () => {
        const e1 = refusal(() => root.getSession().getAdminService().changeUserPassword('user-3', rstring('')));
        assert.ok(e1 instanceof SecurityViolation || e1.name === 'ApiUsageException', e1.message);
        const e2 = refusal(() => user3.getSession().getAdminService().changePassword(rstring('')));
        assert.ok(e2 instanceof SecurityViolation || e2.name === 'ApiUsageException', e2.message);
        // user-3's password still works.
        loginPatiently(fx, 'user-3').closeSession();
      });

      it('an empty or blank password never logs anybody in', () => {
        for (const user of ['root', 'user-3', 'secret-sam']) {
          for (const pw of ['', ' ', '\t']) {
            assertLoginRefused(refusal(() => new OmeroClient('localhost', fx.transport).createSession(user, pw)), user, `${JSON.stringify(pw)}: `);
          }
        }
      });
    });

    describe('2018-SV3: a restricted admin cannot take over a more privileged one', () => {
      let ra: OmeroClient;
      before(() => {
        const admin = root.getSession().getAdminService();
        ids.ra = admin.createExperimenterWithPassword(person('ra-modify-user'), rstring(RA_PASSWORD), 0, [1]);
        const e = admin.getExperimenter(ids.ra);
        e.config = ADMIN_PRIVILEGES.filter((p) => p !== 'ModifyUser').map((p) => new NamedValue(`AdminPrivilege:${p}`, 'false'));
        root.getSession().getUpdateService().saveAndReturnObject(e);
        ra = fx.login('ra-modify-user', RA_PASSWORD);
        SECRETS.add(ra.getSessionId());
      });

      it("ModifyUser alone cannot change root's password", () => {
        const e = refusal(() => ra.getSession().getAdminService().changeUserPassword('root', rstring(`taken-${RA_PASSWORD}`)));
        assert.ok(e instanceof SecurityViolation, `${e.name}: ${e.message}`);
        loginPatiently(fx, 'root').closeSession();
        // Control: a plain user's password can be changed.
        ra.getSession().getAdminService().changeUserPassword('no-pw', rstring(`set-${RA_PASSWORD}`));
        SECRETS.add(`set-${RA_PASSWORD}`);
        SECRETS.add(`taken-${RA_PASSWORD}`);
        fx.login('no-pw', `set-${RA_PASSWORD}`).closeSession();
      });
    });

    describe('CVE-2025-54791 class: no user enumeration', () => {
      it('unknown user and wrong password read the same', () => {
        // A known name that no earlier test has failed a login for, so neither is throttled.
        root.getSession().getAdminService().createExperimenterWithPassword(person('enum-known'), rstring(TIMING_PASSWORD), groups.readOnly, [1]);
        const unknown = refusal(() => new OmeroClient('localhost', fx.transport).createSession('nobody-here', 'x'));
        const wrong = refusal(() => new OmeroClient('localhost', fx.transport).createSession('enum-known', 'x'));
        assert.equal(unknown.constructor, wrong.constructor);
        assert.ok(wrong instanceof PermissionDeniedException, `${wrong.name}: ${wrong.message}`);
        assert.equal(unknown.message.replace('nobody-here', 'NAME'), wrong.message.replace('enum-known', 'NAME'));
      });

      it('the throttle reads the same for a known and an unknown user', () => {
        // Six quick failures each: the first ones are refused, later ones throttled (how many
        // depends on the machine's speed), with the same two messages for both names.
        for (const user of ['enum-known', `nobody-${randomBytes(3).toString('hex')}`]) {
          const seen = Array.from({ length: 6 }, () => refusal(() => new OmeroClient('localhost', fx.transport).createSession(user, 'wrong')));
          seen.forEach((e) => assertLoginRefused(e, user));
          assert.ok(seen[0] instanceof PermissionDeniedException);
        }
      });
    });

    describe('2018-SV1: no secret in any message', () => {
      it('wrong passwords, bad keys and refused calls name neither the password nor the key (checked in the final sweep)', () => {
        refusal(() => new OmeroClient('localhost', fx.transport).createSession('user-3', SAM_PASSWORD));
        refusal(() => new OmeroClient('localhost', fx.transport).createSession('secret-sam', `${SAM_PASSWORD}x`));
        refusal(() => new OmeroClient('localhost', fx.transport).joinSession(`${sam.getSessionId()}0`));
        refusal(() => root.getSession().getAdminService().createExperimenterWithPassword(person('too-long'), rstring(`${SAM_PASSWORD}${'y'.repeat(2000)}`), groups.readOnly, [1]));
        refusal(() => user3.getSession().getAdminService().changePasswordWithOldPassword(rstring(SAM_PASSWORD), rstring(HIDDEN_PASSWORD)));
        refusal(() => user3.getSession().getQueryService().findAllByQuery(`select p from Project p where p.name = '${SAM_PASSWORD}' and`, null));
      });

    });
  });
}

describe('security advisories through the omero binary', () => {
  let cli: CliEnvironment;
  const run = async (args: string[], input?: string): Promise<CliResult> => {
    const r = await cli.run(args, input === undefined ? {} : { input });
    MESSAGES.push(r.stdout, r.stderr);
    CLI_MESSAGES.count += 2;
    return r;
  };

  before(async () => {
    cli = await openCliEnvironment('pglite');
    const demo = await cli.run(['demo', '--no-shell'], { env: { OMERO_ROOT_PASSWORD: ROOT_PASSWORD, OMERO_SESSIONDIR: `${cli.userDir}/sessions` } });
    assert.equal(demo.status, 0, demo.stderr);
  });
  after(async () => {
    await cli?.close();
  });

  it('a wrong password is not echoed, and reads as an unknown user does (2018-SV1, enumeration)', async () => {
    const secret = `wrong-${randomBytes(8).toString('hex')}`;
    const wrong = await run(['login', '-C', '-s', 'localhost', '-u', 'user-3', '-w', secret]);
    const unknown = await run(['login', '-C', '-s', 'localhost', '-u', 'nobody-at-all', '-w', secret]);
    for (const r of [wrong, unknown]) assert.ok(!`${r.stdout}${r.stderr}`.includes(secret), r.stderr);
    assert.equal(wrong.status, unknown.status);
    assert.equal(wrong.stderr.replace('user-3', 'NAME'), unknown.stderr.replace('nobody-at-all', 'NAME'));
  });

  it('a bad session key is not echoed (2018-SV1)', async () => {
    const key = `${randomBytes(4).toString('hex')}-dead-4bee-8f00-${randomBytes(6).toString('hex')}`;
    const r = await run(['login', '-s', 'localhost', '-k', key]);
    assert.notEqual(r.status, 0);
    assert.ok(!`${r.stdout}${r.stderr}`.includes(key), r.stderr);
  });

  it('guest cannot log in from the command line (2017-SV4)', async () => {
    const r = await run(['login', '-C', '--password-stdin', '-s', 'localhost', '-u', 'guest'], 'guest\n');
    assert.notEqual(r.status, 0, r.stderr);
  });

  it('`omero user add` refuses an empty password; --no-password makes an account that cannot log in (2014-SV2)', async () => {
    const asRoot = ['-s', 'localhost', '-u', 'root', '-w', ROOT_PASSWORD];
    const empty = await run(['user', 'add', '-P', '', ...asRoot, 'empty-pw', 'Empty', 'Password', 'read-only-1']);
    assert.notEqual(empty.status, 0, empty.stdout);
    const info = await run(['user', 'info', '--user-name', 'empty-pw', ...asRoot]);
    assert.notEqual(info.status, 0, `a user with an empty password was created: ${info.stdout}`);
    // --no-password: refused by this server, or an account that cannot log in.
    await run(['user', 'add', '--no-password', ...asRoot, 'no-pw', 'No', 'Password', 'read-only-1']);
    const login = await run(['login', '-C', '--password-stdin', '-s', 'localhost', '-u', 'no-pw'], 'no-pw\n');
    assert.notEqual(login.status, 0, login.stderr);
    const sam = await run(['user', 'add', '-e', 'sam@secret.example', '-i', 'Secret Lab', '--userpassword-stdin', ...asRoot, 'secret-sam', 'Sam', 'Secret', 'private-1'], `${SAM_PASSWORD}\n`);
    assert.equal(sam.status, 0, sam.stderr);
    assert.ok(!`${sam.stdout}${sam.stderr}`.includes(SAM_PASSWORD));
  });

  it('a logged-in user-3 sees hidden users masked in `omero user list` (2019-SV3)', async () => {
    const login = await run(['login', '-C', '-s', 'localhost', '-u', 'user-3', '-w', 'user-3-password']);
    assert.equal(login.status, 0, login.stderr);
    const list = await run(['user', 'list', '--style', 'csv']);
    assert.equal(list.status, 0, list.stderr);
    assert.match(list.stdout, /<hidden>/);
    assert.match(list.stdout, /user-2/);
    assert.ok(!/secret-sam|sam@secret|Secret Lab/.test(list.stdout), list.stdout);
    const info = await run(['user', 'info', '--user-name', 'secret-sam']);
    assert.ok(!/sam@secret|Secret Lab/.test(info.stdout), info.stdout);
  });
});

/** The messages that hold a secret (a query echoes its own text, OMERO's "Illegal query:<hql>"). */
function leaks(messages: readonly string[]): string[] {
  return messages.filter((m) => [...SECRETS].some((s) => m.includes(s) && !(m.startsWith('QueryException') && s === SAM_PASSWORD)));
}

// Last, after every suite of this file (the command line's too) has added its messages.
describe('2018-SV1: no message of this file holds a password or a session key', () => {
  it('the sweep over every error message and CLI output, with a planted leak as control', () => {
    assert.ok(MESSAGES.length > 40, `only ${MESSAGES.length} messages collected`);
    assert.ok(CLI_MESSAGES.count > 0, 'no CLI output reached the sweep');
    assert.deepEqual(leaks(MESSAGES).map((m) => m.slice(0, 300)), []);
    // Planted-leak control: one message holding a session key and one holding a password are found.
    const key = [...SECRETS].find((s) => /^[0-9a-f-]{36}$/.test(s))!;
    assert.equal(leaks([...MESSAGES, `SecurityViolation: session ${key}`, `omero: bad password ${SAM_PASSWORD}`]).length, 2);
  });
});
