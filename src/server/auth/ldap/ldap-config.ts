/**
 * OMERO's `omero.ldap.*` settings (reference field-notes §3.1). Each key is read from the
 * environment variable named after it: `omero.ldap.user_filter` → `OMERO_LDAP_USER_FILTER`
 * (upper case, dots to underscores). The server reads them once when it opens; as in OMERO, a
 * change needs a restart (here: a new `omero` process or shell).
 */
export interface LdapConfig {
  /** `omero.ldap.config`: the master switch. Default false: no LDAP, passwords are OMERO's. */
  readonly enabled: boolean;
  /** `omero.ldap.urls`: server URLs, tried in order. Default `ldap://localhost:389`. */
  readonly urls: readonly string[];
  /** `omero.ldap.base`: the search base; nothing outside it is found. Default `ou=example,o=com`. */
  readonly base: string;
  /** `omero.ldap.username`: the DN to bind as for searches; empty = anonymous search. */
  readonly username: string;
  /** `omero.ldap.password`: that DN's password. Never printed. */
  readonly password: string;
  /** `omero.ldap.user_filter`, AND-ed with `(<omeName attr>=<login>)`. Default `(objectClass=person)`. */
  readonly userFilter: string;
  /**
   * `omero.ldap.user_mapping`: OMERO field → LDAP attribute. Default
   * `omeName=cn,firstName=givenName,lastName=sn,email=mail,institution=department,middleName=middleName`.
   */
  readonly userMapping: Readonly<Record<UserField, string>>;
  /** `omero.ldap.group_filter`, AND-ed with `(<name attr>=<group>)`. Default `(objectClass=groupOfNames)`. */
  readonly groupFilter: string;
  /** `omero.ldap.group_mapping`: `name=<attr>`. Default `name=cn`. */
  readonly groupNameAttribute: string;
  /** `omero.ldap.new_user_group`: where new users go (§3.3). Default `default`. */
  readonly newUserGroup: string;
  /** `omero.ldap.new_user_group_owner`: filter AND-ed to a `:query:` to find owned groups. Default empty. */
  readonly newUserGroupOwner: string;
  /** `omero.ldap.sync_on_login`: refresh groups and names from LDAP at each login (§3.4). Default false. */
  readonly syncOnLogin: boolean;
  /** `omero.ldap.connect_timeout` in ms; ≤0 waits forever. Default 5000. */
  readonly connectTimeoutMs: number;
  /** `omero.ldap.read_timeout` in ms; ≤0 waits forever. Default 5000. */
  readonly readTimeoutMs: number;
}

/** The OMERO fields an LDAP entry fills. */
export const USER_FIELDS = ['omeName', 'firstName', 'lastName', 'email', 'institution', 'middleName'] as const;
export type UserField = (typeof USER_FIELDS)[number];

const DEFAULT_USER_MAPPING = 'omeName=cn,firstName=givenName,lastName=sn,email=mail,institution=department,middleName=middleName';

/** The environment variable of an `omero.ldap.*` key. */
export function ldapEnvName(key: string): string {
  return key.toUpperCase().replace(/\./g, '_');
}

/** Reads the LDAP settings from an environment (defaults to `process.env`), with OMERO's defaults. */
export function ldapConfigFromEnv(env: NodeJS.ProcessEnv = process.env): LdapConfig {
  const get = (key: string, fallback: string): string => env[ldapEnvName(`omero.ldap.${key}`)] ?? fallback;
  return {
    enabled: isTrue(get('config', 'false')),
    urls: get('urls', 'ldap://localhost:389').split(/[\s,]+/).filter(Boolean),
    base: get('base', 'ou=example,o=com'),
    username: get('username', ''),
    password: get('password', ''),
    userFilter: get('user_filter', '(objectClass=person)'),
    userMapping: parseUserMapping(get('user_mapping', DEFAULT_USER_MAPPING)),
    groupFilter: get('group_filter', '(objectClass=groupOfNames)'),
    groupNameAttribute: parseMapping(get('group_mapping', 'name=cn')).name ?? 'cn',
    newUserGroup: get('new_user_group', 'default'),
    newUserGroupOwner: get('new_user_group_owner', ''),
    syncOnLogin: isTrue(get('sync_on_login', 'false')),
    connectTimeoutMs: Number(get('connect_timeout', '5000')) || 0,
    readTimeoutMs: Number(get('read_timeout', '5000')) || 0,
  };
}

/** The user mapping over OMERO's defaults: keys given replace the default attribute. */
function parseUserMapping(text: string): Record<UserField, string> {
  const given = parseMapping(text);
  const defaults = parseMapping(DEFAULT_USER_MAPPING);
  return Object.fromEntries(USER_FIELDS.map((f) => [f, given[f] ?? defaults[f]!])) as Record<UserField, string>;
}

/** `a=b,c=d` with OMERO's separators (`[\n\s;:,]+`). */
function parseMapping(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of text.split(/[\n\s;:,]+/).filter(Boolean)) {
    const at = pair.indexOf('=');
    if (at > 0) out[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return out;
}

function isTrue(value: string): boolean {
  return ['true', 'yes', '1', 'on'].includes(value.trim().toLowerCase());
}
