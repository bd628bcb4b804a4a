import type { Knex } from 'knex';
import type { SessionInfo } from '../../contract/index.js';
import {
  ApiUsageException,
  PermissionDeniedException,
  SecurityViolation,
} from '../../model/index.js';
import type { LdapDirectory, LdapUser } from '../auth/ldap/index.js';
import { dummyHash, verifyPassword } from '../auth/password-hash.js';
import { LOCAL_ADDRESS, loginThrottle } from '../auth/login-throttle.js';
import { loadMembership } from '../call/membership.js';
import {
  DEFAULT_TIME_TO_IDLE_MS,
  DEFAULT_TIME_TO_LIVE_MS,
  checkSessionKey,
  hashSessionKey,
  liveSession,
  newSessionKey,
  sessionColumns,
  type SessionRow,
  type StoredSessionRow,
} from '../call/session-row.js';
import { sudoRefusal, SystemIds } from '../security/index.js';
import { recordEvent, recordRefusal } from './audit/audit-log.js';
import { refusalException } from './refusal-exception.js';
import { createLdapAccount, synchroniseLdapAccount } from './ldap/index.js';

/** What a client learns when it creates or joins a session. */
export type { SessionInfo };

/** The session's columns in the join's statement, named once (as call-facts.ts names its own). */
const JOIN_SESSION_COLUMNS = sessionColumns('s');

/** Options of a password login. */
export interface LoginOptions {
  /** Login group *name* (reference api §2.3); absent or "user" = the default group. */
  readonly group?: string;
  readonly agent?: string;
  readonly timeToIdleMs?: number;
  /**
   * Where the login comes from, as the transport saw it (`local` in process): failures are
   * throttled per login and address. Set by the server, never taken from the client.
   */
  readonly address?: string;
  /**
   * `--sudo ADMINUSER` (reference permissions §5.4): the password is this user's, and the session
   * is opened for `username` on their behalf, if the sudo rules allow it.
   */
  readonly sudo?: string;
}

/** An `experimenter` row as the login reads it. */
interface LoginUser {
  readonly id: number;
  readonly omename: string;
  readonly ldap: boolean;
}

/** Creates sessions by password and finds live sessions by key. */
export class SessionService {
  readonly #knex: Knex;
  readonly #ldap: LdapDirectory | null;

  /** `ldap` is the LDAP directory, or null while LDAP is switched off (`omero.ldap.config`). */
  constructor(knex: Knex, ldap: LdapDirectory | null = null) {
    this.#knex = knex;
    this.#ldap = ldap;
  }

