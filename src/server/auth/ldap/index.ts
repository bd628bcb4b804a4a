/** The LDAP provider (reference field-notes §3): configuration, directory access, group resolution. */
export { parseDn, type Rdn } from './distinguished-name.js';
export { ldapConfigFromEnv, ldapEnvName, USER_FIELDS, type LdapConfig, type UserField } from './ldap-config.js';
export { LdapDirectory, type LdapGroup, type LdapUser } from './ldap-directory.js';
export { allOf, narrowedFilter, substitutePlaceholders } from './ldap-filter.js';
export { newUserGroups, RESERVED_GROUP_NAMES, type UserGroupNames } from './new-user-groups.js';
