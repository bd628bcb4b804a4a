import { Client, InvalidCredentialsError, type Entry } from 'ldapts';
import { ApiUsageException, InternalException } from '../../../model/index.js';
import { allOf, narrowedFilter } from './ldap-filter.js';
import { USER_FIELDS, type LdapConfig, type UserField } from './ldap-config.js';

/** A user entry found through `user_filter`, with the OMERO fields its mapping gives. */
export interface LdapUser {
  readonly dn: string;
  /** Mapped fields (`user_mapping`); absent attributes are null. */
  readonly fields: Readonly<Record<UserField, string | null>>;
  /** Every attribute of the entry, lower-cased names, all values as strings (for `new_user_group`). */
  readonly attributes: ReadonlyMap<string, readonly string[]>;
}

/** A group entry found through `group_filter`. */
export interface LdapGroup {
  readonly dn: string;
  readonly name: string;
}

/**
 * The LDAP server as OMERO's `LdapImpl` uses it (reference field-notes §3): searches under
 * `base` bound as `username` (or anonymously), and password checks by binding as the user's DN.
 * Every operation opens its own connection and always unbinds (ldapts keeps a socket open after
 * a failed bind otherwise — node-ecosystem §6).
 */
export class LdapDirectory {
  readonly config: LdapConfig;

  constructor(config: LdapConfig) {
    this.config = config;
  }

  /**
   * The one entry `(&user_filter (omeNameAttr=name))` finds, whose mapped omeName equals `name`;
   * otherwise OMERO's ApiUsageException `Cannot find unique user DistinguishedName: found=N`.
   */
  async findUser(name: string): Promise<LdapUser> {
    const attr = this.config.userMapping.omeName;
    const entries = await this.search(narrowedFilter(this.config.userFilter, attr, name));
    if (entries.length !== 1) throw new ApiUsageException(`Cannot find unique user DistinguishedName: found=${entries.length}`);
    const user = toUser(entries[0]!, this.config);
    // The server may match case-insensitively or on another value of a multi-valued attribute.
    if (user.fields.omeName !== name) {
      throw new ApiUsageException(`omeName(${user.fields.omeName}) != username(${name}). ignoreCase=false`);
    }
    return user;
  }

  /** The one group `(&group_filter (nameAttr=name))` finds, else `Cannot find unique group DistinguishedName: found=N`. */
  async findGroup(name: string): Promise<LdapGroup> {
    const attr = this.config.groupNameAttribute;
    const entries = await this.search(narrowedFilter(this.config.groupFilter, attr, name), [attr]);
    if (entries.length !== 1) throw new ApiUsageException(`Cannot find unique group DistinguishedName: found=${entries.length}`);
    const group = { dn: entries[0]!.dn, name: firstValue(entries[0]!, attr) ?? '' };
    if (group.name !== name) throw new ApiUsageException(`name(${group.name}) != groupname(${name})`);
    return group;
  }

  /** Names of the groups `(&group_filter extra)` finds (`:query:` and the `filtered_*` modes). */
  async groupNames(extra = ''): Promise<string[]> {
    const attr = this.config.groupNameAttribute;
    const entries = await this.search(allOf(this.config.groupFilter, extra), [attr]);
    return entries.map((e) => firstValue(e, attr)).filter((n): n is string => n !== null && n !== '');
  }

  /**
   * Whether `password` is the password of `dn`, by binding as it. An empty password is refused
   * before asking: a simple bind without one is an anonymous bind that succeeds (advisory 2012-SV1).
   */
  async checkPassword(dn: string, password: string): Promise<boolean> {
    if (!dn || !password || password.trim() === '') return false;
    return this.#withClient(async (client) => {
      try {
        await client.bind(dn, password);
        return true;
      } catch (e) {
        if (e instanceof InvalidCredentialsError) return false;
        throw e;
      }
    });
  }

  /** A subtree search under `base`, bound as the configured search user. */
  async search(filter: string, attributes?: readonly string[]): Promise<Entry[]> {
    return this.#withClient(async (client) => {
      if (this.config.username) await client.bind(this.config.username, this.config.password);
      const { searchEntries } = await client.search(this.config.base, { scope: 'sub', filter, ...(attributes ? { attributes: [...attributes] } : {}) });
      return searchEntries;
    });
  }

  /** Runs `body` on a connection to the first URL that answers; unbinds in every case. */
  async #withClient<T>(body: (client: Client) => Promise<T>): Promise<T> {
    let lastError: unknown = new Error('no URL configured (omero.ldap.urls)');
    for (const url of this.config.urls) {
      const client = new Client({
        url,
        ...(this.config.connectTimeoutMs > 0 ? { connectTimeout: this.config.connectTimeoutMs } : {}),
        ...(this.config.readTimeoutMs > 0 ? { timeout: this.config.readTimeoutMs } : {}),
      });
      try {
        return await body(client);
      } catch (e) {
        if (!isConnectionError(e)) throw e instanceof ApiUsageException ? e : new InternalException(`LDAP error: ${(e as Error).message}`);
        lastError = e;
      } finally {
        await client.unbind().catch(() => undefined);
      }
    }
    throw new InternalException(`The LDAP server did not answer (${(lastError as Error).message})`);
  }
}

/** Whether the server could not be reached (then the next URL is tried), not an LDAP answer. */
function isConnectionError(e: unknown): boolean {
  const code = (e as { code?: unknown })?.code;
  if (typeof code === 'string' && CONNECTION_CODES.has(code)) return true;
  return /timeout|connection closed|socket/i.test((e as Error)?.message ?? '');
}

const CONNECTION_CODES: ReadonlySet<string> = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

function values(entry: Entry, attribute: string): string[] {
  const key = Object.keys(entry).find((k) => k.toLowerCase() === attribute.toLowerCase());
  if (key === undefined || key === 'dn') return [];
  const v = entry[key]!;
  return (Array.isArray(v) ? v : [v]).map((x) => (Buffer.isBuffer(x) ? x.toString('utf8') : String(x)));
}

function firstValue(entry: Entry, attribute: string): string | null {
  return values(entry, attribute)[0] ?? null;
}

function toUser(entry: Entry, config: LdapConfig): LdapUser {
  const fields = Object.fromEntries(USER_FIELDS.map((f) => [f, firstValue(entry, config.userMapping[f])])) as Record<UserField, string | null>;
  const attributes = new Map<string, string[]>();
  for (const key of Object.keys(entry)) if (key !== 'dn') attributes.set(key.toLowerCase(), values(entry, key));
  return { dn: entry.dn, fields, attributes };
}
