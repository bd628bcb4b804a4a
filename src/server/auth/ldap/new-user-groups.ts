import { ValidationException } from '../../../model/index.js';
import { parseDn } from './distinguished-name.js';
import type { LdapDirectory, LdapUser } from './ldap-directory.js';
import { allOf, substitutePlaceholders } from './ldap-filter.js';

/** The OMERO groups an LDAP user belongs in, by name: all of them, and those the user owns. */
export interface UserGroupNames {
  /** In order; the first becomes the default group. */
  readonly member: readonly string[];
  /** Groups to own (`:query:` with `new_user_group_owner` only). */
  readonly owner: readonly string[];
}

/**
 * The names OMERO's system groups keep. LDAP must never place a user in them: a directory group
 * or attribute value named `system` would otherwise make the user an administrator (field-notes
 * §2, "LDAP group-name collision"). Such names are dropped.
 */
export const RESERVED_GROUP_NAMES: ReadonlySet<string> = new Set(['system', 'user', 'guest']);

const SPEC = /^:(ou|attribute|filtered_attribute|dn_attribute|filtered_dn_attribute|query|bean):(.*)$/s;

/**
 * Resolves `omero.ldap.new_user_group` for one user (reference field-notes §3.3): a plain name,
 * `:ou:`, `:attribute:A`, `:filtered_attribute:A`, `:dn_attribute:A`, `:filtered_dn_attribute:A`
 * or `:query:FILTER` (whose `@{attr}` values are escaped). `:bean:` needs OMERO's Spring beans and
 * is refused like any unknown spec: `<spec> spec currently not supported.`
 */
export async function newUserGroups(directory: LdapDirectory, user: LdapUser): Promise<UserGroupNames> {
  const spec = directory.config.newUserGroup;
  if (!spec.startsWith(':')) return clean([spec], []);
  const m = SPEC.exec(spec);
  if (!m || m[1] === 'bean') throw new ValidationException(`${spec} spec currently not supported.`);
  const [, type, data] = m as unknown as [string, string, string];
  const attr = (name: string) => user.attributes.get(name.toLowerCase()) ?? [];
  switch (type) {
    case 'ou': {
      const ou = parseDn(user.dn).find((r) => r.type === 'ou');
      return clean(ou ? [ou.value] : [], []);
    }
    case 'attribute':
    case 'filtered_attribute':
    case 'dn_attribute':
    case 'filtered_dn_attribute': {
      const raw = attr(data);
      if (raw.length === 0) throw new ValidationException(`No values for attribute ${data} on ${user.dn}`);
      const nameAttr = directory.config.groupNameAttribute.toLowerCase();
      const names = type.includes('dn_')
        ? raw.map((dn) => parseDn(dn).find((r) => r.type === nameAttr)?.value).filter((n): n is string => Boolean(n))
        : raw;
      if (!type.startsWith('filtered_')) return clean(names, []);
      const known = new Set(await directory.groupNames());
      return clean(names.filter((n) => known.has(n)), []);
    }
    default: {
      // :query:
      const values = (name: string) => (name.toLowerCase() === 'dn' ? [user.dn] : attr(name));
      const filter = substitutePlaceholders(data, values);
      const member = await directory.groupNames(filter);
      const ownerFilter = directory.config.newUserGroupOwner;
      const owner = ownerFilter ? await directory.groupNames(allOf(filter, substitutePlaceholders(ownerFilter, values))) : [];
      return clean(member, owner);
    }
  }
}

/** Drops blanks, duplicates and the reserved names. */
function clean(member: readonly string[], owner: readonly string[]): UserGroupNames {
  const keep = (names: readonly string[]) => [...new Set(names.map((n) => n.trim()).filter((n) => n !== '' && !RESERVED_GROUP_NAMES.has(n)))];
  return { member: keep(member), owner: keep(owner) };
}