  /**
   * Password login (reference permissions §5.3). The refusal reads the same whether the user is
   * unknown, the password wrong or the LDAP bind refused, and takes at least one password hash's
   * time (advisory CVE-2025-54791 class).
   */
  async createSession(username: string, password: string, options: LoginOptions = {}): Promise<SessionInfo> {
    if (!username) throw new ApiUsageException('No username specified');
    const sudo = options.sudo ? String(options.sudo) : null;
    // With --sudo the password is the sudoer's: that is the login whose password is checked.
    const checked = sudo ?? username;
    const throttleKey = { name: checked, address: options.address ?? LOCAL_ADDRESS };
    const denied = () => new PermissionDeniedException(`Password check failed for '${checked}'`);
    let refusedSudo: { sudoerId: number; message: string } | null = null;
    return this.#knex.transaction(async (trx) => {
      await loginThrottle.check(trx, throttleKey);
      const user = (await trx('experimenter').select('id', 'omename', 'ldap').where({ omename: checked }).first()) as LoginUser | undefined;
      const uid = await this.#authenticate(trx, user, checked, password);
      if (uid === null) throw denied();
      await loginThrottle.succeed(trx, throttleKey);
      if (sudo === null) return this.#open(trx, uid, username, options, true);
      try {
        return await this.#openSudo(trx, uid, username, options);
      } catch (e) {
        if (e instanceof SecurityViolation || e instanceof ApiUsageException) refusedSudo = { sudoerId: uid, message: e.message };
        throw e;
      }
    }).catch(async (e) => {
      // The failure counter and the audit entry must survive the refusal, so they are written
      // outside the rolled-back transaction.
      if (e instanceof PermissionDeniedException) await loginThrottle.fail(this.#knex, throttleKey);
      if (refusedSudo) {
        const actor = { actorId: refusedSudo.sudoerId, sudoerId: null, sessionId: null, address: throttleKey.address };
        await recordRefusal(this.#knex, actor, { action: 'sudo', targetType: 'Experimenter', targetName: username }, refusedSudo.message);
      }
      throw e;
    });
  }

  /**
   * The session of a `--sudo` login (reference permissions §5.4): the sudoer has proved who they
   * are; the rules (`sudoRefusal`) decide whether they may act as `username` in the login group.
   * The new session records the sudoer, is not password-authenticated (no `changePassword` in
   * it), and its agent is `OMERO.sudo`; the audit log records it.
   */
  async #openSudo(trx: Knex.Transaction, sudoerId: number, username: string, options: LoginOptions): Promise<SessionInfo> {
    const sudoer = await loadMembership(trx, sudoerId);
    if (!sudoer.memberOf.includes(SystemIds.USER_GROUP)) throw new SecurityViolation('The sudoer account is deactivated');
    const target = await trx('experimenter').select('id').where({ omename: username }).first();
    if (!target) throw new ApiUsageException(`No such experimenter: ${username}`);
    const targetId = Number(target.id);
    const membership = await loadMembership(trx, targetId);
    const group = await this.#loginGroup(trx, targetId, membership.memberOf, true, options.group);
    const caller = { userId: sudoerId, ...sudoer, privileges: new Set(sudoer.privileges), contextGroupId: group.id };
    const refusal = sudoRefusal(caller, { userId: targetId, ...membership }, group.id);
    if (refusal) throw refusalException(refusal);
    const info = await this.#open(trx, targetId, username, { ...options, agent: 'OMERO.sudo' }, false, sudoerId);
    const actor = { actorId: sudoerId, sudoerId: null, sessionId: null, address: options.address ?? LOCAL_ADDRESS };
    await recordEvent(trx, actor, { action: 'sudo', targetType: 'Experimenter', targetId, targetName: username, after: { group: group.name } });
    return info;
  }

  /**
   * OMERO's provider chain (reference field-notes §3.2, §3.5): with LDAP on, LDAP decides for
   * `ldap=true` users and for logins OMERO does not know (a first successful login creates the
   * account); everyone else, and everyone while LDAP is off, is checked against OMERO's password.
   * Returns the user's id, or null when refused.
   */
  async #authenticate(trx: Knex.Transaction, user: LoginUser | undefined, username: string, password: string): Promise<number | null> {
    if (this.#ldap && (!user || user.ldap)) {
      const uid = await this.#ldapLogin(trx, this.#ldap, user, username, password);
      // A refusal spends a hash's time, as a refused OMERO password does.
      if (uid === null) await verifyPassword(password || 'x', await dummyHash());
      return uid;
    }
    const stored = user ? (await trx('password').select('hash').where({ experimenter_id: user.id }).first())?.hash : null;
    const ok = stored && password ? await verifyPassword(password, stored) : (await verifyPassword(password || 'x', await dummyHash()), false);
    return user && ok ? Number(user.id) : null;
  }

  /** The LDAP provider: the login must resolve to one entry through `user_filter`, then bind as it. */
  async #ldapLogin(trx: Knex.Transaction, ldap: LdapDirectory, user: LoginUser | undefined, username: string, password: string): Promise<number | null> {
    if (!password || password.trim() === '') return null;
    let found: LdapUser;
    try {
      found = await ldap.findUser(username);
    } catch (e) {
      if (e instanceof ApiUsageException) return null;
      throw e;
    }
    if (!(await ldap.checkPassword(found.dn, password))) return null;
    if (!user) return createLdapAccount(trx, ldap, username, found);
    if (ldap.config.syncOnLogin) await synchroniseLdapAccount(trx, ldap, Number(user.id), found);
    return Number(user.id);
  }

  /**
   * Opens a session for an already authenticated user (sudo, tests, bootstrap tools). Not reachable
   * from the transport.
   */
  async openTrusted(userId: number, options: LoginOptions = {}): Promise<SessionInfo> {
    return this.#knex.transaction(async (trx) => {
      const user = await trx('experimenter').select('omename').where({ id: userId }).first();
      if (!user) throw new ApiUsageException(`No such experimenter: ${userId}`);
      return this.#open(trx, userId, user.omename, options, false);
    });
  }

  async #open(trx: Knex.Transaction, userId: number, userName: string, options: LoginOptions, passwordAuth: boolean, sudoerId: number | null = null): Promise<SessionInfo> {
    const membership = await loadMembership(trx, userId);
    if (!membership.memberOf.includes(SystemIds.USER_GROUP) && userId !== SystemIds.GUEST_USER) {
      throw new SecurityViolation(`User ${userName} is deactivated: not a member of group "user"`);
    }
    const group = await this.#loginGroup(trx, userId, membership.memberOf, membership.isAdmin, options.group);
    const key = newSessionKey();
    const timeToIdle = clampIdle(options.timeToIdleMs);
    // Stamped now, with the clock the idle check uses: the transaction's now() is from before
    // the (deliberately slow) password check.
    const now = new Date();
    await trx('session').insert({
      started: now,
      last_access: now,
      uuid_hash: hashSessionKey(key),
      owner: userId,
      sudoer: sudoerId,
      group_id: group.id,
      time_to_idle: timeToIdle,
      time_to_live: DEFAULT_TIME_TO_LIVE_MS,
      user_agent: options.agent ?? 'omero-shell',
      password_auth: passwordAuth,
    });
    return { key, userId, userName, groupId: group.id, groupName: group.name, timeToIdleMs: timeToIdle, timeToLiveMs: DEFAULT_TIME_TO_LIVE_MS };
  }

  async #loginGroup(trx: Knex.Transaction, userId: number, memberOf: readonly number[], isAdmin: boolean, name?: string) {
    if (name && name !== 'user') {
      const g = await trx('experimentergroup').select('id', 'name').where({ name }).first();
      if (!g) throw new ApiUsageException(`No such group: ${name}`);
      if (!isAdmin && !memberOf.includes(Number(g.id))) {
        throw new SecurityViolation(`User ${userId} is not a member of group ${g.id} and cannot login`);
      }
      return { id: Number(g.id), name: g.name as string };
    }
    const def = memberOf.find((g) => g !== SystemIds.USER_GROUP);
    if (def === undefined) throw new ApiUsageException("Can't find default group");
    const g = await trx('experimentergroup').select('id', 'name').where({ id: def }).first();
    return { id: Number(g.id), name: g.name as string };
  }

  /** Joins a live session by key (`joinSession`, `-k KEY`). */
  async joinSession(key: string): Promise<SessionInfo> {
    // One statement reads the session with its user's and group's names (every command of the
    // CLI starts with a join: a transaction of four statements was most of its time on the
    // server); a live session is then touched as any call touches it, a dead one closed.
    checkSessionKey(key);
    // Prepared once per connection (by name): planning this join on every command was half of
    // its time in PostgreSQL.
    const found = (await this.#knex('session as s')
      .join('experimenter as e', 'e.id', 's.owner')
      .join('experimentergroup as g', 'g.id', 's.group_id')
      .select(...JOIN_SESSION_COLUMNS, 'e.omename as owner_name', 'g.name as group_name')
      .where('s.uuid_hash', hashSessionKey(key))
      .first()
      .options({ name: 'omero_join_session' })) as (StoredSessionRow & { owner_name: string; group_name: string }) | undefined;
    const row = await liveSession(this.#knex, found);
    return {
      key,
      userId: row.owner,
      userName: found!.owner_name,
      groupId: row.group_id,
      groupName: found!.group_name,
      timeToIdleMs: row.time_to_idle,
      timeToLiveMs: row.time_to_live,
    };
  }

  /** Closes a session; closing a dead or unknown session is not an error. Returns whether it was open. */
  async closeSession(key: string): Promise<boolean> {
    const n = await this.#knex('session').where({ uuid_hash: hashSessionKey(key) }).whereNull('closed').update({ closed: new Date() });
    return n > 0;
  }
}

/**
 * The live session row for a key, touching `last_access`. Dead sessions are closed and refused
 * with OMERO's session exceptions; the key never appears in a message.
 */
export async function findLiveSession(trx: Knex.Transaction | Knex, key: string): Promise<SessionRow> {
  checkSessionKey(key);
  const row = (await trx('session').where({ uuid_hash: hashSessionKey(key) }).first()) as StoredSessionRow | undefined;
  return liveSession(trx, row);
}

function clampIdle(ms: number | undefined): number {
  if (ms === undefined || !Number.isFinite(ms) || ms <= 0) return DEFAULT_TIME_TO_IDLE_MS;
  return Math.min(Math.floor(ms), 24 * 3600_000);
}
